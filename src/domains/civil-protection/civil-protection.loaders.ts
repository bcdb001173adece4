import { perRequest, type HubContext } from '../../common/context.js';
import { manyLoader, oneLoader } from '../../common/loaders.js';
import {
  CivilProtectionOfficer,
  CrisisUnitMember,
  EmergencyArea,
  planCodeOf,
  RiskScenario,
} from './plan-content.entity.js';
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
  };
}

/** The civil-protection loaders of this request. */
export const civilProtectionLoaders = (ctx: HubContext) => perRequest(ctx, createLoaders);
