import type { EntityManager } from '@mikro-orm/postgresql';
import { resolveTerritory } from '../../../core/data/territory.js';
import type { BasisFigure, Totals } from '../rules/claim.reconcile.js';
import { PnrrBodies, ReconciliationBasis } from '../model/enums.js';
import { comuniParam } from '../../../common/keys.js';
import { grantSql, type GrantSql } from './sums.js';

/** The grants each basis counts (and those it cannot decide) on a date; comuni as bodies. */
const BASIS_SQL: Record<ReconciliationBasis, (asOf: string) => GrantSql> = {
  AS_OF: (d) => grantSql({ bodies: PnrrBodies.COMUNE, includeRenounced: false, asOf: d }),
  CURRENT: () => grantSql({ bodies: PnrrBodies.COMUNE, includeRenounced: false, asOf: null }),
  // Applied for by the date and not renounced by then (a grant funded later was pending,
  // not renounced); the state on the date as AS_OF reads it.
  APPLIED_BY: (d) => {
    const w = grantSql({ bodies: PnrrBodies.COMUNE, includeRenounced: false, asOf: d });
    return {
      ...w,
      counted: `(b.kind = 'COMUNE' and g.applied_on <= p_.as_of and (g.funded_on > p_.as_of or s_.st = 'ACTIVE'))`,
      uncertain: `(b.kind = 'COMUNE' and g.applied_on <= p_.as_of and s_.st = 'UNCERTAIN')`,
    };
  },
  // The file as published that day: a table of its own, whose rows are what they were.
  PUBLISHED_SNAPSHOT: (d) => ({
    join: 'cross join (select ?::date as as_of) p_',
    params: [d],
    counted: `(b.kind = 'COMUNE' and g.published_on = p_.as_of and g.status <> 'RENOUNCED')`,
    uncertain: 'false',
  }),
};

/**
 * Computes the figure of a basis with one grouped statement (two for a missing snapshot),
 * plus the territory lookup unless its comuni are given.
 */
export async function computeFigure(
  em: EntityManager,
  basis: ReconciliationBasis,
  territory: string,
  asOf: string,
  resolved?: readonly string[],
): Promise<BasisFigure> {
  const codes = resolved ?? (await resolveTerritory(em, territory, 'claim.territory'));
  const w = BASIS_SQL[basis](asOf);
  const table =
    basis === ReconciliationBasis.PUBLISHED_SNAPSHOT ? 'pnrr_grant_snapshot' : 'pnrr_grant';

  const rows = await em.execute<
    {
      measure: string | null;
      amount: string | null;
      n: string;
      uncertain: string | null;
      un: string;
    }[]
  >(
    `select case when grouping(g.measure_code) = 1 then '*' else g.measure_code end as measure,
            sum(g.amount) filter (where ${w.counted}) as amount,
            count(*) filter (where ${w.counted}) as n,
            sum(g.amount) filter (where ${w.uncertain}) as uncertain,
            count(*) filter (where ${w.uncertain}) as un
       from ${table} g join pnrr_body b on b.ipa_code = g.body_ipa_code ${w.join}
      where g.comune_istat_code = any(?::text[]) and (${w.counted} or ${w.uncertain})
      group by grouping sets ((g.measure_code), ())`,
    [...w.params, comuniParam(codes)],
  );
  if (!rows.some((r) => Number(r.n)) && basis === ReconciliationBasis.PUBLISHED_SNAPSHOT) {
    const held = await em.execute(
      'select 1 from pnrr_grant_snapshot where published_on = ?::date limit 1',
      [asOf],
    );
    if (!held.length) return { totals: null, comuneCount: codes.length };
  }
  const totals: Totals = new Map(
    rows.map((r) => [
      r.measure ?? '*',
      {
        amount: r.amount ?? '0',
        n: Number(r.n),
        uncertain: r.uncertain ?? '0',
        un: Number(r.un),
      },
    ]),
  );
  return { totals, comuneCount: codes.length };
}

/** The renounced grants whose renunciation day is not known or disputed, by comune and pk. */
export function disputedRenunciations(em: EntityManager) {
  return em.execute<
    {
      pk: number;
      comune: string;
      body: string;
      measure: string;
      amount: string;
      funded_on: string;
      status_on: string | null;
      observed_on: string | null;
      last_active: string | null;
      dataset_id: string;
      source_note: string | null;
    }[]
  >(
    `select g.pk, g.comune_istat_code as comune, b.name as body, g.measure_code as measure,
            g.amount::text as amount, g.funded_on::text as funded_on, g.status_on::text as status_on,
            g.status_observed_on::text as observed_on, a.last_active::text as last_active,
            g.dataset_id, g.source_note
       from pnrr_grant g join pnrr_body b on b.ipa_code = g.body_ipa_code
       cross join lateral (select max(s.published_on) as last_active from pnrr_grant_snapshot s
                            where s.cup = g.cup and s.notice_title = g.notice_title
                              and s.status <> 'RENOUNCED') a
      where g.status = 'RENOUNCED'
        and (g.status_on is null or a.last_active >= g.status_on)
      order by g.comune_istat_code, g.pk`,
  );
}
