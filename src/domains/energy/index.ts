import type { Domain } from '../../common/domain.js';
import { energyWideColumns } from './hooks/exports.js';
import { sourceResolverFor } from '../../core/api/source.resolver.js';
import { ComuneEnergyResolver } from './api/comune.resolver.js';
import { EnergyEventResolver } from './api/energy-event.resolver.js';
import { EnergyCommunity } from './model/energy-community.entity.js';
import { energyCommunitiesImporter } from './ingest/energy-community.import.js';
import { EnergyCommunityResolver } from './api/energy-community.resolver.js';
import { EnergyEvent } from './model/energy-event.entity.js';
import { energyCommunitySearch, energyNodes, energyTimeline } from './hooks/dossier.js';
import { energySeed } from './ingest/seed.js';
import { EnergyCommunityFounder } from './model/founder.entity.js';
import { EnergyCommunityFounderResolver } from './api/founder.resolver.js';
import { Funding } from './model/funding.entity.js';
import { fundingsImporter } from './ingest/funding.import.js';
import { FundingResolver } from './api/funding.resolver.js';

/** Energy: renewable energy communities (CER), their founders, fundings and related events. */
export const energy = {
  name: 'energy',
  entities: [EnergyCommunity, Funding, EnergyEvent, EnergyCommunityFounder],
  resolvers: [
    EnergyCommunityResolver,
    EnergyCommunityFounderResolver,
    FundingResolver,
    ComuneEnergyResolver,
    EnergyEventResolver,
    sourceResolverFor(EnergyCommunity),
    sourceResolverFor(Funding),
    sourceResolverFor(EnergyEvent),
    sourceResolverFor(EnergyCommunityFounder),
  ],
  seed: energySeed,
  importers: {
    'energy-communities': energyCommunitiesImporter,
    'energy-fundings': fundingsImporter,
  },
  nodes: energyNodes,
  timeline: energyTimeline,
  search: { EnergyCommunity: energyCommunitySearch },
  wideColumns: energyWideColumns,
} satisfies Domain;
