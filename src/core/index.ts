import type { Domain } from '../common/domain.js';
import { Comune } from './model/comune.entity.js';
import { ComuneOrganizationsResolver, ComuneResolver } from './api/comune.resolver.js';
import { DataVersion } from './model/data-version.entity.js';
import { HubInstance } from './model/hub-instance.entity.js';
import { Dataset } from './model/dataset.entity.js';
import { GroupingMember, TerritorialGrouping } from './model/grouping.entity.js';
import { GroupingResolver } from './api/grouping.resolver.js';
import { Organization } from './model/organization.entity.js';
import { OrganizationResolver, OrganizationFieldsResolver } from './api/organization.resolver.js';
import { hubSeed } from './ingest/seed.js';
import { Initiative, InitiativeComune, InitiativeParticipant } from './model/initiative.entity.js';
import {
  initiativeNodes,
  initiativeSearch,
  initiativeTimeline,
} from './hooks/initiative.dossier.js';
import {
  InitiativeComuneResolver,
  InitiativeParticipantResolver,
  InitiativeResolver,
} from './api/initiative.resolver.js';
import { hubFactsSeed } from './ingest/facts.seed.js';
import { composeSeeds } from '../common/seed.js';
import { OrganizationMemberResolver } from './api/organization-member.resolver.js';
import { OrganizationMember } from './model/organization-member.entity.js';
import { OrganizationName } from './model/organization-name.entity.js';
import { ImportRun } from './model/import-run.entity.js';
import { ImportRunResolver } from './api/import-run.resolver.js';
import { DataQualityIssue } from './model/quality.entity.js';
import { QualityResolver } from './api/quality.resolver.js';
import { sourceResolverFor } from './api/source.resolver.js';
import { Sourced } from './model/sourced.js';
import { coreSearch } from './data/search.js';
import { coreLayers } from './hooks/layers.js';

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
    ImportRun,
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
    ImportRunResolver,
  ],
  seed: composeSeeds('hub', hubSeed, hubFactsSeed),
  nodes: initiativeNodes,
  timeline: initiativeTimeline,
  search: { ...coreSearch, Initiative: initiativeSearch },
  layers: coreLayers,
} satisfies Domain;
