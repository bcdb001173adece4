import { Args, Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { Connection } from '../../common/pagination.js';
import { Comune } from '../../hub/comune.entity.js';
import { CivicAddress } from './address.entity.js';
import { AddressesArgs } from './broadband.inputs.js';
import { broadbandLoaders } from './broadband.loaders.js';
import {
  ComuneBroadband,
  CoverageShares,
  PlanCount,
  StatusCount,
  TechnologyCount,
  type BroadbandFigures,
} from './broadband.types.js';
import { addressPage } from './paging.js';
import { enumSize, MaxItems } from '../../common/limits.js';
import { CoverageStatus, Plan, Technology } from './enums.js';

/** A page of civic addresses. */
export const CivicAddressConnection = Connection(CivicAddress, 'CivicAddress', 'civic addresses');

/** The `broadband` field of a comune. */
@Resolver(() => Comune)
export class ComuneFieldResolver {
  @FieldResolver(() => ComuneBroadband, {
    description: 'Broadband coverage (banda ultralarga) of the comune, from its civic addresses.',
  })
  broadband(@Root() comune: Comune): ComuneBroadband {
    return Object.assign(new ComuneBroadband(), { istatCode: comune.istatCode });
  }
}

const of = (ctx: HubContext, root: ComuneBroadband): Promise<BroadbandFigures> =>
  broadbandLoaders(ctx).comune.load(root.istatCode);

/**
 * Fields of a comune's broadband section: the figures come from one loader batched over
 * every comune of the request (two statements in all); nothing is aggregated when only
 * `addresses` is asked for.
 */
@Resolver(() => ComuneBroadband)
export class ComuneBroadbandResolver {
  @FieldResolver(() => Int, { description: 'Civic numbers (numeri civici).' })
  async addressCount(@Root() r: ComuneBroadband, @Ctx() ctx: HubContext): Promise<number> {
    return (await of(ctx, r)).addressCount;
  }

  @FieldResolver(() => Int, { description: 'Real-estate units (unità immobiliari).' })
  async unitCount(@Root() r: ComuneBroadband, @Ctx() ctx: HubContext): Promise<number> {
    return (await of(ctx, r)).unitCount;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Kilometres of white-area public network (rete aree bianche); 0 when none.',
  })
  async networkKm(@Root() r: ComuneBroadband, @Ctx() ctx: HubContext): Promise<number | null> {
    return (await of(ctx, r)).networkKm;
  }

  @FieldResolver(() => CoverageShares, { description: 'Coverage shares over units.' })
  async coverage(@Root() r: ComuneBroadband, @Ctx() ctx: HubContext): Promise<CoverageShares> {
    return (await of(ctx, r)).coverage;
  }

  @MaxItems(enumSize(Plan))
  @FieldResolver(() => [PlanCount], { description: 'Civic numbers and units by plan.' })
  async byPlan(@Root() r: ComuneBroadband, @Ctx() ctx: HubContext): Promise<PlanCount[]> {
    return (await of(ctx, r)).byPlan;
  }

  @MaxItems(enumSize(Technology))
  @FieldResolver(() => [TechnologyCount], { description: 'Civic numbers and units by technology.' })
  async byTechnology(
    @Root() r: ComuneBroadband,
    @Ctx() ctx: HubContext,
  ): Promise<TechnologyCount[]> {
    return (await of(ctx, r)).byTechnology;
  }

  @MaxItems(enumSize(CoverageStatus))
  @FieldResolver(() => [StatusCount], { description: 'Civic numbers and units by status.' })
  async byStatus(@Root() r: ComuneBroadband, @Ctx() ctx: HubContext): Promise<StatusCount[]> {
    return (await of(ctx, r)).byStatus;
  }

  @FieldResolver(() => CivicAddressConnection, {
    description:
      'Civic addresses of the comune by street, number and exponent, keyset-paged (first ≤ 500).',
  })
  addresses(
    @Root() root: ComuneBroadband,
    @Ctx() ctx: HubContext,
    @Args(() => AddressesArgs) args: AddressesArgs,
  ) {
    return addressPage(ctx.em, root.istatCode, args);
  }
}
