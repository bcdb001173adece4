import type { Domain } from '../../common/domain.js';
import { sourceResolverFor } from '../../hub/source.resolver.js';
import {
  civilProtectionNodes,
  civilProtectionTimeline,
  emergencyAreasLayer,
} from './civil-protection.dossier.js';
import { DOMAIN } from './civil-protection.enums.js';
import { civilProtectionExports, civilProtectionWideColumns } from './civil-protection.exports.js';
import { CivilProtectionPlanResolver } from './civil-protection.resolver.js';
import { civilProtectionSeed } from './civil-protection.seed.js';
import { ComuneCivilProtectionResolver } from './comune-civil-protection.resolver.js';
import { RegionalGrantResolver } from './grant.js';
import { CrisisMemberPersonalResolver, OfficerPersonalResolver } from './people.resolver.js';
import {
  CivilProtectionOfficer,
  CrisisUnitMember,
  EmergencyArea,
  RiskScenario,
} from './plan-content.entity.js';
import { CivilProtectionPlan } from './plan.entity.js';
import { CivilProtectionMutationResolver } from './plan.mutation.js';

/** Civil-protection plans on PPC online, with restricted personal data and editing. */
export const civilProtection = {
  name: DOMAIN,
  entities: [
    CivilProtectionPlan,
    RiskScenario,
    EmergencyArea,
    CrisisUnitMember,
    CivilProtectionOfficer,
  ],
  resolvers: [
    CivilProtectionPlanResolver,
    ComuneCivilProtectionResolver,
    RegionalGrantResolver,
    OfficerPersonalResolver,
    CrisisMemberPersonalResolver,
    CivilProtectionMutationResolver,
    sourceResolverFor(CivilProtectionPlan),
    sourceResolverFor(RiskScenario),
    sourceResolverFor(EmergencyArea),
    sourceResolverFor(CrisisUnitMember),
    sourceResolverFor(CivilProtectionOfficer),
  ],
  seed: civilProtectionSeed,
  nodes: civilProtectionNodes,
  timeline: civilProtectionTimeline,
  layers: { EMERGENCY_AREAS: emergencyAreasLayer },
  exports: civilProtectionExports,
  wideColumns: civilProtectionWideColumns,
} satisfies Domain;
