import type { Domain } from '../../common/domain.js';
import { sourceResolverFor } from '../../core/api/source.resolver.js';
import { addressesLayer, addressSearchProvider } from './hooks/dossier.js';
import { broadbandExports, broadbandWideColumns } from './hooks/exports.js';
import { CivicAddress } from './model/address.entity.js';
import { AddressResolver } from './api/address.resolver.js';
import { CoverageResolver } from './api/coverage.resolver.js';
import { MappingResolver } from './api/mapping.resolver.js';
import { ObservationResolver } from './api/observation.resolver.js';
import { ProgrammeResolver } from './api/programme.resolver.js';
import { AnncsuCivicCount } from './model/anncsu.entity.js';
import { broadbandImporter } from './ingest/coverage.import.js';
import { BroadbandResolver } from './api/broadband.resolver.js';
import { broadbandSeed, broadbandSeedCommand } from './ingest/seed.js';
import { broadbandTimeline } from './hooks/timeline.js';
import { BroadbandClaim } from './model/claim.entity.js';
import { BroadbandClaimResolver } from './api/claim.resolver.js';
import { ComuneBroadbandResolver, ComuneFieldResolver } from './api/comune.resolver.js';
import { Coverage, CoverageStatusChange } from './model/coverage.entity.js';
import { gapsImporter } from './ingest/gaps.import.js';
import { BroadbandMapping, CoverageObservation } from './model/mapping.entity.js';
import { BroadbandProgramme, WhiteAreaNetwork } from './model/network.entity.js';
import { BroadbandPlanStatus } from './model/plan-status.entity.js';
import { planStatusImporter } from './ingest/plan-status.import.js';
import { Street } from './model/street.entity.js';
import { withIntKey } from '../../common/keys.js';

/**
 * Broadband: Infratel's mapping of the civic numbers left below 300 Mbit/s by 2028, the
 * white-areas plan's state of works, the ANNCSU counts, the press claims, the coverage
 * check of a civic number; the synthetic per-address sample on request.
 */
export const broadband = {
  name: 'broadband',
  entities: [
    CivicAddress,
    Street,
    Coverage,
    CoverageStatusChange,
    WhiteAreaNetwork,
    BroadbandProgramme,
    BroadbandMapping,
    CoverageObservation,
    BroadbandPlanStatus,
    AnncsuCivicCount,
    BroadbandClaim,
  ],
  resolvers: [
    BroadbandResolver,
    AddressResolver,
    CoverageResolver,
    ProgrammeResolver,
    ObservationResolver,
    MappingResolver,
    BroadbandClaimResolver,
    ComuneFieldResolver,
    ComuneBroadbandResolver,
    sourceResolverFor(CivicAddress),
    sourceResolverFor(Coverage),
    sourceResolverFor(BroadbandProgramme),
    sourceResolverFor(BroadbandMapping),
    sourceResolverFor(CoverageObservation),
    sourceResolverFor(BroadbandPlanStatus),
    sourceResolverFor(AnncsuCivicCount),
    sourceResolverFor(BroadbandClaim),
  ],
  seed: broadbandSeed,
  importers: {
    'broadband-coverage': broadbandImporter,
    'broadband-gaps': gapsImporter,
    'broadband-plan-status': planStatusImporter,
  },
  exports: broadbandExports,
  wideColumns: broadbandWideColumns,
  seedCommand: broadbandSeedCommand,
  timeline: broadbandTimeline,
  search: { CivicAddress: addressSearchProvider },
  layers: {
    ADDRESSES: {
      description:
        'Civic addresses (numeri civici) with the current mapping\u2019s category and any per-address coverage record; capped by `first`. Civics without a location (Infratel\u2019s list has none) have a null geometry.',
      features: addressesLayer,
    },
  },
  nodes: {
    CivicAddress: (ctx, key) => withIntKey(key, (pk) => ctx.em.findOne(CivicAddress, { pk })),
    Coverage: (ctx, key) => withIntKey(key, (pk) => ctx.em.findOne(Coverage, { address: pk })),
    BroadbandProgramme: (ctx, key) => ctx.em.findOne(BroadbandProgramme, { code: key }),
    BroadbandMapping: (ctx, key) => ctx.em.findOne(BroadbandMapping, { code: key }),
    CoverageObservation: (ctx, key) =>
      withIntKey(key, (pk) => ctx.em.findOne(CoverageObservation, { pk })),
    BroadbandClaim: (ctx, key) => ctx.em.findOne(BroadbandClaim, { code: key }),
  },
} satisfies Domain;
