import type { HubContext } from '../../../common/context.js';
import { comuniParam } from '../../../common/keys.js';
import { readRows } from '../../../common/read.js';
import { PnrrBodies, type PnrrGroupBy } from '../model/enums.js';

/** The PNRR options a section or summary was asked with. */
export interface GrantFilter {
  bodies: PnrrBodies;
  includeRenounced: boolean;
  asOf: string | null;
}

/**
 * How a query selects the grants of a filter (alias `g` = pnrr_grant, `b` = pnrr_body):
 * `join` (with `params`, bound first) adds the filter's date `p_.as_of` and each grant's
 * state on it `s_.st` (see `pnrr_grant_state_on`, migration 20261130007000); `counted` keeps
 * the grants the figure counts, `uncertain` those whose state on the date is not known.
 * The semantics are those of the schema descriptions:
 * - renounced grants are left out unless `includeRenounced`;
 * - `asOf: D` counts the grants that every dated observation shows active on D (funded by D
 *   and not renounced by D: the current files with the day they were published and their
 *   status dates, and the files as published on past days); a grant that no observation
 *   decides for D (renounced at an unknown date after its last observation as active) is
 *   `uncertain`, counted apart, never on either side;
 * - `bodies: COMUNE` keeps the grants whose body is a comune (the comune itself).
 */
export interface GrantSql {
  join: string;
  params: unknown[];
  counted: string;
  uncertain: string;
}

/** The state of each grant on the bound date (null when no date is bound). */
const STATE_JOIN = `cross join (select ?::date as as_of) p_
  cross join lateral (select case when p_.as_of is null then null
    else pnrr_grant_state_on(g, p_.as_of) end as st) s_`;

export function grantSql(f: GrantFilter): GrantSql {
  const body = f.bodies === PnrrBodies.COMUNE ? `b.kind = 'COMUNE' and ` : '';
  let counted: string;
  let uncertain = 'false';
  if (!f.asOf) counted = f.includeRenounced ? 'true' : `g.status <> 'RENOUNCED'`;
  else if (f.includeRenounced) counted = 'g.funded_on <= p_.as_of';
  else {
    counted = `s_.st = 'ACTIVE'`;
    uncertain = `s_.st = 'UNCERTAIN'`;
  }
  return {
    join: STATE_JOIN,
    params: [f.asOf],
    counted: `(${body}${counted})`,
    uncertain: uncertain === 'false' ? 'false' : `(${body}${uncertain})`,
  };
}

/** The key of a filter's loaders: equal filters share one loader (one statement per batch). */
export const grantFilterKey = (f: GrantFilter): string =>
  `${f.bodies}|${f.includeRenounced ? 1 : 0}|${f.asOf ?? ''}`;

/** One aggregate row: a comune (or null), a measure (or null for all measures). */
export interface AmountRow {
  comune: string;
  measure: string | null;
  amount: string | null;
  n: number;
  uncertain: string | null;
  un: number;
}

/**
 * Sums per comune and measure plus per comune (grouping sets), counted and uncertain apart,
 * for many comuni in one statement: the batch of the section loaders.
 */
export function amountsByComune(
  ctx: HubContext,
  codes: readonly string[],
  f: GrantFilter,
): Promise<AmountRow[]> {
  const w = grantSql(f);
  return readRows<AmountRow>(
    ctx,
    `select g.comune_istat_code as comune,
            case when grouping(g.measure_code) = 1 then null else g.measure_code end as measure,
            (sum(g.amount) filter (where ${w.counted}))::text as amount,
            count(*) filter (where ${w.counted}) as n,
            (sum(g.amount) filter (where ${w.uncertain}))::text as uncertain,
            count(*) filter (where ${w.uncertain}) as un
       from pnrr_grant g join pnrr_body b on b.ipa_code = g.body_ipa_code ${w.join}
      where g.comune_istat_code = any(?::text[]) and (${w.counted} or ${w.uncertain})
      group by grouping sets ((g.comune_istat_code, g.measure_code), (g.comune_istat_code))
      order by 1, 2`,
    [...w.params, comuniParam(codes)],
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
  amount: string | null;
  n: number;
  uncertain: string | null;
  un: number;
}

/** Sums of a territory's grants by one grouping, with the grand total, in one statement. */
export function summaryRows(
  ctx: HubContext,
  codes: readonly string[],
  by: PnrrGroupBy,
  f: GrantFilter,
): Promise<SummarySqlRow[]> {
  const w = grantSql(f);
  const g = GROUPS[by];
  return readRows<SummarySqlRow>(
    ctx,
    `select case when grouping(${g.key}) = 1 then null else ${g.key} end as key,
            min(${g.label}) as label,
            (sum(g.amount) filter (where ${w.counted}))::text as amount,
            count(*) filter (where ${w.counted}) as n,
            (sum(g.amount) filter (where ${w.uncertain}))::text as uncertain,
            count(*) filter (where ${w.uncertain}) as un
       from pnrr_grant g join pnrr_body b on b.ipa_code = g.body_ipa_code ${w.join} ${g.join ?? ''}
      where g.comune_istat_code = any(?::text[]) and (${w.counted} or ${w.uncertain})
      group by grouping sets ((${g.key}), ())
      order by 1 nulls first`,
    [...w.params, comuniParam(codes)],
  );
}
