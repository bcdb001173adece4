import type { Domain } from '../../common/domain.js';
import { infrastructureExports, infrastructureWideColumns } from './hooks/exports.js';
import { sourceResolverFor } from '../../core/api/source.resolver.js';
import { CollectionCentre } from './model/collection-centre.entity.js';
import { collectionCentresImporter } from './ingest/collection-centre.import.js';
import { CollectionCentreResolver } from './api/collection-centre.resolver.js';
import { ComuneInfrastructureResolver } from './api/comune.resolver.js';
import {
  collectionCentreSearch,
  collectionCentresLayer,
  infrastructureNodes,
  infrastructureTimeline,
} from './hooks/dossier.js';
import { infrastructureSeed } from './ingest/seed.js';
import { ProgrammeLot } from './model/lot.entity.js';
import { ProgrammeLotResolver } from './api/lot.resolver.js';
import { ProgrammeMilestone } from './model/milestone.entity.js';
import { UpgradeProgramme } from './model/programme.entity.js';
import { UpgradeProgrammeResolver } from './api/programme.resolver.js';

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
  layers: {
    COLLECTION_CENTRES: {
      description: 'Collection centres (centri di raccolta) with a known location.',
      features: collectionCentresLayer,
    },
  },
  exports: infrastructureExports,
  wideColumns: infrastructureWideColumns,
  search: { CollectionCentre: collectionCentreSearch },
} satisfies Domain;
