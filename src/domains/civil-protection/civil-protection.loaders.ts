import { perRequest, type HubContext } from '../../common/context.js';
import { readRows } from '../../common/read.js';
import { manyLoader, oneLoader } from '../../common/loaders.js';
import {
  CivilProtectionOfficer,
  CrisisUnitMember,
  EmergencyArea,
  planCodeOf,
  RiskScenario,
} from './plan-content.entity.js';
import { IdrogeoComune, IdrogeoLevel, SeismicClassification } from './hazard.entity.js';
import { PlanPlatformInfo } from './platform.entity.js';
import { CivilProtectionPlan } from './plan.entity.js';

/** The domain's DataLoaders: one query per kind of record, whatever the number of plans. */
function createLoaders(ctx: HubContext) {
  const { em } = ctx;
  const byPlan = { orderBy: { plan: 'asc', position: 'asc' } } as const;
  return {
    /** Plan of each comune, by ISTAT code. */
    plan: oneLoader(
      async (codes: readonly string[]) =>
        (
          await readRows(
            ctx,
            // grant_amount as text: exact decimals (the later column of the same name wins).
            `select p.*, p.grant_amount::text as grant_amount from civil_protection_plan p
              where p.comune_istat_code in (?)`,
            [[...codes]],
          )
        ).map((r) => em.map(CivilProtectionPlan, r)),
      (p) => p.istatCode,
    ),
    scenarios: manyLoader(
      async (codes: readonly string[]) =>
        (
          await readRows(
            ctx,
            `select * from civil_protection_scenario where plan_comune_istat_code in (?)
              order by plan_comune_istat_code, position`,
            [[...codes]],
          )
        ).map((r) => em.map(RiskScenario, r)),
      planCodeOf,
    ),
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
export const civilProtectionLoaders = (ctx: HubContext) => perRequest(ctx, createLoaders);
