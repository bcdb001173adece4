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
import { IdrogeoComune, IdrogeoLevel, SeismicClassification } from './hazard.entity.js';
import {
  ExposureTotalSourceResolver,
  HazardLevelSourceResolver,
  HazardProfileResolver,
  HazardSummaryResolver,
  SeismicClassificationResolver,
} from './hazard.resolver.js';
import { CrisisMemberPersonalResolver, OfficerPersonalResolver } from './people.resolver.js';
import {
  CivilProtectionOfficer,
  CrisisUnitMember,
  EmergencyArea,
  RiskScenario,
} from './plan-content.entity.js';
import { CivilProtectionPlan } from './plan.entity.js';
import { CivilProtectionMutationResolver } from './plan.mutation.js';
import { PlanPlatformInfo } from './platform.entity.js';
import { PlanPlatformInfoResolver } from './platform.resolver.js';

/**
 * Civil protection: plans on PPC online (with restricted personal data and editing), and
 * the hazards of every comune (ISPRA IdroGEO, DPC seismic zones).
 */
export const civilProtection = {
  name: DOMAIN,
  entities: [
    CivilProtectionPlan,
    RiskScenario,
    EmergencyArea,
    CrisisUnitMember,
    CivilProtectionOfficer,
    PlanPlatformInfo,
    IdrogeoComune,
    IdrogeoLevel,
    SeismicClassification,
  ],
  resolvers: [
    CivilProtectionPlanResolver,
    ComuneCivilProtectionResolver,
    RegionalGrantResolver,
    OfficerPersonalResolver,
    CrisisMemberPersonalResolver,
    CivilProtectionMutationResolver,
    PlanPlatformInfoResolver,
    HazardSummaryResolver,
    HazardProfileResolver,
    HazardLevelSourceResolver,
    ExposureTotalSourceResolver,
    SeismicClassificationResolver,
    sourceResolverFor(CivilProtectionPlan),
    sourceResolverFor(RiskScenario),
    sourceResolverFor(EmergencyArea),
    sourceResolverFor(CrisisUnitMember),
    sourceResolverFor(CivilProtectionOfficer),
    sourceResolverFor(PlanPlatformInfo),
    sourceResolverFor(SeismicClassification),
  ],
  seed: civilProtectionSeed,
  nodes: civilProtectionNodes,
  timeline: civilProtectionTimeline,
  layers: { EMERGENCY_AREAS: emergencyAreasLayer },
  exports: civilProtectionExports,
  wideColumns: civilProtectionWideColumns,
} satisfies Domain;
