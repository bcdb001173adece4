import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CivicAddress } from '../model/address.entity.js';
import { Coverage } from '../model/coverage.entity.js';
import {
  CoverageStatus,
  GapCategory,
  Plan,
  PlanWorkState,
  Technology,
  BroadbandGroupBy,
} from '../model/enums.js';
import { BroadbandMapping } from '../model/mapping.entity.js';
import { MaxItems, enumSize } from '../../../common/limits.js';

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

/**
 * The broadband figures of a set of per-address coverage records (a comune, a plan, a
 * grouping...): records with technology, speed, plan and status exist only in the
 * synthetic sample (opt-in) or in an imported per-address extract, so every count is null
 * where the hub holds none; `synthetic` says whether they are invented.
 */
@ObjectType({
  description:
    'Broadband figures of a set of per-address coverage records (synthetic sample or imported extract); null where the hub holds none: no open data give per-address technology or speed.',
})
export abstract class BroadbandFigures {
  @Field(() => Int, {
    nullable: true,
    description:
      'Civic numbers with a per-address coverage record (technology, speed, plan, status); null when the hub holds none here (the real open data give none: see gaps and plan).',
  })
  addressCount!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Real-estate units (unità immobiliari) at those civic numbers; null as addressCount.',
  })
  unitCount!: number | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'True when any record behind these figures is synthetic (the calibrated sample): then they are NOT real-world facts. Null when there are no records.',
  })
  synthetic!: boolean | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Kilometres of white-area public network (rete aree bianche); null when unknown (see networkKmNote) or where it does not apply (a technology or status row): never 0 for unknown.',
  })
  networkKm!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why networkKm is null, or what it rests on (e.g. the synthetic split).',
  })
  networkKmNote!: string | null;
  @Field(() => CoverageShares, {
    nullable: true,
    description: 'Coverage shares over units; null when there are no records.',
  })
  coverage!: CoverageShares | null;
  @MaxItems(enumSize(Plan))
  @Field(() => [PlanCount], {
    nullable: true,
    description: 'Civic numbers and units by plan; null when there are no records.',
  })
  byPlan!: PlanCount[] | null;
  @MaxItems(enumSize(Technology))
  @Field(() => [TechnologyCount], {
    nullable: true,
    description: 'Civic numbers and units by technology; null when there are no records.',
  })
  byTechnology!: TechnologyCount[] | null;
  @MaxItems(enumSize(CoverageStatus))
  @Field(() => [StatusCount], {
    nullable: true,
    description: 'Civic numbers and units by status; null when there are no records.',
  })
  byStatus!: StatusCount[] | null;
}

/** Listed civic numbers of one category of a mapping. */
@ObjectType({ description: 'Civic numbers of one category listed by a mapping.' })
export class GapCategoryCount {
  @Field(() => GapCategory, { description: 'The category (caratteristica).' })
  category!: GapCategory;
  @Field(() => String, { description: 'What the category means, in words.' })
  meaning!: string;
  @Field(() => Int, { description: 'Civic numbers listed with this category.' })
  count!: number;
}

/**
 * What a mapping says of a comune or a set of comuni: the civic numbers it lists as not
 * expected above its speed by its horizon year, by category, and their share of the civic
 * numbers ANNCSU registers where that count is known and usable.
 */
@ObjectType({
  description:
    'Civic numbers listed by a mapping (Infratel) as not expected above its speed by its horizon year, by category, and their share of the ANNCSU civic numbers where known.',
})
export class BroadbandGaps {
  @Field(() => BroadbandMapping, { description: 'The mapping (source and date).' })
  mapping!: BroadbandMapping;
  @Field(() => Boolean, { description: 'Whether it is the current (newest) mapping.' })
  current!: boolean;
  @Field(() => Int, { description: 'Comuni the figures cover.' })
  comuneCount!: number;
  @Field(() => Int, {
    description:
      'Civic numbers listed (0 is a real figure here: the mapping lists every civic it expects below the threshold).',
  })
  listedCount!: number;
  @MaxItems(enumSize(GapCategory))
  @Field(() => [GapCategoryCount], { description: 'Listed civic numbers by category A, B, C.' })
  byCategory!: GapCategoryCount[];
  @Field(() => Int, {
    nullable: true,
    description:
      'Civic numbers registered in ANNCSU, over the comuni where the count is known; null when it is known for none (35 of the 113 comuni have no count: unknown, not zero).',
  })
  anncsuCivicNumbers!: number | null;
  @Field(() => Int, { description: 'Comuni whose ANNCSU count is known.' })
  anncsuKnownComuni!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'Listed civic numbers / ANNCSU civic numbers (0–1, 4 decimals), over the comuni whose ANNCSU count is known and not below the listed civics; null otherwise (see shareNote).',
  })
  shareOfAnncsu!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why shareOfAnncsu is null, or what to keep in mind when reading it.',
  })
  shareNote!: string | null;
}

/** Comuni in one state of works, for a technology of the plan. */
@ObjectType({ description: 'Comuni (places) in one state of works of the white-areas plan.' })
export class PlanStateCount {
  @Field(() => PlanWorkState, { nullable: true, description: 'The state; null: left empty.' })
  state!: PlanWorkState | null;
  @Field(() => Int, { description: 'Places (comuni, or former comuni) in this state.' })
  places!: number;
}

/** The white-areas plan over a set of comuni. */
@ObjectType({
  description:
    'The white-areas plan (Piano BUL) over a set of comuni, from the per-comune state of works.',
})
export class BroadbandPlanFigures {
  @Field(() => Int, { description: 'Comuni of the set with a row in the plan file.' })
  comuniWithData!: number;
  @Field(() => Int, {
    description: 'Comuni with fibre in the plan for at least one of their places.',
  })
  fibreInPlan!: number;
  @Field(() => Int, {
    description: 'Of those, comuni whose places in the fibre plan all have works finished.',
  })
  fibreCompleted!: number;
  @Field(() => Int, {
    description: 'Comuni with FWA in the plan for at least one of their places.',
  })
  fwaInPlan!: number;
  @Field(() => Int, {
    description: 'Of those, comuni whose places in the FWA plan all have works finished.',
  })
  fwaCompleted!: number;
  @MaxItems(enumSize(PlanWorkState) + 1)
  @Field(() => [PlanStateCount], {
    description: 'Places in the fibre plan by state of works.',
  })
  fibreByState!: PlanStateCount[];
  @MaxItems(enumSize(PlanWorkState) + 1)
  @Field(() => [PlanStateCount], { description: 'Places in the FWA plan by state of works.' })
  fwaByState!: PlanStateCount[];
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
@ObjectType({
  description:
    'One row of a broadband summary: the real figures (gaps, plan) for comune and grouping rows, and the per-address coverage records (synthetic or imported) when the hub holds some.',
})
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
  @Field(() => BroadbandGaps, {
    nullable: true,
    description:
      'The current mapping over the row\u2019s comuni; null for plan, technology and status rows (the mapping has no such keys) or when no mapping is loaded.',
  })
  gaps!: BroadbandGaps | null;
  @Field(() => BroadbandPlanFigures, {
    nullable: true,
    description:
      'The white-areas plan over the row\u2019s comuni; null for plan, technology and status rows.',
  })
  plan!: BroadbandPlanFigures | null;
}

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
