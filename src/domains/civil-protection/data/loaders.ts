import { defineLoaders, type HubContext } from '../../../common/context.js';
import { readRows } from '../../../common/read.js';
import { groupBy, manyLoader, oneLoader } from '../../../common/loaders.js';
import {
  CivilProtectionOfficer,
  CrisisUnitMember,
  EmergencyArea,
  planCodeOf,
  RiskScenario,
} from '../model/plan-content.entity.js';
import { IdrogeoComune, IdrogeoLevel, SeismicClassification } from '../model/hazard.entity.js';
import { PlanPlatformInfo } from '../model/platform.entity.js';
import { CivilProtectionPlan } from '../model/plan.entity.js';
import type { DatePrecision } from '../../../common/dates.js';
import { comuniParam } from '../../../common/keys.js';

/** The domain's DataLoaders: one query per kind of record, whatever the number of plans. */
function createLoaders(ctx: HubContext) {
  const { em } = ctx;
  const scenariosOf = async (codes: readonly string[]) =>
    (
      await readRows(
        ctx,
        `select * from civil_protection_scenario where plan_comune_istat_code = any(?::text[])
          order by plan_comune_istat_code, position`,
        [comuniParam(codes)],
      )
    ).map((r) => em.map(RiskScenario, r));
  const scenarios = manyLoader(scenariosOf, planCodeOf);
  const byPlan = { orderBy: { plan: 'asc', position: 'asc' } } as const;
  return {
    /** Plan of each comune, by ISTAT code. */
    plan: oneLoader(
      async (codes: readonly string[]) => {
        // With their scenarios, in the same statement: the dossier asks for them next.
        const [rows, scenarioRows] = await Promise.all([
          readRows(
            ctx,
            // grant_amount as text: exact decimals (the later column of the same name wins).
            `select p.*, p.grant_amount::text as grant_amount from civil_protection_plan p
              where p.comune_istat_code = any(?::text[])`,
            [comuniParam(codes)],
          ),
          scenariosOf(codes),
        ]);
        const plans = rows.map((r) => em.map(CivilProtectionPlan, r));
        const byPlan = groupBy(scenarioRows, planCodeOf);
        for (const p of plans) scenarios.prime(p.istatCode, byPlan.get(p.istatCode) ?? []);
        return plans;
      },
      (p) => p.istatCode,
    ),
    scenarios,
    emergencyAreas: manyLoader(
      (codes: readonly string[]) => em.find(EmergencyArea, { plan: { $in: [...codes] } }, byPlan),
      planCodeOf,
    ),
    crisisUnit: manyLoader(
      (codes: readonly string[]) =>
        em.find(CrisisUnitMember, { plan: { $in: [...codes] } }, byPlan),
      planCodeOf,
    ),
    officer: oneLoader(
      (codes: readonly string[]) => em.find(CivilProtectionOfficer, { plan: { $in: [...codes] } }),
      planCodeOf,
    ),
    platform: oneLoader(
      (keys: readonly string[]) =>
        em.find(PlanPlatformInfo, {
          platform: { $in: [...keys] as PlanPlatformInfo['platform'][] },
        }),
      (p) => p.platform as string,
    ),
    /** ISPRA IdroGEO figures of each comune (comune-wide counts), by ISTAT code. */
    idrogeo: oneLoader(
      (codes: readonly string[]) => em.find(IdrogeoComune, { comune: { $in: [...codes] } }),
      (i) => i.comune.unwrap().istatCode,
    ),
    /** ISPRA IdroGEO figures per hazard level of each comune, by ISTAT code. */
    idrogeoLevels: manyLoader(
      (codes: readonly string[]) =>
        em.find(IdrogeoLevel, { indicators: { $in: [...codes] } }, { orderBy: { pk: 'asc' } }),
      (l) => l.indicators.unwrap().comune.unwrap().istatCode,
    ),
    /** Seismic zone of each comune, by ISTAT code. */
    seismic: oneLoader(
      (codes: readonly string[]) => em.find(SeismicClassification, { comune: { $in: [...codes] } }),
      (s) => s.comune.unwrap().istatCode,
    ),
  };
}

/** The civil-protection loaders of this request. */
export const civilProtectionLoaders = defineLoaders(createLoaders);

/** The platforms comuni write their plans on, by platform. */
export function findPlatforms(ctx: HubContext): Promise<PlanPlatformInfo[]> {
  return ctx.em.find(PlanPlatformInfo, {}, { orderBy: { platform: 'asc' } });
}

export interface PlanEventRow {
  comune: string;
  on: string;
  precision: DatePrecision;
  kind: string;
  title: string;
  dataset_id: string;
  source_note: string | null;
}

/** The plans' dated events of the comuni, as timeline rows: one statement for any number of comuni. */
export function planEventRows(ctx: HubContext, comuni: readonly string[]) {
  return readRows<PlanEventRow>(
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
}

/** The located emergency areas of the comuni' plans, by comune and position, at most `limit`. */
export function locatedAreas(ctx: HubContext, comuni: readonly string[], limit: number) {
  return ctx.em.execute<
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
}

/** The entities of a plan's content that `node(id)` finds by primary key. */
export type PlanContentType = typeof RiskScenario | typeof EmergencyArea | typeof CrisisUnitMember;

/** One record of a plan's content by primary key, or null. */
export function findContent(
  ctx: HubContext,
  type: PlanContentType,
  pk: number,
): Promise<object | null> {
  return ctx.em.findOne(type as typeof RiskScenario, { pk });
}
