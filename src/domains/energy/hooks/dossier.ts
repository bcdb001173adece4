import type { HubContext } from '../../../common/context.js';
import type { NodeLoader, SearchProvider, TimelineEvent } from '../../../common/domain.js';
import { toGlobalId } from '../../../common/node.js';
import { energyLoaders, energyEventRows } from '../data/loaders.js';
import { BELOW_PLACES, tableSearch } from '../../../core/data/search.js';
import { EnergyCommunity } from '../model/energy-community.entity.js';
import { intKey } from '../../../common/keys.js';

/** Records of this domain by the key inside their global id (`node(id)`). */
export const energyNodes: Record<string, NodeLoader> = {
  EnergyCommunity: (ctx, key) => energyLoaders(ctx).community.load(key),
  Funding: (ctx, key) => {
    const pk = intKey(key);
    return pk == null ? Promise.resolve(null) : energyLoaders(ctx).funding.load(pk);
  },
  EnergyEvent: (ctx, key) => {
    const pk = intKey(key);
    return pk == null ? Promise.resolve(null) : energyLoaders(ctx).event.load(pk);
  },
  EnergyCommunityFounder: (ctx, key) => {
    const pk = intKey(key);
    return pk == null ? Promise.resolve(null) : energyLoaders(ctx).founder.load(pk);
  },
};

/**
 * Fundings announced for the communities covering each comune, the founding of the
 * communities the comune founded, and the energy events held in or streamed to it, as
 * timeline events: one statement for any number of comuni.
 */
export async function energyTimeline(
  ctx: HubContext,
  comuni: readonly string[],
): Promise<TimelineEvent[]> {
  if (!comuni.length) return [];
  const rows = await energyEventRows(ctx, comuni);
  return rows.map((r) => {
    const [type, key] = r.entity.split(':');
    return {
      comune: r.comune,
      on: r.on,
      precision: r.precision,
      domain: 'energy',
      kind: r.kind,
      title: r.title,
      datasetId: r.dataset_id,
      sourceNote: r.source_note,
      entityId: toGlobalId(type, key),
    };
  });
}

/**
 * Energy communities whose name or site matches the query: their names contain the comune's
 * ("... di Spino d'Adda"), so a search for a place ranks the comune itself first.
 */
export const energyCommunitySearch: SearchProvider = tableSearch({
  entity: EnergyCommunity,
  table: 'energy_community',
  keyColumn: 'code',
  text: "name || ' ' || coalesce(site, '')",
  key: (c) => c.code,
  weight: BELOW_PLACES,
});
