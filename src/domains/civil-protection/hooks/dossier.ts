import type { HubContext } from '../../../common/context.js';
import type {
  GeoFeature,
  LayerProvider,
  NodeLoader,
  TimelineEvent,
} from '../../../common/domain.js';
import { intKey, isIstatCode } from '../../../common/keys.js';
import { toGlobalId } from '../../../common/node.js';
import { DOMAIN, PlanPlatform } from '../model/enums.js';
import {
  civilProtectionLoaders,
  planEventRows,
  findContent,
  locatedAreas,
  type PlanContentType,
} from '../data/loaders.js';
import { CrisisUnitMember, EmergencyArea, RiskScenario } from '../model/plan-content.entity.js';

/**
 * Records of this domain by the key inside their global id (`node(id)`). Personal fields
 * keep their own rule whatever the path to the record. Change- and access-log entries are
 * not reachable this way.
 */
export const civilProtectionNodes: Record<string, NodeLoader> = {
  CivilProtectionPlan: (ctx, key) =>
    isIstatCode(key) ? civilProtectionLoaders(ctx).plan.load(key) : Promise.resolve(null),
  CivilProtectionOfficer: (ctx, key) =>
    isIstatCode(key) ? civilProtectionLoaders(ctx).officer.load(key) : Promise.resolve(null),
  SeismicClassification: (ctx, key) =>
    isIstatCode(key) ? civilProtectionLoaders(ctx).seismic.load(key) : Promise.resolve(null),
  CivilProtectionPlatformInfo: (ctx, key) =>
    (Object.values(PlanPlatform) as string[]).includes(key)
      ? civilProtectionLoaders(ctx).platform.load(key)
      : Promise.resolve(null),
  RiskScenario: (ctx, key) => byPk(ctx, RiskScenario, key),
  EmergencyArea: (ctx, key) => byPk(ctx, EmergencyArea, key),
  CrisisUnitMember: (ctx, key) => byPk(ctx, CrisisUnitMember, key),
};

function byPk(ctx: HubContext, type: PlanContentType, key: string): Promise<object | null> {
  const pk = intKey(key);
  return pk == null ? Promise.resolve(null) : findContent(ctx, type, pk);
}

/**
 * The plan's kick-off, its deadline (month precision) and, when an editor set it, the date
 * of its current status, as timeline events: one statement for any number of comuni.
 */
export async function civilProtectionTimeline(
  ctx: HubContext,
  comuni: readonly string[],
): Promise<TimelineEvent[]> {
  if (!comuni.length) return [];
  const rows = await planEventRows(ctx, comuni);
  return rows.map((r) => ({
    comune: r.comune,
    on: r.on,
    precision: r.precision,
    domain: DOMAIN,
    kind: r.kind,
    title: r.title,
    datasetId: r.dataset_id,
    sourceNote: r.source_note,
    entityId: toGlobalId('CivilProtectionPlan', r.comune),
  }));
}

/** Emergency areas with a known location as GeoJSON points (lon, lat). */
export const emergencyAreasLayer: LayerProvider = async (ctx, comuni, limit) => {
  const rows = await locatedAreas(ctx, comuni, limit);
  return rows.map((r): GeoFeature => ({
    type: 'Feature',
    id: toGlobalId('EmergencyArea', r.pk),
    geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
    properties: {
      id: toGlobalId('EmergencyArea', r.pk),
      istatCode: r.istat_code,
      kind: r.kind,
      name: r.name,
      capacity: r.capacity,
    },
  }));
};
