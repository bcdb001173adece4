import type { EntityManager } from '@mikro-orm/postgresql';
import { PnrrBodies, type GrantFilter, type PnrrGroupBy } from './pnrr.types.js';

/** Binds a list of codes as one parameter: `= any(string_to_array(?, ','))`. */
export const codeList = (codes: readonly string[]) => codes.join(',');

/**
 * The WHERE conditions of the counted grants (alias `g` = pnrr_grant, `b` = pnrr_body),
 * with their bindings. The semantics are those of the schema descriptions:
 * - renounced grants are left out unless `includeRenounced`;
 * - `asOf: D` keeps grants funded on or before D that were not renounced by D: a renounced
 *   grant counts only when its status date is known and later than D;
 * - `bodies: COMUNE` keeps the grants whose body is a comune (the comune itself).
 */
export function grantConditions(f: GrantFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.bodies === PnrrBodies.COMUNE) parts.push(`b.kind = 'COMUNE'`);
  if (f.asOf) {
    parts.push('g.funded_on <= ?::date');
    params.push(f.asOf);
    if (!f.includeRenounced) {
      parts.push(
        `(g.status <> 'RENOUNCED' or (g.status_on is not null and g.status_on > ?::date))`,
      );
      params.push(f.asOf);
    }
  } else if (!f.includeRenounced) parts.push(`g.status <> 'RENOUNCED'`);
  return { sql: parts.length ? parts.join(' and ') : 'true', params };
}

/** A stable key of a filter, for per-filter loaders. */
export const filterKey = (f: GrantFilter) =>
  JSON.stringify({ bodies: f.bodies, includeRenounced: f.includeRenounced, asOf: f.asOf });

/** One aggregate row: a comune (or null), a measure (or null for all measures). */
export interface AmountRow {
  comune: string;
  measure: string | null;
  amount: string;
  n: string;
}

/**
 * Sums per comune and measure plus per comune (grouping sets), for many comuni in one
 * statement: the batch of the section loaders.
 */
export function amountsByComune(
  em: EntityManager,
  codes: readonly string[],
  f: GrantFilter,
): Promise<AmountRow[]> {
  const w = grantConditions(f);
  return em.execute<AmountRow[]>(
    `select g.comune_istat_code as comune,
            case when grouping(g.measure_code) = 1 then null else g.measure_code end as measure,
            sum(g.amount) as amount, count(*) as n
       from pnrr_grant g join pnrr_body b on b.ipa_code = g.body_ipa_code
      where g.comune_istat_code = any(string_to_array(?, ',')) and ${w.sql}
      group by grouping sets ((g.comune_istat_code, g.measure_code), (g.comune_istat_code))
      order by 1, 2`,
    [codeList(codes), ...w.params],
  );
}

/** Key and label expressions of each grouping of `pnrrSummary`. */
const GROUPS: Record<PnrrGroupBy, { key: string; label: string; join?: string }> = {
  MEASURE: {
    key: 'g.measure_code',
    label: 'm.title',
    join: 'join pnrr_measure m on m.code = g.measure_code',
  },
  COMUNE: {
    key: 'g.comune_istat_code',
    label: 'c.name',
    join: 'join comune c on c.istat_code = g.comune_istat_code',
  },
  STATUS: { key: 'g.status::text', label: 'g.status::text' },
  NOTICE: { key: 'g.notice_title', label: 'g.notice_title' },
  BODY_KIND: { key: 'b.kind::text', label: 'b.kind::text' },
  FUNDING_MONTH: {
    key: `to_char(g.funded_on, 'YYYY-MM')`,
    label: `to_char(g.funded_on, 'YYYY-MM')`,
  },
};

/** A summary row; `key` null is the grand total (grouping sets). */
export interface SummarySqlRow {
  key: string | null;
  label: string | null;
  amount: string;
  n: string;
}

/** Sums of a territory's grants by one grouping, with the grand total, in one statement. */
export function summaryRows(
  em: EntityManager,
  codes: readonly string[],
  by: PnrrGroupBy,
  f: GrantFilter,
): Promise<SummarySqlRow[]> {
  const w = grantConditions(f);
  const g = GROUPS[by];
  return em.execute<SummarySqlRow[]>(
    `select case when grouping(${g.key}) = 1 then null else ${g.key} end as key,
            min(${g.label}) as label, sum(g.amount) as amount, count(*) as n
       from pnrr_grant g join pnrr_body b on b.ipa_code = g.body_ipa_code ${g.join ?? ''}
      where g.comune_istat_code = any(string_to_array(?, ',')) and ${w.sql}
      group by grouping sets ((${g.key}), ())
      order by 1 nulls first`,
    [codeList(codes), ...w.params],
  );
}
