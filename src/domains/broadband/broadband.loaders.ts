import DataLoader from 'dataloader';
import { perRequest, type HubContext } from '../../common/context.js';
import { manyLoader, oneLoader } from '../../common/loaders.js';
import type { BroadbandFigures } from './broadband.types.js';
import { Coverage, CoverageStatusChange } from './coverage.entity.js';
import { aggregate, figures, networkKm } from './stats.js';

/** The broadband DataLoaders, built once per request by `broadbandLoaders(ctx)`. */
function createBroadbandLoaders({ em }: HubContext) {
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
    /** Figures of each comune: two statements for any number of comuni. */
    comune: new DataLoader<string, BroadbandFigures>(async (codes) => {
      const [cells, km] = await Promise.all([aggregate(em, codes, 'comune'), networkKm(em, codes)]);
      return codes.map((code) =>
        figures(
          cells.filter((c) => c.key === code),
          km.get(code) ?? 0,
        ),
      );
    }),
  };
}

/** The broadband loaders of this request. */
export const broadbandLoaders = (ctx: HubContext) => perRequest(ctx, createBroadbandLoaders);
