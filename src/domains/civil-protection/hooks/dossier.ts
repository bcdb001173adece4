import { readRows } from '../../../common/read.js';
import type { HubContext } from '../../../common/context.js';
import type { DatePrecision } from '../../../common/dates.js';
import type {
  GeoFeature,
  LayerProvider,
  NodeLoader,
  TimelineEvent,
} from '../../../common/domain.js';
import { toGlobalId } from '../../../common/node.js';
import { DOMAIN } from '../model/enums.js';
import { civilProtectionLoaders } from '../data/loaders.js';
import { CrisisUnitMember, EmergencyArea, RiskScenario } from '../model/plan-content.entity.js';
import { PlanPlatform } from '../model/enums.js';
import { intKey, isIstatCode } from '../../../common/keys.js';
import { comuniParam } from '../../../common/keys.js';

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

type ContentType = typeof RiskScenario | typeof EmergencyArea | typeof CrisisUnitMember;
function byPk(ctx: HubContext, type: ContentType, key: string): Promise<object | null> {
  const pk = intKey(key);
  return pk == null ? Promise.resolve(null) : ctx.em.findOne(type as typeof RiskScenario, { pk });
}

interface Row {
  comune: string;
  on: string;
  precision: DatePrecision;
  kind: string;
  title: string;
  dataset_id: string;
  source_note: string | null;
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
  const rows = await readRows<Row>(
    ctx,
    `select p.comune_istat_code as comune, to_char(e.on_date, 'YYYY-MM-DD') as "on", e.precision,
            e.kind, e.title, p.dataset_id, p.source_note
       from civil_protection_plan p
       cross join lateral (values
         (p.kick_off_on, p.kick_off_precision, 'PLAN_KICK_OFF',
          'Civil-protection plan: joint drafting on PPC online starts'),
         (p.due_by_on, p.due_by_precision, 'PLAN_DEADLINE',
          'Civil-protection plan: content to be entered and validated on PPC online'),
         (case when p.last_update is not null then p.status_as_of_on end, p.status_as_of_precision,
          'PLAN_STATUS', 'Civil-protection plan status: ' || p.status::text)
       ) as e(on_date, precision, kind, title)
      where p.comune_istat_code = any(?::text[]) and e.on_date is not null
      order by 1, 2, 4`,
    [comuniParam(comuni)],
  );
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
  const rows = await ctx.em.execute<
    {
      pk: number;
      istat_code: string;
      kind: string;
      name: string;
      capacity: number | null;
      lat: number;
      lon: number;
    }[]
  >(
    `select pk, plan_comune_istat_code as istat_code, kind, name, capacity, lat, lon
       from civil_protection_emergency_area
      where plan_comune_istat_code = any(?::text[]) and lat is not null and lon is not null
      order by plan_comune_istat_code, position limit ?`,
    [comuniParam(comuni), limit],
  );
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
