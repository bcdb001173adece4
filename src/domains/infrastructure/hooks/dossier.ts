import type {
  LayerProvider,
  NodeLoader,
  SearchProvider,
  TimelineEvent,
} from '../../../common/domain.js';
import type { HubContext } from '../../../common/context.js';
import { intKey } from '../../../common/keys.js';
import { toGlobalId } from '../../../common/node.js';
import { BELOW_PLACES, tableSearch } from '../../../core/data/search.js';
import { CollectionCentre } from '../model/collection-centre.entity.js';
import { infrastructureLoaders, locatedCentres, milestoneEventRows } from '../data/loaders.js';

/** A positive integer key of a global id, or null. */

/** Records of this domain by the key inside their global id (`node(id)`). */
export const infrastructureNodes: Record<string, NodeLoader> = {
  CollectionCentre: (ctx, key) => {
    const pk = intKey(key);
    return pk == null ? Promise.resolve(null) : infrastructureLoaders(ctx).centre.load(pk);
  },
  UpgradeProgramme: async (ctx, key) =>
    (await infrastructureLoaders(ctx).programmes()).find((p) => p.code === key) ?? null,
  ProgrammeLot: (ctx, key) => infrastructureLoaders(ctx).lot.load(key),
  ProgrammeMilestone: (ctx, key) => {
    const pk = intKey(key);
    return pk == null ? Promise.resolve(null) : infrastructureLoaders(ctx).milestone.load(pk);
  },
};

/**
 * The milestones of the programmes each comune takes part in, as timeline events (one
 * statement for any number of comuni). Expected milestones say so in the title.
 */
export async function infrastructureTimeline(
  ctx: HubContext,
  comuni: readonly string[],
): Promise<TimelineEvent[]> {
  if (!comuni.length) return [];
  const rows = await milestoneEventRows(ctx, comuni);
  return rows.map((r) => ({
    comune: r.comune,
    on: r.on,
    precision: r.precision,
    domain: 'infrastructure',
    kind: 'MILESTONE',
    title: `${r.programme}: ${r.description}${r.status === 'EXPECTED' ? ' (expected)' : ''}`,
    datasetId: r.dataset_id,
    sourceNote: r.source_note,
    entityId: toGlobalId('ProgrammeMilestone', r.pk),
  }));
}

/** Collection centres with a known location, as GeoJSON points (lon, lat). */
export const collectionCentresLayer: LayerProvider = async (ctx, comuni, limit) => {
  const rows = await locatedCentres(ctx, comuni, limit);
  return rows.map((c) => ({
    type: 'Feature' as const,
    id: c.id,
    geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
    properties: {
      id: c.id,
      istatCode: c.comune.unwrap().istatCode,
      name: c.name,
      kind: c.kind,
      owner: c.owner?.unwrap().code ?? null,
      operator: c.operator?.unwrap().code ?? null,
      address: c.address ?? null,
    },
  }));
};

/**
 * Collection centres whose name matches the query: their names contain the comune's ("... di
 * Spino d'Adda"), so a search for a place ranks the comune itself first.
 */
export const collectionCentreSearch: SearchProvider = tableSearch({
  entity: CollectionCentre,
  table: 'collection_centre',
  keyColumn: 'pk',
  text: 'name',
  key: (c) => String(c.pk),
  weight: BELOW_PLACES,
});
