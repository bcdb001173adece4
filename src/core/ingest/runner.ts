import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify';
import { createWriteStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  checkFile,
  fileSha256,
  FileRefused,
  type Encoding,
  type FileCheck,
} from '../../common/csv-input.js';
import {
  importRunScope,
  type ImportReport,
  type Importer,
  type Reject,
} from '../../common/importer.js';
import { ImportOutcome } from '../model/enums.js';

/*
 * A run of an importer, recorded in `import_run`:
 * 1. the whole file is read once first: its SHA-256, and its encoding checked (a file that
 *    is not text in the encoding is refused before anything is written);
 * 2. in the import's transaction, the run takes a transaction-level advisory lock on its
 *    number, then its RUNNING row is written by another connection and committed at once;
 * 3. the importer runs in a savepoint (rolled back on an error or for a dry run);
 * 4. the rejections are written to the report file, and the run's outcome and counts are
 *    written in the same transaction as the data: both are committed, or neither.
 * A process killed at any point leaves its data uncommitted and its row RUNNING with its
 * lock released: `markAbortedRuns` (called by every run and by the `importRuns` query)
 * marks such rows ABORTED.
 */

/** Options of a run: what `npm run import` takes on its command line. */
export interface RunOptions {
  /** Encoding of the file (default utf-8). */
  encoding?: Encoding;
  /** Validate and count without writing anything but the run's record and report. */
  dryRun?: boolean;
  /** Where to write the rejections (default: beside the file, `<name>.run-<n>.rejects.csv`). */
  reportPath?: string;
  onProgress?: (lines: number) => void;
}

/** What a run did. */
export interface RunResult {
  /** Run number (`import_run.id`). */
  run: number;
  outcome: ImportOutcome;
  /** The importer's report; null when the run FAILED. */
  report: ImportReport | null;
  /** The report file of the rejections; null when there were none. */
  reportPath: string | null;
  /** Why the run FAILED. */
  error: Error | null;
  sha256: string | null;
}

/** Advisory-lock key of a run: class `hashtext('import_run')`, object the run number. */
const LOCK = `hashtext('import_run')`;

/** Thrown inside the savepoint of a dry run to roll it back, carrying the report. */
class DryRun extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

/**
 * Marks ABORTED every RUNNING run whose process is gone: its advisory lock (held by the
 * import's transaction while it lives) is free. Returns how many were marked.
 */
export async function markAbortedRuns(em: EntityManager): Promise<number> {
  const rows = await em.execute<{ id: number }[]>(
    `update import_run
        set outcome = 'ABORTED', ended_at = clock_timestamp(),
            message = 'the importing process ended before the run finished (killed, crashed or cut off from the database); nothing it imported was kept'
      where id in (select id from import_run where outcome = 'RUNNING')
        and pg_try_advisory_xact_lock(${LOCK}, id)
      returning id`,
  );
  return rows.length;
}

/** The operating-system user, or the uid when it has no name. */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return String(process.getuid?.() ?? 'unknown');
  }
}

/** The default report file: beside the input, `<name>.run-<n>.rejects.csv`. */
export const defaultReportPath = (file: string, run: number) =>
  join(dirname(file), `${basename(file, extname(file))}.run-${run}.rejects.csv`);

/** Writes the rejections as CSV: line, column, code, message. */
async function writeRejects(path: string, rejected: Reject[]): Promise<void> {
  const rows = stringify({ header: true, columns: ['line', 'column', 'code', 'message'] });
  const done = pipeline(rows, createWriteStream(path));
  for (const r of rejected)
    if (!rows.write([r.line, r.column ?? '', r.code, r.reason]))
      await new Promise((ok) => rows.once('drain', ok));
  rows.end();
  await done;
}

/**
 * Runs an importer on a file as a recorded run (see the top of this file). Never throws
 * for a failed import: the result says FAILED and why. Throws only when the run could not
 * be recorded at all (database unreachable).
 */
export async function runImport(
  orm: MikroORM,
  name: string,
  importer: Importer,
  file: string,
  opts: RunOptions = {},
): Promise<RunResult> {
  const path = resolve(file);
  const encoding = opts.encoding ?? 'utf-8';
  await markAbortedRuns(orm.em.fork());
  let check: FileCheck | null = null;
  let sha256: string | null = null;
  let refusal: Error | null = null;
  try {
    check = await checkFile(path, encoding);
    sha256 = check.sha256;
  } catch (e) {
    refusal =
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? new Error(`${file}: file not found`)
        : (e as Error);
    // A refused file is still identified by its hash in the run's record.
    if (e instanceof FileRefused) sha256 = await fileSha256(path).catch(() => null);
  }
  let run = 0;
  try {
    return await orm.em.fork().transactional(async (tx) => {
      [{ run }] = await tx.execute<{ run: number }[]>(
        `select nextval(pg_get_serial_sequence('import_run', 'id'))::int as run`,
      );
      await tx.execute(`select pg_advisory_xact_lock(${LOCK}, ?)`, [run]);
      // Another connection, committed at once: the run is visible while it is in progress.
      await orm.em.fork().execute(
        `insert into import_run (id, importer, file_name, file_path, file_sha256, encoding, dry_run, host, pid, os_user)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          run,
          name,
          basename(path),
          path,
          sha256,
          encoding,
          Boolean(opts.dryRun),
          hostname(),
          process.pid,
          osUser(),
        ],
      );
      const reportPath = opts.reportPath ? resolve(opts.reportPath) : defaultReportPath(path, run);
      if (!refusal)
        await access(dirname(reportPath), constants.W_OK).catch(() => {
          refusal = new Error(
            `cannot write the report of rejections in ${dirname(reportPath)}; name another file with --report`,
          );
        });
      let report: ImportReport | null = null;
      let error = refusal;
      if (!error) {
        const scope = { file: path, encoding, sha256: check!.sha256, reads: 0 };
        try {
          report = await importRunScope.run(scope, () =>
            tx.transactional(async (inner) => {
              const r = await importer.run(inner, path, opts.onProgress);
              if (!scope.reads)
                throw new Error(
                  `importer "${name}" did not read its file through importCsv (which checks encoding, CSV syntax and columns); nothing was written`,
                );
              if (opts.dryRun) throw new DryRun(r);
              return r;
            }),
          );
        } catch (e) {
          if (e instanceof DryRun) report = e.report;
          else error = e as Error;
        }
      }
      const rejected = report?.rejected.length ?? 0;
      if (report && rejected) await writeRejects(reportPath, report.rejected);
      const outcome = error
        ? ImportOutcome.FAILED
        : rejected
          ? ImportOutcome.REJECTED_ROWS
          : ImportOutcome.SUCCEEDED;
      const counts = error
        ? [null, null, null, null, null, null]
        : [
            report!.read ?? null,
            report!.inserted,
            report!.updated,
            report!.unchanged,
            rejected,
            report!.skipped ?? 0,
          ];
      await tx.execute(
        `update import_run
            set outcome = ?, ended_at = clock_timestamp(), rows_read = ?, inserted = ?,
                updated = ?, unchanged = ?, rejected = ?, skipped = ?, report_path = ?, message = ?
          where id = ?`,
        [outcome, ...counts, rejected ? reportPath : null, error?.message ?? null, run],
      );
      return {
        run,
        outcome,
        report: error ? null : report,
        reportPath: rejected ? reportPath : null,
        error,
        sha256,
      };
    });
  } catch (e) {
    // The transaction itself failed (database lost, report not writable, commit refused):
    // nothing of the import was committed. Record that when the database still answers.
    if (!run) throw e;
    const message = (e as Error).message;
    await orm.em
      .fork()
      .execute(
        `update import_run set outcome = 'FAILED', ended_at = clock_timestamp(), message = ?
          where id = ? and outcome = 'RUNNING'`,
        [message, run],
      )
      .catch(() => undefined);
    return {
      run,
      outcome: ImportOutcome.FAILED,
      report: null,
      reportPath: null,
      error: e as Error,
      sha256,
    };
  }
}
