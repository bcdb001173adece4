import type { MikroORM } from '@mikro-orm/postgresql';

/** Runs of one importer with one outcome (what the metrics endpoint reports). */
export interface ImportRunCount {
  importer: string;
  /** The outcome in lower case: `succeeded`, `rejected_rows`, `failed`, `running`... */
  outcome: string;
  runs: number;
  /** When the latest of them ended; null while running. */
  lastEndedAt: Date | null;
}

/**
 * The import log summarised per importer and outcome, for the metrics endpoint: runs are
 * made by other processes (`npm run import`), so their figures come from `import_run`.
 * Outcomes are given in lower case (`succeeded`, `rejected_rows`, ...).
 */
export function importRunSummary(orm: MikroORM): () => Promise<ImportRunCount[]> {
  return async () => {
    const rows = await orm.em
      .getConnection()
      .execute<
        { importer: string; outcome: string; runs: string | number; last_ended_at: Date | null }[]
      >(
        `select importer, lower(outcome::text) as outcome, count(*) as runs, max(ended_at) as last_ended_at
         from import_run group by importer, outcome order by importer, outcome`,
      );
    return rows.map((r) => ({
      importer: r.importer,
      outcome: r.outcome,
      runs: Number(r.runs),
      lastEndedAt: r.last_ended_at ? new Date(r.last_ended_at) : null,
    }));
  };
}
