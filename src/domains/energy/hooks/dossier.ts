import type { HubContext } from '../../../common/context.js';
import type { NodeLoader, SearchProvider, TimelineEvent } from '../../../common/domain.js';
import { toGlobalId } from '../../../common/node.js';
import { energyLoaders, communityHits, energyEventRows } from '../data/loaders.js';
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
 * Weight of a name match: community names contain the comune's name ("... di Spino d'Adda"), so
 * a search for a place ranks the comune itself first.
 */
const NAMED_AFTER_A_PLACE = 0.9;

/** Energy communities whose name or site matches the query (Italian-aware scoring). */
export const energyCommunitySearch: SearchProvider = async (ctx, query) => {
  const { hits, found } = await communityHits(ctx.em, query.folded, query.limit);
  if (!hits.length) return [];
  const byCode = new Map(found.map((c) => [c.code, c]));
  return hits.map((h) => ({
    node: byCode.get(h.code)!,
    score: Number(h.score) * NAMED_AFTER_A_PLACE,
    key: h.code,
  }));
};
