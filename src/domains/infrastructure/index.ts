import type { Domain } from '../../common/domain.js';
import { infrastructureExports, infrastructureWideColumns } from './infrastructure.exports.js';
import { sourceResolverFor } from '../../hub/source.resolver.js';
import { CollectionCentre } from './collection-centre.entity.js';
import { collectionCentresImporter } from './collection-centre.import.js';
import { CollectionCentreResolver } from './collection-centre.resolver.js';
import { ComuneInfrastructureResolver } from './comune-infrastructure.resolver.js';
import {
  collectionCentreSearch,
  collectionCentresLayer,
  infrastructureNodes,
  infrastructureTimeline,
} from './infrastructure.dossier.js';
import { infrastructureSeed } from './infrastructure.seed.js';
import { ProgrammeLot } from './lot.entity.js';
import { ProgrammeLotResolver } from './lot.resolver.js';
import { ProgrammeMilestone } from './milestone.entity.js';
import { UpgradeProgramme } from './programme.entity.js';
import { UpgradeProgrammeResolver } from './programme.resolver.js';

/** Infrastructure: waste collection centres and their upgrade programme. */
export const infrastructure = {
  name: 'infrastructure',
  entities: [CollectionCentre, UpgradeProgramme, ProgrammeLot, ProgrammeMilestone],
  resolvers: [
    CollectionCentreResolver,
    UpgradeProgrammeResolver,
    ProgrammeLotResolver,
    ComuneInfrastructureResolver,
    sourceResolverFor(CollectionCentre),
    sourceResolverFor(UpgradeProgramme),
    sourceResolverFor(ProgrammeLot),
    sourceResolverFor(ProgrammeMilestone),
  ],
  seed: infrastructureSeed,
  importers: { 'collection-centres': collectionCentresImporter },
  nodes: infrastructureNodes,
  timeline: infrastructureTimeline,
  layers: { COLLECTION_CENTRES: collectionCentresLayer },
  exports: infrastructureExports,
  wideColumns: infrastructureWideColumns,
  search: { CollectionCentre: collectionCentreSearch },
} satisfies Domain;
