import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { EntityManager } from '@mikro-orm/postgresql';

/** A rejected CSV row: where it is and why. */
export interface Reject {
  line: number;
  column?: string;
  reason: string;
}

/** What an import did. */
export interface ImportReport {
  file: string;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: Reject[];
  /** Rows left out on purpose (e.g. outside the hub's territory), when an importer counts them. */
  skipped?: number;
}

/** Thrown by a row parser: names the column and the accepted form. */
export class RowError extends Error {
  constructor(
    readonly column: string | undefined,
    message: string,
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

/** An importer of one CSV layout, run by `npm run import -- <name> <file>`. */
export interface Importer {
  /** One line on the layout, shown by `npm run import` without arguments. */
  description: string;
  run(em: EntityManager, file: string, onProgress?: (lines: number) => void): Promise<ImportReport>;
}

/** Options of {@link importCsv}. */
export interface CsvImportOptions<T> {
  file: string;
  /** Columns that must be in the header. */
  requiredColumns: string[];
  /** Parses and validates one record (1-based file line), or throws a {@link RowError}. */
  parseRow: (record: Record<string, string>, line: number) => T | Promise<T>;
  /** Writes a batch of good rows (inside the import's transaction). */
  applyBatch: (em: EntityManager, rows: T[]) => Promise<BatchCounts>;
  batchSize?: number;
  /** CSV delimiter (default: detected from the header among `,` and `;`). */
  delimiter?: string;
  onProgress?: (lines: number) => void;
}

/**
 * Streams a CSV file (UTF-8, header row) through a row parser into batched writes, all
 * in one transaction: good rows are kept, bad rows are reported with line, column and
 * reason; a failure of the database leaves nothing half-written. Idempotency is the
 * batch writer's job (see {@link upsertRows}).
 */
export async function importCsv<T>(
  em: EntityManager,
  opts: CsvImportOptions<T>,
): Promise<ImportReport> {
  await stat(opts.file).catch(() => {
    throw new Error(`${opts.file}: file not found`);
  });
  const report: ImportReport = {
    file: opts.file,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: [],
  };
  const size = opts.batchSize ?? 1000;
  await em.transactional(async (tx) => {
    const parser = createReadStream(opts.file).pipe(
      parse({
        columns: (header: string[]) => {
          const cols = header.map((h) => h.trim());
          const missing = opts.requiredColumns.filter((c) => !cols.includes(c));
          if (missing.length)
            throw new Error(`${opts.file}: line 1: missing column(s) ${missing.join(', ')}`);
          return cols;
        },
        bom: true,
        delimiter: opts.delimiter ?? [',', ';'],
        skip_empty_lines: true,
        relax_column_count: true,
        info: true,
      }),
    );
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
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      lines = info.lines;
      try {
        batch.push(await opts.parseRow(record, info.lines));
      } catch (e) {
        if (!(e instanceof RowError)) throw e;
        report.rejected.push({ line: info.lines, column: e.column, reason: e.message });
      }
      if (batch.length >= size) {
        await flush();
        opts.onProgress?.(lines);
      }
    }
    await flush();
    opts.onProgress?.(lines);
  });
  return report;
}

/**
 * Inserts or updates rows of a table by key in one statement, touching only rows whose
 * values changed: a re-run changes nothing, a changed row updates exactly that row.
 * Returns how many rows were inserted, updated and left unchanged.
 */
export async function upsertRows(
  em: EntityManager,
  table: string,
  keyColumns: string[],
  rows: Record<string, unknown>[],
): Promise<BatchCounts> {
  if (!rows.length) return { inserted: 0, updated: 0, unchanged: 0 };
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

/** Prints a report as the importers' summary. */
export function formatReport(r: ImportReport): string {
  const lines = [
    `${r.file}: ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected.length} rejected` +
      (r.skipped ? `, ${r.skipped} skipped` : ''),
  ];
  for (const x of r.rejected.slice(0, 50))
    lines.push(`  line ${x.line}${x.column ? `, column ${x.column}` : ''}: ${x.reason}`);
  if (r.rejected.length > 50) lines.push(`  ... and ${r.rejected.length - 50} more`);
  return lines.join('\n');
}
