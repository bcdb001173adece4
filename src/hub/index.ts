import type { Domain } from '../common/domain.js';
import { accessEntities, accessResolvers } from './access/index.js';
import { Comune } from './comune.entity.js';
import { ComuneResolver } from './comune.resolver.js';
import { DataVersion } from './data-version.entity.js';
import { HubInstance } from './hub-instance.entity.js';
import { Dataset } from './dataset.entity.js';
import { GroupingMember, TerritorialGrouping } from './grouping.entity.js';
import { GroupingResolver } from './grouping.resolver.js';
import { Organization } from './organization.entity.js';
import { OrganizationResolver } from './organization.resolver.js';
import { hubSeed } from './hub.seed.js';
import {
  Initiative,
  InitiativeComune,
  InitiativeParticipant,
} from './initiatives/initiative.entity.js';
import {
  initiativeNodes,
  initiativeSearch,
  initiativeTimeline,
} from './initiatives/initiative.dossier.js';
import {
  InitiativeComuneResolver,
  InitiativeParticipantResolver,
  InitiativeResolver,
} from './initiatives/initiative.resolver.js';
import { hubFactsSeed } from './hub-facts.seed.js';
import { composeSeeds } from '../common/seed.js';
import {
  ComuneOrganizationsResolver,
  OrganizationFieldsResolver,
  OrganizationMemberResolver,
} from './organization-fields.resolver.js';
import { OrganizationMember } from './organization-member.entity.js';
import { OrganizationName } from './organization-name.entity.js';
import { importEntities, importResolvers } from './imports/index.js';
import { DataQualityIssue } from './quality.entity.js';
import { QualityResolver } from './quality.resolver.js';
import { sourceResolverFor } from './source.resolver.js';
import { Sourced } from './sourced.js';

/**
 * The hub core: comuni, groupings, organisations (with their members, names and
 * initiatives), datasets.
 */
export const hub = {
  name: 'hub',
  entities: [
    Sourced,
    Dataset,
    Comune,
    TerritorialGrouping,
    GroupingMember,
    Organization,
    DataQualityIssue,
    DataVersion,
    HubInstance,
    OrganizationMember,
    OrganizationName,
    Initiative,
    InitiativeParticipant,
    InitiativeComune,
    ...accessEntities,
    ...importEntities,
  ],
  resolvers: [
    ComuneResolver,
    GroupingResolver,
    OrganizationResolver,
    QualityResolver,
    sourceResolverFor(Comune),
    sourceResolverFor(TerritorialGrouping),
    sourceResolverFor(Organization),
    sourceResolverFor(DataQualityIssue),
    OrganizationFieldsResolver,
    OrganizationMemberResolver,
    ComuneOrganizationsResolver,
    InitiativeResolver,
    InitiativeParticipantResolver,
    InitiativeComuneResolver,
    sourceResolverFor(OrganizationMember),
    sourceResolverFor(OrganizationName),
    sourceResolverFor(Initiative),
    sourceResolverFor(InitiativeComune),
    ...accessResolvers,
    ...importResolvers,
  ],
  seed: composeSeeds('hub', hubSeed, hubFactsSeed),
  nodes: initiativeNodes,
  timeline: initiativeTimeline,
  search: { Initiative: initiativeSearch },
} satisfies Domain;
