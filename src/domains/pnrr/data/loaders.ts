import DataLoader from 'dataloader';
import { defineLoaders, type HubContext } from '../../../common/context.js';
import { comuniParam } from '../../../common/keys.js';
import { groupBy, manyLoader, oneLoader } from '../../../common/loaders.js';
import { keysetSql, type Page } from '../../../common/pagination.js';
import { PnrrBody } from '../model/body.entity.js';
import { Claim } from '../model/claim.entity.js';
import { resolveTerritory } from '../../../core/data/territory.js';
import type { BasisFigure } from '../rules/claim.reconcile.js';
import { computeFigure } from './figures.js';
import { PnrrImplementation } from '../model/framework.entity.js';
import { PnrrGrant } from '../model/grant.entity.js';
import { PnrrComuneKpi } from '../model/kpi.entity.js';
import { PnrrMeasure, PnrrNotice } from '../model/measure.entity.js';
import { PnrrProject, PnrrProjectLocation } from '../model/project.entity.js';
import {
  amountsByComune,
  grantFilterKey,
  grantSql,
  type AmountRow,
  type GrantFilter,
} from './sums.js';
import { type ReconciliationBasis } from '../model/enums.js';

/**
 * One loader per distinct argument value, each batching over comuni: `keyOf` names the
 * value (equal values, equal keys) and `make` builds its loader from the typed value.
 */
function perArgs<A, V>(keyOf: (args: A) => string, make: (args: A) => DataLoader<string, V>) {
  const loaders = new Map<string, DataLoader<string, V>>();
  return (args: A) => {
    const key = keyOf(args);
    let l = loaders.get(key);
    if (!l) loaders.set(key, (l = make(args)));
    return l;
  };
}

/** The key of a page asked for: its size, its way and its cursors (the keys derive from them). */
const pageKey = (p: Page) =>
  `${p.size}|${p.backward ? 1 : 0}|${p.afterCursor ?? ''}|${p.beforeCursor ?? ''}`;

/** Which grants of a comune a page lists: the counted ones, or the uncertain ones on asOf. */
export interface GrantPageArgs {
  filter: GrantFilter;
  page: Page;
  uncertain: boolean;
}

/** A page of a per-comune list: the rows of the page (plus one, to tell if more lie that way). */
export interface ComunePage<T> {
  rows: T[];
  total: number;
}

function createPnrrLoaders(ctx: HubContext) {
  const { em } = ctx;

  return {
    measure: oneLoader(
      (codes: readonly string[]) => em.find(PnrrMeasure, { code: { $in: [...codes] } }),
      (m) => m.code,
    ),
    notice: oneLoader(
      (titles: readonly string[]) => em.find(PnrrNotice, { title: { $in: [...titles] } }),
      (n) => n.title,
    ),
    body: oneLoader(
      (codes: readonly string[]) => em.find(PnrrBody, { ipaCode: { $in: [...codes] } }),
      (b) => b.ipaCode,
    ),
    /** The claims stated as parts of each claim (by the total's code). */
    claimParts: manyLoader(
      (codes: readonly string[]) =>
        em.find(Claim, { partOf: { $in: [...codes] } }, { orderBy: { code: 'asc' } }),
      (c) => c.partOf!.unwrap().code,
    ),
    claim: oneLoader(
      (codes: readonly string[]) => em.find(Claim, { code: { $in: [...codes] } }),
      (c) => c.code,
    ),
    implementation: oneLoader(
      (codes: readonly string[]) => em.find(PnrrImplementation, { comune: { $in: [...codes] } }),
      (i) => i.comune.unwrap().istatCode,
    ),
    kpi: oneLoader(
      (codes: readonly string[]) => em.find(PnrrComuneKpi, { comune: { $in: [...codes] } }),
      (k) => k.comune.unwrap().istatCode,
    ),
    locationsOfProject: manyLoader(
      (codes: readonly string[]) =>
        em.find(
          PnrrProjectLocation,
          { project: { $in: [...codes] } },
          { orderBy: { comune: 'asc', pk: 'asc' } },
        ),
      (l) => l.project.unwrap().localCode,
    ),
    /** Sums per measure and in total, per comune, for one filter: one statement per batch. */
    amounts: perArgs(
      grantFilterKey,
      (f: GrantFilter) =>
        new DataLoader<string, AmountRow[]>(async (codes) => {
          const byComune = groupBy(await amountsByComune(ctx, codes, f), (r) => r.comune);
          return codes.map((c) => byComune.get(c) ?? []);
        }),
    ),
    /**
     * A keyset page of grants per comune (by funding date, then id), either way, the
     * counted ones or those whose state on the asOf date is uncertain: one statement per batch.
     */
    grants: perArgs(
      (a: GrantPageArgs) => `${grantFilterKey(a.filter)}|${pageKey(a.page)}|${a.uncertain ? 1 : 0}`,
      ({ filter, page, uncertain }: GrantPageArgs) => {
        const w = grantSql(filter);
        const ks = keysetSql(['g.funded_on', 'g.pk'], page, ['date', 'integer']);
        return new DataLoader<string, PnrrGrant[]>(async (codes) => {
          const rows = await em.execute<Record<string, unknown>[]>(
            `select * from (
             select g.*, row_number() over (partition by g.comune_istat_code order by ${ks.orderBy}) as rn_
               from pnrr_grant g join pnrr_body b on b.ipa_code = g.body_ipa_code ${w.join}
              where g.comune_istat_code = any(?::text[])
                and ${uncertain ? w.uncertain : w.counted}
                ${ks.conditions.map((c) => `and ${c}`).join(' ')}) x
            where rn_ <= ? order by comune_istat_code, rn_`,
            [...w.params, comuniParam(codes), ...ks.params, ks.limit],
          );
          const grants = rows.map(({ rn_: _, ...r }) => em.map(PnrrGrant, r));
          const byComune = groupBy(grants, (g) => g.comune.unwrap().istatCode);
          return codes.map((c) => byComune.get(c) ?? []);
        });
      },
    ),
    /** A keyset page of projects located in each comune (by local code), either way. */
    projects: perArgs(pageKey, (page: Page) => {
      const ks = keysetSql(['p.local_code'], page);
      return new DataLoader<string, ComunePage<PnrrProject>>(async (codes) => {
        const list = comuniParam(codes);
        const counts = await em.execute<{ comune: string; n: string }[]>(
          `select comune_istat_code as comune, count(distinct project_local_code) as n
             from pnrr_project_location where comune_istat_code = any(?::text[])
            group by 1`,
          [list],
        );
        const rows = await em.execute<Record<string, unknown>[]>(
          `select * from (
             select p.*, l.comune_ as comune_,
                    row_number() over (partition by l.comune_ order by ${ks.orderBy}) as rn_
               from pnrr_project p
               join (select distinct project_local_code, comune_istat_code as comune_
                       from pnrr_project_location
                      where comune_istat_code = any(?::text[])) l
                 on l.project_local_code = p.local_code
              ${ks.conditions.length ? `where ${ks.conditions.join(' and ')}` : ''}) x
            where rn_ <= ? order by comune_, rn_`,
          [list, ...ks.params, ks.limit],
        );
        const total = new Map(counts.map((r) => [r.comune, Number(r.n)]));
        const byComune = groupBy(rows, (r) => r.comune_ as string);
        return codes.map((c) => ({
          total: total.get(c) ?? 0,
          rows: (byComune.get(c) ?? []).map(({ rn_: _, comune_: __, ...r }) =>
            em.map(PnrrProject, r),
          ),
        }));
      });
    }),
    /** Open-data figures for claims, by "basis|territory|date". */
    figure: new DataLoader<string, BasisFigure>(async (keys) => {
      // Each territory is resolved once for all the figures asked of it.
      const parsed = keys.map((k) => k.split('|') as [ReconciliationBasis, string, string]);
      const territories = [...new Set(parsed.map(([, t]) => t))];
      const codes = new Map(
        await Promise.all(
          territories.map(
            async (t) => [t, await resolveTerritory(em, t, 'claim.territory')] as const,
          ),
        ),
      );
      return Promise.all(
        parsed.map(([basis, territory, asOf]) =>
          computeFigure(em, basis, territory, asOf, codes.get(territory)),
        ),
      );
    }),
  };
}

/** The PNRR loaders of this request. */
export const pnrrLoaders = defineLoaders(createPnrrLoaders);
