import DataLoader from 'dataloader';
import { perRequest, type HubContext } from '../../common/context.js';
import { manyLoader, oneLoader } from '../../common/loaders.js';
import { EnergyCommunity } from './energy-community.entity.js';
import { EnergyEvent } from './energy-event.entity.js';
import { Funding } from './funding.entity.js';

/** The energy DataLoaders, built once per request. */
function createEnergyLoaders({ em }: HubContext) {
  return {
    community: oneLoader(
      (codes: readonly string[]) => em.find(EnergyCommunity, { code: { $in: [...codes] } }),
      (c) => c.code,
    ),
    /** Fundings by primary key (global ids). */
    funding: oneLoader(
      (pks: readonly number[]) => em.find(Funding, { pk: { $in: [...pks] } }),
      (f) => f.pk,
    ),
    /** Energy events by primary key (global ids). */
    event: oneLoader(
      (pks: readonly number[]) => em.find(EnergyEvent, { pk: { $in: [...pks] } }),
      (e) => e.pk,
    ),
    /** Communities covering each comune, by ISTAT code (one array-overlap query). */
    communitiesOfComune: new DataLoader<string, EnergyCommunity[]>(async (codes) => {
      const rows = await em.find(
        EnergyCommunity,
        { comuneIstatCodes: { $overlap: [...codes] } },
        { orderBy: { name: 'asc', code: 'asc' } },
      );
      return codes.map((code) => rows.filter((c) => c.comuneIstatCodes.includes(code)));
    }),
    /** Fundings of each community, by community code, oldest first. */
    fundingsOfCommunity: manyLoader(
      (codes: readonly string[]) =>
        em.find(
          Funding,
          { community: { $in: [...codes] } },
          { orderBy: { announcedOn: 'asc', pk: 'asc' } },
        ),
      (f) => f.community.unwrap().code,
    ),
    /** Energy events of each comune, by ISTAT code, oldest first. */
    eventsOfComune: manyLoader(
      (codes: readonly string[]) =>
        em.find(
          EnergyEvent,
          { comune: { $in: [...codes] } },
          { orderBy: { on: 'asc', pk: 'asc' } },
        ),
      (e) => e.comune.unwrap().istatCode,
    ),
  };
}

/** The energy loaders of this request. */
export const energyLoaders = (ctx: HubContext) => perRequest(ctx, createEnergyLoaders);
