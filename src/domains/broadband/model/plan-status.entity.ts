import {
  Entity,
  Enum,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
  type Ref,
} from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../common/dates.js';
import type { Comune } from '../../../core/model/comune.entity.js';
import { Sourced } from '../../../core/model/sourced.js';
import { PlanWorkState } from './enums.js';

/** Where one technology stands in a place of the white-areas plan. */
@ObjectType({
  description: 'Where one technology (fibre or FWA) stands in the white-areas plan for a place.',
})
export class PlanTechnologyStatus {
  @Field(() => Boolean, {
    description:
      'Whether the place is in the plan for this technology (the file\u2019s flag Fibra / FWA = 1).',
  })
  inPlan!: boolean;

  @Field(() => PlanWorkState, {
    nullable: true,
    description:
      'State of works as the file gives it; null when the file leaves it empty. The file gives a state even where `inPlan` is false (e.g. "in programmazione"), whose meaning it does not document.',
  })
  state!: PlanWorkState | null;

  @Field(() => String, {
    nullable: true,
    description: 'The state in the file\u2019s own words (e.g. "terminato"); null when empty.',
  })
  stateAsPublished!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Year of the plan for this technology (Piano fibra / FWA (anno)); null when none.',
  })
  planYear!: number | null;
}

/**
 * The state of works of the white-areas plan (Piano Banda Ultra Larga, aree bianche) in
 * one place, from the per-comune file of the BUL portal: usually one row per comune; two
 * for a comune that absorbed another in 2019 (the file keeps the former comuni).
 */
@ObjectType({
  description:
    'State of works of the white-areas plan (Piano BUL, aree bianche: fibre and FWA) in a place of a comune, from the BUL file (stato lavori). No unit counts: the file has none.',
})
@Entity({ tableName: 'broadband_plan_status' })
@Unique({ properties: ['comune', 'place'] })
export class BroadbandPlanStatus extends Sourced {
  [OptionalProps]?: 'pk' | 'fibre' | 'fwa';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  @ManyToOne({ entity: 'Comune', ref: true, deleteRule: 'cascade' })
  comune!: Ref<Comune>;

  @Field(() => String, {
    description:
      'The place as the file names it: the comune, or a former comune merged into it (e.g. "Drizzona").',
  })
  @Property({ type: 'text' })
  place!: string;

  @Property({ type: 'boolean' })
  fibreInPlan!: boolean;

  @Enum({ items: () => PlanWorkState, nullable: true, nativeEnumName: 'plan_work_state' })
  fibreState?: PlanWorkState | null;

  @Property({ type: 'text', nullable: true })
  fibreStateText?: string | null;

  @Property({ type: 'integer', nullable: true })
  fibrePlanYear?: number | null;

  @Property({ type: 'boolean' })
  fwaInPlan!: boolean;

  @Enum({ items: () => PlanWorkState, nullable: true, nativeEnumName: 'plan_work_state' })
  fwaState?: PlanWorkState | null;

  @Property({ type: 'text', nullable: true })
  fwaStateText?: string | null;

  @Property({ type: 'integer', nullable: true })
  fwaPlanYear?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Point of presence of the network (PCN route, e.g. "POP_CR_43_AGNADELLO").',
  })
  @Property({ type: 'text', nullable: true })
  pcnRoute?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Place of the point of presence (Nome sede PCN).',
  })
  @Property({ type: 'text', nullable: true })
  pcnName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Note on the place, e.g. "ex comune fuso in Piadena Drizzona (2019)".',
  })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date the state refers to; null when the file is not dated (see asOfNote).',
  })
  @Property({ type: 'date', nullable: true })
  asOf?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The file was published by this date, so the state is no later than it; null when unknown.',
  })
  @Property({ type: 'date', nullable: true })
  knownBy?: string | null;

  @Field(() => String, {
    description:
      'What is known of the date of the state (e.g. "not dated; published by 2024-03-25").',
  })
  @Property({ type: 'text' })
  asOfNote!: string;

  @Field(() => PlanTechnologyStatus, { description: 'Fibre (FTTH) in the plan.' })
  get fibre(): PlanTechnologyStatus {
    return Object.assign(new PlanTechnologyStatus(), {
      inPlan: this.fibreInPlan,
      state: this.fibreState ?? null,
      stateAsPublished: this.fibreStateText ?? null,
      planYear: this.fibrePlanYear ?? null,
    });
  }

  @Field(() => PlanTechnologyStatus, { description: 'Fixed wireless access (FWA) in the plan.' })
  get fwa(): PlanTechnologyStatus {
    return Object.assign(new PlanTechnologyStatus(), {
      inPlan: this.fwaInPlan,
      state: this.fwaState ?? null,
      stateAsPublished: this.fwaStateText ?? null,
      planYear: this.fwaPlanYear ?? null,
    });
  }
}
