import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
  type Ref,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DatePrecision, DateScalar, PreciseDate } from '../../../common/dates.js';
import { Node, toGlobalId } from '../../../common/node.js';
import { Sourced } from '../../../core/model/sourced.js';
import { DateQualifier, MilestoneKind, MilestoneStatus } from './enums.js';
import type { UpgradeProgramme } from './programme.entity.js';

const PREFIX: Record<DateQualifier, string> = {
  [DateQualifier.ON]: '',
  [DateQualifier.BY]: 'by ',
  [DateQualifier.MID]: 'mid ',
  [DateQualifier.WITHIN]: 'within ',
};

/**
 * A dated milestone of an upgrade programme. The date keeps the precision the source
 * gives (a month or a half-year is never turned into a day); `qualifier` keeps "by" or
 * "mid", and `status` says whether it is a plan or a reported fact.
 */
@ObjectType({
  implements: Node,
  description: 'A dated milestone (tappa) of an upgrade programme, at the precision known.',
})
@Entity({ tableName: 'programme_milestone' })
@Unique({ properties: ['programme', 'kind'] })
export class ProgrammeMilestone extends Sourced implements Node {
  [OptionalProps]?: 'pk' | 'id' | 'date' | 'label';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  @Index()
  @ManyToOne({ entity: 'UpgradeProgramme', ref: true, deleteRule: 'cascade' })
  programme!: Ref<UpgradeProgramme>;

  @Field(() => MilestoneKind, { description: 'What the milestone marks.' })
  @Enum({ items: () => MilestoneKind })
  kind!: MilestoneKind;

  @Field(() => DateScalar, {
    description: 'The date; when precision is coarser than DAY, the first day of the period.',
  })
  @Property({ type: 'date' })
  on!: string;

  @Field(() => DatePrecision, { description: 'How precisely the date is known.' })
  @Enum({ items: () => DatePrecision })
  precision!: DatePrecision;

  @Field(() => DateQualifier, { description: 'How the milestone relates to the date.' })
  @Enum({ items: () => DateQualifier })
  qualifier!: DateQualifier;

  @Field(() => MilestoneStatus, { description: 'Expected (a plan) or happened (reported).' })
  @Enum({ items: () => MilestoneStatus })
  status!: MilestoneStatus;

  @Field(() => String, { description: 'The milestone in plain words.' })
  @Property({ type: 'text' })
  description!: string;

  get id(): string {
    return toGlobalId('ProgrammeMilestone', this.pk);
  }

  @Field(() => PreciseDate, { description: 'The date with its precision.' })
  get date(): PreciseDate {
    return PreciseDate.of(this.on, this.precision);
  }

  @Field(() => String, {
    description:
      'The date as the source words it, at its precision: "by 2023-01-31", "mid 2023-02", "by 2023-05", "within 2024-H1".',
  })
  get label(): string {
    return PREFIX[this.qualifier] + this.date.label;
  }
}
