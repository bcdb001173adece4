import DataLoader from 'dataloader';
import { defineLoaders, type HubContext } from '../../../common/context.js';
import { manyLoader, oneLoader } from '../../../common/loaders.js';
import { readRows } from '../../../common/read.js';
import { AnncsuCivicCount } from '../model/anncsu.entity.js';
import type { BroadbandFigures, BroadbandGaps } from '../api/types.js';
import { Coverage, CoverageStatusChange } from '../model/coverage.entity.js';
import { currentMapping, gapFacts, gapFigures } from './gaps.stats.js';
import { BroadbandMapping, CoverageObservation } from '../model/mapping.entity.js';
import { BroadbandPlanStatus } from '../model/plan-status.entity.js';
import { aggregate, figures, networkKm } from './stats.js';
import { comuniParam } from '../../../common/keys.js';

/** The broadband DataLoaders, built once per request by `broadbandLoaders(ctx)`. */
function createBroadbandLoaders(ctx: HubContext) {
  const { em } = ctx;
  return {
    /** Coverage of each civic address, by address pk. */
    coverage: oneLoader(
      (pks: readonly number[]) => em.find(Coverage, { address: { $in: [...pks] } }),
      (c) => c.address.unwrap().pk,
    ),
    /** Status history of each civic address's coverage, oldest first. */
    history: manyLoader(
      (pks: readonly number[]) =>
        em.find(
          CoverageStatusChange,
          { address: { $in: [...pks] } },
          { orderBy: { on: 'asc', pk: 'asc' } },
        ),
      (h) => h.address.unwrap().pk,
    ),
    /** Observations of each civic address by every mapping, newest mapping first. */
    observations: manyLoader(
      (pks: readonly number[]) =>
        em.find(
          CoverageObservation,
          { address: { $in: [...pks] } },
          { populate: ['mapping'], orderBy: { mapping: { year: 'desc' } } },
        ),
      (o) => o.address.unwrap().pk,
    ),
    /** Code of the current mapping (the newest with observations), or null. */
    current: new DataLoader<'current', string | null>(async (keys) => {
      const m = await currentMapping(em);
      return keys.map(() => m?.code ?? null);
    }),
    /** Mappings by code. */
    mapping: oneLoader(
      (codes: readonly string[]) => em.find(BroadbandMapping, { code: { $in: [...codes] } }),
      (m) => m.code,
    ),
    /** Per-address coverage figures of each comune: two statements for any number of comuni. */
    comune: new DataLoader<string, BroadbandFigures>(async (codes) => {
      const [cells, km] = await Promise.all([
        aggregate(ctx, codes, 'comune'),
        networkKm(ctx, codes),
      ]);
      return codes.map((code) =>
        figures(
          cells.filter((c) => c.key === code),
          km.get(code)!,
        ),
      );
    }),
    /** What every mapping says of each comune, newest mapping first: three statements. */
    gaps: new DataLoader<string, BroadbandGaps[]>(async (codes) => {
      const facts = await gapFacts(ctx, codes);
      return codes.map((code) => facts.mappings.map((m) => gapFigures(facts, m, [code])));
    }),
    /** The plan's places of each comune, by place name. */
    plan: manyLoader(
      async (codes: readonly string[]) =>
        (
          await readRows(
            ctx,
            `select * from broadband_plan_status where comune_istat_code = any(?::text[])
              order by comune_istat_code, place`,
            [comuniParam(codes)],
          )
        ).map((r) => em.map(BroadbandPlanStatus, r)),
      (p) => p.comune.unwrap().istatCode,
    ),
    /** The ANNCSU count of each comune (null: unknown). */
    anncsu: oneLoader(
      async (codes: readonly string[]) =>
        (
          await readRows(
            ctx,
            'select * from anncsu_civic_count where comune_istat_code = any(?::text[])',
            [comuniParam(codes)],
          )
        ).map((r) => em.map(AnncsuCivicCount, r)),
      (a) => a.comune.unwrap().istatCode,
    ),
  };
}

/** The broadband loaders of this request. */
export const broadbandLoaders = defineLoaders(createBroadbandLoaders);
