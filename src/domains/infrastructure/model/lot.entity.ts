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
import { Field, Int, ObjectType } from 'type-graphql';
import { DatePrecision, PreciseDate } from '../../../common/dates.js';
import { Node, toGlobalId } from '../../../common/node.js';
import type { TerritorialGrouping } from '../../../core/model/grouping.entity.js';
import { Sourced } from '../../../core/model/sourced.js';
import { LotStatus } from './enums.js';
import type { UpgradeProgramme } from './programme.entity.js';

/** Adds whole months to an ISO date, clamping the day to the end of the target month. */
export function addMonths(on: string, months: number): string {
  const [y, m, d] = on.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/**
 * A tender lot (lotto di gara) of an upgrade programme. Its comuni are the members of the
 * lot's territorial grouping, which stays empty with `membershipKnown: false` until the
 * source publishes the split.
 */
@ObjectType({
  implements: Node,
  description:
    'A tender lot (lotto di gara) of an upgrade programme; its comuni are unknown while membershipKnown is false.',
})
@Entity({ tableName: 'programme_lot' })
export class ProgrammeLot extends Sourced implements Node {
  [OptionalProps]?: 'id' | 'worksStart' | 'expectedEnd';

  @Field(() => String, {
    description: 'Code of the lot, also the code of its territorial grouping.',
  })
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Index()
  @ManyToOne({ entity: 'UpgradeProgramme', ref: true, deleteRule: 'cascade' })
  programme!: Ref<UpgradeProgramme>;

  @Field(() => Int, { description: 'Number of the lot within the programme (1, 2...).' })
  @Property({ type: 'integer' })
  number!: number;

  @Field(() => String, { description: 'Name of the lot.' })
  @Property({ type: 'text' })
  name!: string;

  /** The grouping holding the lot's comuni. */
  @Index()
  @ManyToOne({ entity: 'TerritorialGrouping', ref: true, deleteRule: 'restrict' })
  grouping!: Ref<TerritorialGrouping>;

  @Field(() => LotStatus, { description: 'Status as last reported (see statusNote).' })
  @Enum({ items: () => LotStatus })
  status!: LotStatus;

  @Field(() => String, { nullable: true, description: 'What the status rests on.' })
  @Property({ type: 'text', nullable: true })
  statusNote?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Duration of the works in months from the start-of-works record.',
  })
  @Property({ type: 'integer', nullable: true })
  durationMonths?: number | null;

  @Property({ type: 'date', nullable: true })
  worksStartOn?: string | null;

  @Enum({ items: () => DatePrecision, nullable: true })
  worksStartPrecision?: DatePrecision | null;

  get id(): string {
    return toGlobalId('ProgrammeLot', this.code);
  }

  @Field(() => PreciseDate, {
    nullable: true,
    description:
      'Date of the start-of-works record (verbale di inizio lavori); null while not recorded.',
  })
  get worksStart(): PreciseDate | null {
    if (!this.worksStartOn) return null;
    return PreciseDate.of(this.worksStartOn, this.worksStartPrecision ?? DatePrecision.DAY);
  }

  @Field(() => PreciseDate, {
    nullable: true,
    description:
      'Expected end of works: worksStart plus durationMonths, at the precision of worksStart; null while the start-of-works record is unknown.',
  })
  get expectedEnd(): PreciseDate | null {
    const start = this.worksStart;
    if (!start || this.durationMonths == null) return null;
    if (start.precision !== DatePrecision.DAY && start.precision !== DatePrecision.MONTH)
      return null;
    return PreciseDate.of(addMonths(start.on, this.durationMonths), start.precision);
  }
}
