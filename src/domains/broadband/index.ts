import type { Domain } from '../../common/domain.js';
import { sourceResolverFor } from '../../hub/source.resolver.js';
import { addressesLayer, addressSearchProvider } from './broadband.dossier.js';
import { broadbandExports, broadbandWideColumns } from './broadband.exports.js';
import { CivicAddress } from './address.entity.js';
import { AddressResolver, CoverageResolver, ProgrammeResolver } from './address.resolver.js';
import { broadbandImporter } from './broadband.import.js';
import { BroadbandResolver } from './broadband.resolver.js';
import { broadbandSeed, broadbandSeedCommand } from './broadband.seed.js';
import { ComuneBroadbandResolver, ComuneFieldResolver } from './comune-broadband.resolver.js';
import { Coverage, CoverageStatusChange } from './coverage.entity.js';
import { BroadbandProgramme, WhiteAreaNetwork } from './network.entity.js';
import { Street } from './street.entity.js';

/** Broadband coverage per civic address: model, synthetic sample, search, aggregates. */
export const broadband = {
  name: 'broadband',
  entities: [
    CivicAddress,
    Street,
    Coverage,
    CoverageStatusChange,
    WhiteAreaNetwork,
    BroadbandProgramme,
  ],
  resolvers: [
    BroadbandResolver,
    AddressResolver,
    CoverageResolver,
    ProgrammeResolver,
    ComuneFieldResolver,
    ComuneBroadbandResolver,
    sourceResolverFor(CivicAddress),
    sourceResolverFor(Coverage),
    sourceResolverFor(BroadbandProgramme),
  ],
  seed: broadbandSeed,
  importers: { 'broadband-coverage': broadbandImporter },
  exports: broadbandExports,
  wideColumns: broadbandWideColumns,
  seedCommand: broadbandSeedCommand,
  search: { CivicAddress: addressSearchProvider },
  layers: { ADDRESSES: addressesLayer },
  nodes: {
    CivicAddress: (ctx, key) =>
      /^\d{1,9}$/.test(key)
        ? ctx.em.findOne(CivicAddress, { pk: Number(key) })
        : Promise.resolve(null),
    Coverage: (ctx, key) =>
      /^\d{1,9}$/.test(key)
        ? ctx.em.findOne(Coverage, { address: Number(key) })
        : Promise.resolve(null),
    BroadbandProgramme: (ctx, key) => ctx.em.findOne(BroadbandProgramme, { code: key }),
  },
} satisfies Domain;
