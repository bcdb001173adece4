import type { Domain } from '../common/domain.js';
import { accessEntities, accessResolvers } from './access/index.js';
import { Comune } from './comune.entity.js';
import { ComuneResolver } from './comune.resolver.js';
import { DataVersion } from './data-version.entity.js';
import { Dataset } from './dataset.entity.js';
import { GroupingMember, TerritorialGrouping } from './grouping.entity.js';
import { GroupingResolver } from './grouping.resolver.js';
import { Organization } from './organization.entity.js';
import { OrganizationResolver } from './organization.resolver.js';
import { hubSeed } from './hub.seed.js';
import { importEntities, importResolvers } from './imports/index.js';
import { DataQualityIssue } from './quality.entity.js';
import { QualityResolver } from './quality.resolver.js';
import { sourceResolverFor } from './source.resolver.js';
import { Sourced } from './sourced.js';

/** The hub core: comuni, groupings, organisations, datasets. */
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
    ...accessResolvers,
    ...importResolvers,
  ],
  seed: hubSeed,
} satisfies Domain;
