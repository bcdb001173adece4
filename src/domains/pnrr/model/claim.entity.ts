import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  type Ref,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../common/dates.js';
import { MoneyScalar } from '../../../common/money.js';
import { Node, toGlobalId } from '../../../common/node.js';
import { Sourced } from '../../../core/model/sourced.js';
import type { PnrrMeasure } from './measure.entity.js';
import { MaxItems } from '../../../common/limits.js';
import { ClaimTopic, ClaimWording } from './enums.js';

/** Most other territories a claim is compared with (1 today). */
export const MAX_OTHER_TERRITORIES = 10;

/** A figure stated in the press, kept with its source and reconciled with the open data. */
@ObjectType({
  implements: Node,
  description:
    'A figure stated in the press (dichiarazione), with its source; `reconciliation` compares it with the open data.',
})
@Entity({ tableName: 'pnrr_claim' })
export class Claim extends Sourced implements Node {
  [OptionalProps]?: 'id' | 'partOf';

  @Field(() => String, { description: 'Stable code of the claim.' })
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Field(() => ClaimTopic, { description: 'Topic.' })
  @Enum({ items: () => ClaimTopic, nativeEnumName: 'claim_topic' })
  topic!: ClaimTopic;

  @Field(() => String, { description: 'What was stated, in plain words (not a quotation).' })
  @Property({ type: 'text' })
  statement!: string;

  @Field(() => MoneyScalar, { description: 'The figure stated, EUR.' })
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  value!: string;

  @Field(() => ClaimWording, { description: 'How the figure was worded.' })
  @Enum({ items: () => ClaimWording, nativeEnumName: 'claim_wording' })
  wording!: ClaimWording;

  @Field(() => MoneyScalar, {
    description:
      "Lowest amount the wording allows (the hub's reading, e.g. 2,625,000 for a rounded 2,630,000).",
  })
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  low!: string;

  @Field(() => MoneyScalar, { description: 'Highest amount the wording allows.' })
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  high!: string;

  @Field(() => String, {
    description:
      'Territory the claim is read as (a grouping code or an ISTAT code), e.g. "area-omogenea-cremasca".',
  })
  @Property({ type: 'text' })
  territory!: string;

  @MaxItems(MAX_OTHER_TERRITORIES)
  @Field(() => [String], {
    description: 'Other territories the claim is also compared with (e.g. "consorzio-it").',
  })
  @Property({ type: 'text[]' })
  alsoComparedWith!: string[];

  @Field(() => DateScalar, { description: 'Date the figure refers to (the day it was stated).' })
  @Property({ type: 'date' })
  asOf!: string;

  /** The measure the figure is for; null for a total over all measures. */
  @Index()
  @ManyToOne({ entity: 'PnrrMeasure', ref: true, nullable: true })
  measure?: Ref<PnrrMeasure> | null;

  /** The stated total this figure is a part of (a measure's share), if any. */
  @Index()
  @ManyToOne({ entity: 'Claim', ref: true, nullable: true, deleteRule: 'set null' })
  partOf?: Ref<Claim> | null;

  get id(): string {
    return toGlobalId('Claim', this.code);
  }
}
