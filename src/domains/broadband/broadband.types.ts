import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CivicAddress } from './address.entity.js';
import { Coverage } from './coverage.entity.js';
import { CoverageStatus, Plan, Technology } from './enums.js';
import { enumSize, MaxItems } from '../../common/limits.js';

/** Shares of real-estate units that can buy a service of a kind today. */
@ObjectType({ description: 'Coverage shares over real-estate units (quote di copertura).' })
export class CoverageShares {
  @Field(() => Float, {
    nullable: true,
    description: 'Share of units (0–1) with an ACTIVATABLE FTTH coverage; null with no units.',
  })
  ftthShare!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Share of units (0–1) with an ACTIVATABLE coverage of at least 1 Gbit/s download.',
  })
  gigabitShare!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Share of units (0–1) with an ACTIVATABLE coverage of at least 200 Mbit/s download.',
  })
  atLeast200MbpsShare!: number | null;
}

/** Civic numbers and units of one plan. */
@ObjectType({ description: 'Civic numbers and units of one plan.' })
export class PlanCount {
  @Field(() => Plan, { description: 'The plan.' })
  plan!: Plan;
  @Field(() => Int, { description: 'Civic numbers.' })
  addressCount!: number;
  @Field(() => Int, { description: 'Real-estate units.' })
  unitCount!: number;
}

/** Civic numbers and units of one technology. */
@ObjectType({ description: 'Civic numbers and units of one technology.' })
export class TechnologyCount {
  @Field(() => Technology, { description: 'The technology.' })
  technology!: Technology;
  @Field(() => Int, { description: 'Civic numbers.' })
  addressCount!: number;
  @Field(() => Int, { description: 'Real-estate units.' })
  unitCount!: number;
}

/** Civic numbers and units of one status. */
@ObjectType({ description: 'Civic numbers and units of one coverage status.' })
export class StatusCount {
  @Field(() => CoverageStatus, { description: 'The status.' })
  status!: CoverageStatus;
  @Field(() => Int, { description: 'Civic numbers.' })
  addressCount!: number;
  @Field(() => Int, { description: 'Real-estate units.' })
  unitCount!: number;
}

/** The broadband figures of a set of civic addresses (a comune, a plan, a grouping...). */
@ObjectType({ description: 'Broadband figures of a set of civic addresses.' })
export abstract class BroadbandFigures {
  @Field(() => Int, { description: 'Civic numbers (numeri civici).' })
  addressCount!: number;
  @Field(() => Int, { description: 'Real-estate units (unità immobiliari).' })
  unitCount!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'Kilometres of white-area public network (rete aree bianche); null where it does not apply (e.g. a technology or status row).',
  })
  networkKm!: number | null;
  @Field(() => CoverageShares, { description: 'Coverage shares over units.' })
  coverage!: CoverageShares;
  @MaxItems(enumSize(Plan))
  @Field(() => [PlanCount], { description: 'Civic numbers and units by plan.' })
  byPlan!: PlanCount[];
  @MaxItems(enumSize(Technology))
  @Field(() => [TechnologyCount], { description: 'Civic numbers and units by technology.' })
  byTechnology!: TechnologyCount[];
  @MaxItems(enumSize(CoverageStatus))
  @Field(() => [StatusCount], { description: 'Civic numbers and units by status.' })
  byStatus!: StatusCount[];
}

/**
 * The broadband section of a comune: its fields are resolved lazily (figures through a
 * loader batched over every comune of the request, addresses page by page).
 */
@ObjectType({ description: 'Broadband coverage (banda ultralarga) of a comune.' })
export class ComuneBroadband {
  /** ISTAT code of the comune. */
  istatCode!: string;
}

/** One row of `broadbandSummary`. */
@ObjectType({ description: 'One row of a broadband summary.' })
export class BroadbandSummaryRow extends BroadbandFigures {
  @Field(() => String, {
    description: 'Key of the row: ISTAT code, plan, technology, status or grouping code.',
  })
  key!: string;
  @Field(() => String, { description: 'Readable label of the row.' })
  label!: string;
  @Field(() => Float, { nullable: true, description: 'Same as coverage.ftthShare.' })
  ftthShare!: number | null;
  @Field(() => Float, { nullable: true, description: 'Same as coverage.gigabitShare.' })
  gigabitShare!: number | null;
  @Field(() => Float, { nullable: true, description: 'Same as coverage.atLeast200MbpsShare.' })
  atLeast200MbpsShare!: number | null;
}

/** How `broadbandSummary` groups its rows. */
export enum BroadbandGroupBy {
  COMUNE = 'COMUNE',
  PLAN = 'PLAN',
  TECHNOLOGY = 'TECHNOLOGY',
  STATUS = 'STATUS',
  GROUPING = 'GROUPING',
}
registerEnumType(BroadbandGroupBy, {
  name: 'BroadbandGroupBy',
  description: 'How a broadband summary groups its rows.',
  valuesConfig: {
    COMUNE: { description: 'One row per comune of the territory (ISTAT code).' },
    PLAN: { description: 'One row per plan.' },
    TECHNOLOGY: { description: 'One row per technology.' },
    STATUS: { description: 'One row per coverage status.' },
    GROUPING: {
      description:
        'One row per territorial grouping with members in the territory, over those members.',
    },
  },
});

/** A broadband summary of a territory. */
@ObjectType({ description: 'Broadband summary of a territory (riepilogo banda ultralarga).' })
export class BroadbandSummary {
  @Field(() => String, { description: 'The territory asked for.' })
  territory!: string;
  @Field(() => BroadbandGroupBy, { description: 'How rows are grouped.' })
  groupBy!: BroadbandGroupBy;
  @Field(() => BroadbandSummaryRow, { description: 'The whole territory.' })
  total!: BroadbandSummaryRow;
  // One row per comune (at most MAX_COMUNI), grouping (at most 200), or enum value.
  @MaxItems(200)
  @Field(() => [BroadbandSummaryRow], { description: 'The rows, by key.' })
  rows!: BroadbandSummaryRow[];
}

/** A match of the address search. */
@ObjectType({ description: 'A civic address matching a search, with its score.' })
export class AddressMatch {
  @Field(() => Float, { description: 'How well it matches, 0–1; the best match first.' })
  score!: number;
  @Field(() => CivicAddress, { description: 'The civic address.' })
  address!: CivicAddress;
}

/** The civic address nearest to a point, and its coverage. */
@ObjectType({ description: 'Coverage at a point: the nearest civic address and its coverage.' })
export class CoverageAt {
  @Field(() => CivicAddress, { description: 'The nearest civic address.' })
  address!: CivicAddress;
  @Field(() => Float, { description: 'Distance from the point to the address, in metres.' })
  distanceMeters!: number;
  @Field(() => Coverage, { nullable: true, description: 'Its coverage; null when none is known.' })
  coverage!: Coverage | null;
}
