import { perRequest, type HubContext } from '../../common/context.js';
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
function createLoaders({ em }: HubContext) {
  const byPlan = { orderBy: { plan: 'asc', position: 'asc' } } as const;
  return {
    /** Plan of each comune, by ISTAT code. */
    plan: oneLoader(
      (codes: readonly string[]) => em.find(CivilProtectionPlan, { comune: { $in: [...codes] } }),
      (p) => p.istatCode,
    ),
    scenarios: manyLoader(
      (codes: readonly string[]) => em.find(RiskScenario, { plan: { $in: [...codes] } }, byPlan),
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
