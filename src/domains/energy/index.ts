import type { Domain } from '../../common/domain.js';
import { energyWideColumns } from './energy.exports.js';
import { sourceResolverFor } from '../../hub/source.resolver.js';
import { ComuneEnergyResolver, EnergyEventResolver } from './comune-energy.resolver.js';
import { EnergyCommunity } from './energy-community.entity.js';
import { energyCommunitiesImporter } from './energy-community.import.js';
import { EnergyCommunityResolver } from './energy-community.resolver.js';
import { EnergyEvent } from './energy-event.entity.js';
import { energyCommunitySearch, energyNodes, energyTimeline } from './energy.dossier.js';
import { energySeed } from './energy.seed.js';
import { EnergyCommunityFounder } from './founder.entity.js';
import { EnergyCommunityFounderResolver } from './founder.resolver.js';
import { Funding } from './funding.entity.js';
import { fundingsImporter } from './funding.import.js';
import { FundingResolver } from './funding.resolver.js';

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
