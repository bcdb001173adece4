import {
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  type Ref,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import type { Comune } from './comune.entity.js';
import type { TerritorialGrouping } from './grouping.entity.js';
import { Sourced } from './sourced.js';

/**
 * A data-quality flag: something in the data that a user should know before trusting a
 * figure (a declared count that differs from the names listed, a claim the open data
 * contradict, an unknown membership, suspicious coordinates). Each domain writes its own
 * flags (by `domain`) when it seeds or imports, replacing the ones it wrote before.
 */
@ObjectType({ description: 'A data-quality flag (segnalazione di qualità dei dati).' })
@Entity({ tableName: 'data_quality_issue' })
@Index({ properties: ['domain', 'code'] })
export class DataQualityIssue extends Sourced {
  [OptionalProps]?: 'pk' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  @Field(() => String, {
    description: 'Stable code of the kind of issue, e.g. DECLARED_COUNT_MISMATCH.',
  })
  @Property({ type: 'text' })
  code!: string;

  @Field(() => String, { description: 'What is wrong, in plain words, with the figures.' })
  @Property({ type: 'text' })
  message!: string;

  @Field(() => String, {
    description: 'The record concerned, as "Type:key" (e.g. "TerritorialGrouping:ppc-2023").',
  })
  @Property({ type: 'text' })
  entity!: string;

  @Field(() => String, {
    description:
      'Domain that raised it: hub, infrastructure, broadband, energy, civil-protection, pnrr.',
  })
  @Property({ type: 'text' })
  domain!: string;

  /** The comune concerned, when the issue concerns one. */
  @Index()
  @ManyToOne({ entity: 'Comune', ref: true, nullable: true, deleteRule: 'cascade' })
  comune?: Ref<Comune> | null;

  /** The territory concerned, when the issue concerns a grouping (all its members see it). */
  @Index()
  @ManyToOne({ entity: 'TerritorialGrouping', ref: true, nullable: true, deleteRule: 'cascade' })
  grouping?: Ref<TerritorialGrouping> | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;
}
