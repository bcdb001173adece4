import { parse, type CsvError, type InfoRecord, type Options } from 'csv-parse';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream';
import type { EntityManager, EntityName } from '@mikro-orm/postgresql';
import { detectDelimiter, ExactDecoder, type Encoding } from './csv-input.js';

/**
 * Why a row was rejected: a stable code, listed with its meaning in the README
 * ("Importers"). Row parsers give one with each {@link RowError}.
 */
export type RejectCode =
  /** The row has more or fewer fields than the header. */
  | 'COLUMN_COUNT'
  /** The row is not valid CSV (a stray or unclosed quote). */
  | 'CSV_SYNTAX'
  /** A cell holds U+FFFD, the mark of text already damaged by a wrong conversion. */
  | 'ENCODING'
  /** A cell holds a control character (NUL, C1 controls...): not text. */
  | 'CONTROL_CHARACTER'
  /** A required cell is empty. */
  | 'EMPTY'
  /** Not a number in the accepted form, or outside the accepted range. */
  | 'INVALID_NUMBER'
  /** Not a date (or timestamp) in the accepted form, or not a real day. */
  | 'INVALID_DATE'
  /** A code in the wrong form (an ISTAT code that is not 6 digits, a CUP of 14 characters). */
  | 'INVALID_CODE'
  /** A well-formed code that names nothing the hub holds (comune, organisation, dataset...). */
  | 'UNKNOWN_REFERENCE'
  /** The same key as an earlier row of the file (the reason names its line). */
  | 'DUPLICATE'
  /** Cells that contradict each other or the hub (a postal code of another comune). */
  | 'INCONSISTENT'
  /** Any other value outside the accepted list or form. */
  | 'INVALID_VALUE';

/** A rejected CSV row: where it is (line where the record starts, column) and why. */
export interface Reject {
  line: number;
  column?: string;
  code: RejectCode;
  reason: string;
}

/** What an import did. */
export interface ImportReport {
  file: string;
  /** Data rows read (header excluded), rejected ones included; set by {@link importCsv}. */
  read?: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: Reject[];
  /** Rows left out on purpose (e.g. outside the hub's territory), when an importer counts them. */
  skipped?: number;
}

/** Thrown by a row parser: names the column, the accepted form and a {@link RejectCode}. */
export class RowError extends Error {
  constructor(
    readonly column: string | undefined,
    message: string,
    readonly code: RejectCode = 'INVALID_VALUE',
  ) {
    super(message);
  }
}

/** Counts of one applied batch. */
export interface BatchCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * An importer of one CSV layout, run by `npm run import -- <name> <file>`. `run` reads its
 * file with {@link importCsv} (the runner refuses an importer that does not): encoding,
 * CSV syntax, column counts and cell text are checked there, for every importer.
 */
export interface Importer {
  /** One line on the layout, shown by `npm run import` without arguments. */
  description: string;
  run(em: EntityManager, file: string, onProgress?: (lines: number) => void): Promise<ImportReport>;
}

/**
 * What a run of `npm run import` (src/core/ingest/runner.ts) tells the {@link importCsv}
 * calls made inside it, through an AsyncLocalStorage, so that the importers' interface
 * does not change: the encoding the operator named and the checked file's SHA-256.
 */
export interface ImportRunScope {
  /** Absolute path of the run's file: importCsv reads no other. */
  file: string;
  encoding: Encoding;
  /** SHA-256 of the file when the run checked it: a file changed since is refused. */
  sha256: string;
  /** How many times importCsv read the file in this run. */
  reads: number;
}

/** The scope of the import run in progress, if any (see {@link ImportRunScope}). */
export const importRunScope = new AsyncLocalStorage<ImportRunScope>();

/** Options of {@link importCsv}. */
export interface CsvImportOptions<T> {
  file: string;
  /** Columns that must be in the header. */
  requiredColumns: string[];
  /** Parses and validates one record (1-based line where it starts), or throws a {@link RowError}. */
  parseRow: (record: Record<string, string>, line: number) => T | Promise<T>;
  /** Writes a batch of good rows (inside the import's transaction). */
  applyBatch: (em: EntityManager, rows: T[]) => Promise<BatchCounts>;
  batchSize?: number;
  /** CSV delimiter (default: detected from the header line, `,` or `;`). */
  delimiter?: string;
  onProgress?: (lines: number) => void;
}

/** A record as the parser hands it over: its fields and the lines it starts and ends on. */
interface ParsedRecord {
  fields: string[];
  line: number;
  end: number;
}

/** The longest record read (characters): a longer one is an unclosed quote, not data. */
const MAX_RECORD = 1_000_000;
/**
 * What a clean cell never holds: control characters other than tab, line feed and carriage
 * return (C0, DEL, C1) and U+FFFD. One character class, tested on every cell.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_CLEAN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/;

/** The first cell of a record that is not clean text, as a rejection (column, code, reason). */
function badCell(header: string[], fields: string[]): Omit<Reject, 'line'> | null {
  for (let i = 0; i < fields.length; i++) {
    const found = NOT_CLEAN.exec(fields[i]);
    if (!found) continue;
    const column = header[i] || `column ${i + 1}`;
    if (found[0] === '\ufffd')
      return {
        column,
        code: 'ENCODING',
        reason:
          'contains U+FFFD (�), the mark of text already damaged by a wrong encoding conversion; correct the source',
      };
    return {
      column,
      code: 'CONTROL_CHARACTER',
      reason: `contains the control character U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}, which is not text`,
    };
  }
  return null;
}

/** Checks the header line: required columns present, no name twice. Returns the names. */
function readHeader(file: string, line: number, fields: string[], required: string[]): string[] {
  const cols = fields.map((h) => h.trim());
  const missing = required.filter((c) => !cols.includes(c));
  if (missing.length)
    throw new Error(`${file}: line ${line}: missing column(s) ${missing.join(', ')}`);
  if (cols.includes('__proto__'))
    throw new Error(`${file}: line ${line}: "__proto__" is not a column name`);
  const twice = cols.find((c, i) => c && cols.indexOf(c) !== i);
  if (twice)
    throw new Error(`${file}: line ${line}: column "${twice}" appears twice in the header`);
  return cols;
}

/** The table of an entity, as its metadata names it (importers never spell it again). */
export const tableOf = (em: EntityManager, entity: EntityName<object>): string =>
  em.getMetadata(entity).tableName;

/**
 * Runs `work` in THE import's transaction: the caller's when `em` is already in one (the
 * runner's, or the importer's), else one opened here. An import never nests savepoints of
 * its own: one transaction, opened in one place, holds the rows, the removals and the
 * refreshes that follow them (all committed, or none). Flushes the unit of work at the end
 * as `em.transactional` does.
 */
export async function inTransaction<T>(
  em: EntityManager,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  if (!em.isInTransaction()) return em.transactional(work);
  const result = await work(em);
  await em.flush();
  return result;
}

/**
 * Streams a CSV file (header row) through a row parser into batched writes, all in one
 * transaction (the caller's, see {@link inTransaction}): good rows are kept; bad rows are
 * reported with their line, column, code and reason; a failure of the database leaves
 * nothing half-written. Idempotency is the batch writer's job (see {@link upsertRows}).
 *
 * For every importer, here:
 * - the bytes must be valid UTF-8 (BOM allowed), or text in the encoding the run names;
 *   otherwise the whole file is refused with the line and byte offset (`FileRefused`);
 * - the delimiter is detected from the header line (`,` or `;`), and only that one splits;
 * - a row with more or fewer fields than the header is rejected (`COLUMN_COUNT`), as is a
 *   row that is not valid CSV (`CSV_SYNTAX`) or has a cell that is not clean text
 *   (`ENCODING`, `CONTROL_CHARACTER`);
 * - inside a run of `npm run import`, the file must be the run's and unchanged since the
 *   run checked it.
 */
export async function importCsv<T>(
  em: EntityManager,
  opts: CsvImportOptions<T>,
): Promise<ImportReport> {
  await stat(opts.file).catch(() => {
    throw new Error(`${opts.file}: file not found`);
  });
  const scope = importRunScope.getStore();
  if (scope) {
    if (resolve(opts.file) !== scope.file)
      throw new Error(`${opts.file}: an importer may read only its run's file (${scope.file})`);
    scope.reads++;
  }
  const delimiter = opts.delimiter ?? (await detectDelimiter(opts.file));
  const report: ImportReport = {
    file: opts.file,
    read: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: [],
  };
  const size = opts.batchSize ?? 1000;
  await inTransaction(em, async (tx) => {
    // Where each record starts, in parse order: after the previous one and the empty
    // lines skipped since (csv-parse reports the line where a record ends).
    let lastEnd = 0;
    let lastEmpty = 0;
    const startOf = (ctx: { lines: number; empty_lines: number }) => {
      const start = lastEnd + 1 + (ctx.empty_lines - lastEmpty);
      [lastEnd, lastEmpty] = [ctx.lines, ctx.empty_lines];
      return start;
    };
    const options: Options<ParsedRecord, string[]> = {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: MAX_RECORD,
      on_record: (fields: string[], ctx: InfoRecord) => ({
        fields,
        line: startOf(ctx),
        end: ctx.lines,
      }),
    };
    const parser = parse(options as unknown as Options);
    // Records that are not valid CSV are skipped by the parser; their rejections wait
    // here until the records before them are handled, so the report stays in line order.
    const syntax: Reject[] = [];
    let skippedAt = 0;
    parser.on('skip', (err: CsvError) => {
      const at = err as unknown as { lines: number; empty_lines: number };
      // Each stray quote of a record raises its own error: report the record once.
      if (at.lines === skippedAt && lastEnd === skippedAt) return;
      skippedAt = at.lines;
      const line = startOf(at);
      if (err.code === 'CSV_MAX_RECORD_SIZE')
        parser.destroy(
          new Error(
            `${opts.file}: line ${line}: a record longer than ${MAX_RECORD.toLocaleString('en')} characters (an unclosed quote?); nothing was written`,
          ),
        );
      else
        syntax.push({
          line,
          code: 'CSV_SYNTAX',
          reason: `not valid CSV: ${err.message.replace(/ at line \d+/, '')}`,
        });
    });
    pipeline(
      createReadStream(opts.file),
      new ExactDecoder(opts.file, scope?.encoding ?? 'utf-8', scope?.sha256),
      parser,
      () => {
        /* errors reach the loop below through the parser */
      },
    );
    let header: string[] | null = null;
    const syntaxBefore = (line: number) => {
      while (syntax.length && syntax[0].line < line) {
        const r = syntax.shift()!;
        if (!header)
          throw new Error(`${opts.file}: line ${r.line}: the header line is ${r.reason}`);
        report.read!++;
        report.rejected.push(r);
      }
    };
    let batch: T[] = [];
    let lines = 0;
    const flush = async () => {
      if (!batch.length) return;
      const c = await opts.applyBatch(tx, batch);
      report.inserted += c.inserted;
      report.updated += c.updated;
      report.unchanged += c.unchanged;
      batch = [];
    };
    for await (const { fields, line, end } of parser as AsyncIterable<ParsedRecord>) {
      syntaxBefore(line);
      lines = end;
      if (!header) {
        header = readHeader(opts.file, line, fields, opts.requiredColumns);
        continue;
      }
      report.read!++;
      const reject = (r: Omit<Reject, 'line'>) => report.rejected.push({ line, ...r });
      if (fields.length !== header.length) {
        reject({
          code: 'COLUMN_COUNT',
          reason: `has ${fields.length} fields, the header has ${header.length}`,
        });
        continue;
      }
      const bad = badCell(header, fields);
      if (bad) {
        reject(bad);
        continue;
      }
      const record: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) if (header[i]) record[header[i]] = fields[i];
      try {
        batch.push(await opts.parseRow(record, line));
      } catch (e) {
        if (!(e instanceof RowError)) throw e;
        reject({ column: e.column, code: e.code, reason: e.message });
      }
      if (batch.length >= size) {
        await flush();
        opts.onProgress?.(lines);
      }
    }
    syntaxBefore(Infinity);
    if (!header) throw new Error(`${opts.file}: the file is empty (no header line)`);
    await flush();
    opts.onProgress?.(lines);
  });
  return report;
}

/**
 * Inserts or updates rows of an entity's table (named by its metadata) by key in one statement, touching only rows whose
 * values changed: a re-run changes nothing, a changed row updates exactly that row.
 * Returns how many rows were inserted, updated and left unchanged.
 */
export async function upsertRows(
  em: EntityManager,
  entity: EntityName<object>,
  keyColumns: string[],
  rows: Record<string, unknown>[],
): Promise<BatchCounts> {
  if (!rows.length) return { inserted: 0, updated: 0, unchanged: 0 };
  const table = tableOf(em, entity);
  const knex = em.getKnex();
  const columns = Object.keys(rows[0]);
  const valueColumns = columns.filter((c) => !keyColumns.includes(c));
  const q = (c: string) => `"${c}"`;
  const changed = valueColumns.length
    ? `(${valueColumns.map((c) => `${q(table)}.${q(c)}`).join(', ')}) is distinct from (${valueColumns
        .map((c) => `excluded.${q(c)}`)
        .join(', ')})`
    : 'false';
  const insert = knex(table).insert(rows).toSQL();
  const sql = `${insert.sql} on conflict (${keyColumns.map(q).join(', ')}) do update set ${
    valueColumns.length
      ? valueColumns.map((c) => `${q(c)} = excluded.${q(c)}`).join(', ')
      : `${q(keyColumns[0])} = excluded.${q(keyColumns[0])}`
  } where ${changed} returning (xmax = 0) as inserted`;
  // em.execute (not em.getConnection().execute) runs inside the caller's transaction.
  const res = await em.execute<{ inserted: boolean }[]>(knex.raw(sql, insert.bindings as never));
  const inserted = res.filter((r) => r.inserted).length;
  const updated = res.length - inserted;
  return { inserted, updated, unchanged: rows.length - res.length };
}

/** A rejection as one line: where, why, and its code. */
export const formatReject = (x: Reject) =>
  `line ${x.line}${x.column ? `, column ${x.column}` : ''}: ${x.reason} [${x.code}]`;

/**
 * The importers' summary: the counts, then the first `shown` rejections. The full list
 * is in the run's report file (see src/core/ingest/runner.ts).
 */
export function formatReport(r: ImportReport, shown = 10): string {
  const lines = [
    `${r.file}: ${r.read ?? '?'} read, ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected.length} rejected, ${r.skipped ?? 0} skipped`,
  ];
  for (const x of r.rejected.slice(0, shown)) lines.push(`  ${formatReject(x)}`);
  if (r.rejected.length > shown)
    lines.push(`  ... and ${r.rejected.length - shown} more (all in the report file)`);
  return lines.join('\n');
}
