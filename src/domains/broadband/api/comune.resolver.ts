import { Args, Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { Connection } from '../../../common/pagination.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { CivicAddress } from '../model/address.entity.js';
import { AnncsuCivicCount } from '../model/anncsu.entity.js';
import { AddressesArgs } from './inputs.js';
import { broadbandLoaders } from '../data/loaders.js';
import {
  BroadbandGaps,
  ComuneBroadband,
  CoverageShares,
  PlanCount,
  StatusCount,
  TechnologyCount,
  type BroadbandFigures,
} from './types.js';
import { addressPage } from '../data/paging.js';
import { BroadbandPlanStatus } from '../model/plan-status.entity.js';
import { MaxItems, enumSize } from '../../../common/limits.js';
import { CoverageStatus, Plan, Technology } from '../model/enums.js';

/** A page of civic addresses. */
export const CivicAddressConnection = Connection(CivicAddress, 'CivicAddress', 'civic addresses');

/** The `broadband` field of a comune. */
@Resolver(() => Comune)
export class ComuneFieldResolver {
  @FieldResolver(() => ComuneBroadband, {
    description:
      'Broadband (banda ultralarga) of the comune: the white-areas plan, Infratel\u2019s civic numbers left below 300 Mbit/s by 2028, the ANNCSU count, the civic addresses, and per-address coverage records where the hub holds some (synthetic sample or imported extract).',
  })
  broadband(@Root() comune: Comune): ComuneBroadband {
    return Object.assign(new ComuneBroadband(), { istatCode: comune.istatCode });
  }
}

const of = (ctx: HubContext, root: ComuneBroadband): Promise<BroadbandFigures> =>
  broadbandLoaders(ctx).comune.load(root.istatCode);

/**
 * Fields of a comune's broadband section: the figures come from loaders batched over every
 * comune of the request (a constant number of statements); nothing is aggregated when only
 * `addresses` is asked for.
 */
@Resolver(() => ComuneBroadband)
export class ComuneBroadbandResolver {
  @FieldResolver(() => BroadbandGaps, {
    nullable: true,
    description:
      'What the current mapping (Infratel 2025) says of the comune: civic numbers listed as not expected above 300 Mbit/s by 2028, by category, and their share of the ANNCSU civic numbers. Null when no mapping is loaded.',
  })
  async gaps(@Root() r: ComuneBroadband, @Ctx() ctx: HubContext): Promise<BroadbandGaps | null> {
    return (await broadbandLoaders(ctx).gaps.load(r.istatCode)).find((g) => g.current) ?? null;
  }

  @MaxItems(20)
  @FieldResolver(() => [BroadbandGaps], {
    description:
      'What every mapping loaded says of the comune, newest first: an older mapping stays readable with its date.',
  })
  gapsByMapping(@Root() r: ComuneBroadband, @Ctx() ctx: HubContext): Promise<BroadbandGaps[]> {
    return broadbandLoaders(ctx).gaps.load(r.istatCode);
  }

  @MaxItems(10)
  @FieldResolver(() => [BroadbandPlanStatus], {
    nullable: true,
    description:
      'State of works of the white-areas plan (fibre and FWA) for each place of the comune in the BUL file: one place, or two for a comune that absorbed another in 2019. Null when the file has no row for the comune.',
  })
  async plan(
    @Root() r: ComuneBroadband,
    @Ctx() ctx: HubContext,
  ): Promise<BroadbandPlanStatus[] | null> {
    const rows = await broadbandLoaders(ctx).plan.load(r.istatCode);
    return rows.length ? rows : null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Whether fibre is in the white-areas plan for the comune (for at least one of its places); null when the plan file has no row for it.',
  })
  async fibreInPlan(@Root() r: ComuneBroadband, @Ctx() ctx: HubContext): Promise<boolean | null> {
    const rows = await broadbandLoaders(ctx).plan.load(r.istatCode);
    return rows.length ? rows.some((p) => p.fibreInPlan) : null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Whether FWA is in the white-areas plan for the comune (for at least one of its places); null when the plan file has no row for it.',
  })
  async fwaInPlan(@Root() r: ComuneBroadband, @Ctx() ctx: HubContext): Promise<boolean | null> {
    const rows = await broadbandLoaders(ctx).plan.load(r.istatCode);
    return rows.length ? rows.some((p) => p.fwaInPlan) : null;
  }

  @FieldResolver(() => AnncsuCivicCount, {
    nullable: true,
    description:
      'Civic numbers ANNCSU registers for the comune; null when unknown (35 of the 113 comuni: unknown, not zero).',
  })
  anncsu(@Root() r: ComuneBroadband, @Ctx() ctx: HubContext): Promise<AnncsuCivicCount | null> {
    return broadbandLoaders(ctx).anncsu.load(r.istatCode);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Civic numbers with a per-address coverage record (synthetic sample or imported extract); null when the hub holds none for the comune (the real open data give none).',
  })
  async addressCount(@Root() r: ComuneBroadband, @Ctx() ctx: HubContext): Promise<number | null> {
    return (await of(ctx, r)).addressCount;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Real-estate units (unità immobiliari) at those civic numbers; null as addressCount.',
  })
  async unitCount(@Root() r: ComuneBroadband, @Ctx() ctx: HubContext): Promise<number | null> {
    return (await of(ctx, r)).unitCount;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'True when any per-address coverage record of the comune is synthetic (the calibrated sample): the figures above are then invented. Null when there are none.',
  })
  async synthetic(@Root() r: ComuneBroadband, @Ctx() ctx: HubContext): Promise<boolean | null> {
    return (await of(ctx, r)).synthetic;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Kilometres of white-area public network (rete aree bianche) in the comune; null when unknown (see networkKmNote): no open data give it per comune, so only the synthetic sample has figures.',
  })
  async networkKm(@Root() r: ComuneBroadband, @Ctx() ctx: HubContext): Promise<number | null> {
    return (await of(ctx, r)).networkKm;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Why networkKm is null, or what it rests on (e.g. the synthetic split).',
  })
  async networkKmNote(@Root() r: ComuneBroadband, @Ctx() ctx: HubContext): Promise<string | null> {
    return (await of(ctx, r)).networkKmNote;
  }

  @FieldResolver(() => CoverageShares, {
    nullable: true,
    description: 'Coverage shares over units of the per-address records; null when there are none.',
  })
  async coverage(
    @Root() r: ComuneBroadband,
    @Ctx() ctx: HubContext,
  ): Promise<CoverageShares | null> {
    return (await of(ctx, r)).coverage;
  }

  @MaxItems(enumSize(Plan))
  @FieldResolver(() => [PlanCount], {
    nullable: true,
    description: 'Civic numbers and units by plan, of the per-address records; null when none.',
  })
  async byPlan(@Root() r: ComuneBroadband, @Ctx() ctx: HubContext): Promise<PlanCount[] | null> {
    return (await of(ctx, r)).byPlan;
  }

  @MaxItems(enumSize(Technology))
  @FieldResolver(() => [TechnologyCount], {
    nullable: true,
    description:
      'Civic numbers and units by technology, of the per-address records; null when none.',
  })
  async byTechnology(
    @Root() r: ComuneBroadband,
    @Ctx() ctx: HubContext,
  ): Promise<TechnologyCount[] | null> {
    return (await of(ctx, r)).byTechnology;
  }

  @MaxItems(enumSize(CoverageStatus))
  @FieldResolver(() => [StatusCount], {
    nullable: true,
    description: 'Civic numbers and units by status, of the per-address records; null when none.',
  })
  async byStatus(
    @Root() r: ComuneBroadband,
    @Ctx() ctx: HubContext,
  ): Promise<StatusCount[] | null> {
    return (await of(ctx, r)).byStatus;
  }

  @FieldResolver(() => CivicAddressConnection, {
    description:
      'Civic addresses of the comune by street, number and exponent, keyset-paged (first ≤ 500): the real ones of Infratel\u2019s list and, when loaded, the synthetic sample\u2019s or an imported extract\u2019s (see each one\u2019s source).',
  })
  addresses(
    @Root() root: ComuneBroadband,
    @Ctx() ctx: HubContext,
    @Args(() => AddressesArgs) args: AddressesArgs,
  ) {
    return addressPage(ctx.em, root.istatCode, args);
  }
}
