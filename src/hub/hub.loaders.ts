import { perRequest, type HubContext } from '../common/context.js';
import { manyLoader, oneLoader } from '../common/loaders.js';
import { Comune } from './comune.entity.js';
import { Dataset } from './dataset.entity.js';
import { GroupingMember, TerritorialGrouping } from './grouping.entity.js';
import { Organization } from './organization.entity.js';

/** The hub's DataLoaders, built once per request by `hubLoaders(ctx)`. */
function createHubLoaders({ em }: HubContext) {
  return {
    comune: oneLoader(
      (codes: readonly string[]) => em.find(Comune, { istatCode: { $in: [...codes] } }),
      (c) => c.istatCode,
    ),
    /** Boundaries are lazy on the entity (large); loaded only when asked for. */
    boundary: oneLoader(
      (codes: readonly string[]) =>
        em.find(Comune, { istatCode: { $in: [...codes] } }, { populate: ['boundary'] }),
      (c) => c.istatCode,
    ),
    dataset: oneLoader(
      (ids: readonly string[]) => em.find(Dataset, { id: { $in: [...ids] } }),
      (d) => d.id,
    ),
    organization: oneLoader(
      (codes: readonly string[]) => em.find(Organization, { code: { $in: [...codes] } }),
      (o) => o.code,
    ),
    grouping: oneLoader(
      (codes: readonly string[]) => em.find(TerritorialGrouping, { code: { $in: [...codes] } }),
      (g) => g.code,
    ),
    /** Groupings of each comune, by ISTAT code. */
    groupingsOfComune: manyLoader(
      (codes: readonly string[]) =>
        em.find(
          GroupingMember,
          { comune: { $in: [...codes] } },
          { populate: ['grouping'], orderBy: { grouping: { code: 'asc' } } },
        ),
      (m) => m.comune.unwrap().istatCode,
    ),
    /** Member ISTAT codes of each grouping, by grouping code. */
    membersOfGrouping: manyLoader(
      (codes: readonly string[]) =>
        em.find(
          GroupingMember,
          { grouping: { $in: [...codes] } },
          { orderBy: { comune: { istatCode: 'asc' } } },
        ),
      (m) => m.grouping.unwrap().code,
    ),
  };
}

/** The hub loaders of this request. */
export const hubLoaders = (ctx: HubContext) => perRequest(ctx, createHubLoaders);
