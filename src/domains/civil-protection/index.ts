import type { Domain } from '../../common/domain.js';
import { sourceResolverFor } from '../../core/api/source.resolver.js';
import {
  civilProtectionNodes,
  civilProtectionTimeline,
  emergencyAreasLayer,
} from './hooks/dossier.js';
import { DOMAIN } from './model/enums.js';
import { civilProtectionExports, civilProtectionWideColumns } from './hooks/exports.js';
import { CivilProtectionPlanResolver } from './api/plan.resolver.js';
import { civilProtectionSeed } from './ingest/seed.js';
import { ComuneCivilProtectionResolver } from './api/comune.resolver.js';
import { RegionalGrantResolver } from './api/grant.resolver.js';
import { IdrogeoComune, IdrogeoLevel, SeismicClassification } from './model/hazard.entity.js';
import {
  ExposureTotalSourceResolver,
  HazardLevelSourceResolver,
  HazardProfileResolver,
  HazardSummaryResolver,
  SeismicClassificationResolver,
} from './api/hazard.resolver.js';
import { CrisisMemberPersonalResolver, OfficerPersonalResolver } from './api/people.resolver.js';
import {
  CivilProtectionOfficer,
  CrisisUnitMember,
  EmergencyArea,
  RiskScenario,
} from './model/plan-content.entity.js';
import { CivilProtectionPlan } from './model/plan.entity.js';
import { CivilProtectionMutationResolver } from './api/plan.mutation.js';
import { PlanPlatformInfo } from './model/platform.entity.js';
import { PlanPlatformInfoResolver } from './api/platform.resolver.js';

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
  layers: {
    EMERGENCY_AREAS: {
      description: 'Civil-protection emergency areas (aree di emergenza).',
      features: emergencyAreasLayer,
    },
  },
  exports: civilProtectionExports,
  wideColumns: civilProtectionWideColumns,
} satisfies Domain;
