import {
  Entity,
  Enum,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  type Ref,
} from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../common/dates.js';
import { Node, toGlobalId } from '../../../common/node.js';
import { Sourced } from '../../../core/model/sourced.js';
import { BroadbandClaimWording, ClaimUnit } from './enums.js';
import type { BroadbandProgramme } from './network.entity.js';

/**
 * A broadband figure stated in the press, kept as a claim with its source and dates: the
 * hub checks it against the open data when some can (`check`), and otherwise says that no
 * open data can verify it. Never a fact of its own.
 */
@ObjectType({
  implements: Node,
  description:
    'A broadband figure stated in the press (dichiarazione), with its source and dates; checked against the open data when possible, otherwise marked as not verifiable.',
})
@Entity({ tableName: 'broadband_claim' })
export class BroadbandClaim extends Sourced implements Node {
  [OptionalProps]?: 'id' | 'valueNumber';

  @Field(() => String, { description: 'Stable code of the claim.' })
  @PrimaryKey({ type: 'text' })
  code!: string;

  /** The programme the figure is about. */
  @ManyToOne({ entity: 'BroadbandProgramme', ref: true, deleteRule: 'cascade' })
  programme!: Ref<BroadbandProgramme>;

  @Field(() => String, { description: 'What was stated, in plain words (not a quotation).' })
  @Property({ type: 'text' })
  statement!: string;

  /** The figure, exact decimal. */
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  value!: string;

  @Field(() => ClaimUnit, { description: 'What the figure counts.' })
  @Enum({ items: () => ClaimUnit, nativeEnumName: 'broadband_claim_unit' })
  unit!: ClaimUnit;

  @Field(() => BroadbandClaimWording, { description: 'How the figure was worded.' })
  @Enum({ items: () => BroadbandClaimWording, nativeEnumName: 'broadband_claim_wording' })
  wording!: BroadbandClaimWording;

  @Field(() => Int, {
    nullable: true,
    description: 'The whole the figure is a part of, when stated ("40 of the 52 comuni": 52).',
  })
  @Property({ type: 'integer', nullable: true })
  outOf?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Territory of the figure as a grouping code (e.g. "consorzio-it"); null when it is not a territory of the hub (e.g. Italy).',
  })
  @Property({ type: 'text', nullable: true })
  territory?: string | null;

  @Field(() => String, { description: 'Scope of the figure in words.' })
  @Property({ type: 'text' })
  scope!: string;

  @Field(() => DateScalar, { description: 'When the figure was stated (the event).' })
  @Property({ type: 'date' })
  statedOn!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date of the press item that reports it, when it differs from statedOn.',
  })
  @Property({ type: 'date', nullable: true })
  reportedOn?: string | null;

  @Field(() => Boolean, {
    description: 'Whether open data held by the hub can check the figure (see check).',
  })
  @Property({ type: 'boolean' })
  verifiable!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why no open data can check the figure; null when verifiable.',
  })
  @Property({ type: 'text', nullable: true })
  notVerifiableReason?: string | null;

  /** Which check applies (e.g. BUL_FIBRE_IN_PLAN); null when not verifiable. */
  @Property({ type: 'text', nullable: true })
  checkBasis?: string | null;

  get id(): string {
    return toGlobalId('BroadbandClaim', this.code);
  }

  @Field(() => Float, { name: 'value', description: 'The figure stated.' })
  get valueNumber(): number {
    return Number(this.value);
  }
}
