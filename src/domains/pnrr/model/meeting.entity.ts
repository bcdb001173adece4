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
import { ReportedCount } from '../../../common/reported-count.js';
import type { Comune } from '../../../core/model/comune.entity.js';
import type { Initiative } from '../../../core/model/initiative.entity.js';
import { Sourced } from '../../../core/model/sourced.js';
import { romeDateTime } from '../rules/rome-time.js';
import { MaxItems } from '../../../common/limits.js';
import {
  FacilitationAudience,
  FacilitationMeetingKind,
  FacilitationMeetingStatus,
} from './enums.js';

/**
 * A session of the PNRR digital facilitation (Facilitazione Digitale): a public meeting, a
 * course or a staff training, with its date, local start time, venue, comune, audience and
 * reported attendance, as the source gives them.
 */
@ObjectType({
  implements: Node,
  description:
    'A session of the PNRR digital facilitation (facilitazione digitale): public meeting, course or staff training.',
})
@Entity({ tableName: 'pnrr_facilitation_meeting' })
@Index({ properties: ['on', 'startTime', 'code'] })
export class FacilitationMeeting extends Sourced implements Node {
  [OptionalProps]?: 'id' | 'date' | 'participants' | 'startsAt';

  @Field(() => String, {
    description: 'Stable code: date and place, e.g. "2025-12-04-pandino-sala-civica".',
  })
  @PrimaryKey({ type: 'text' })
  code!: string;

  /** The programme it belongs to (an initiative of the hub). */
  @Index()
  @ManyToOne({ entity: 'Initiative', ref: true, deleteRule: 'cascade' })
  programme!: Ref<Initiative>;

  @Field(() => FacilitationMeetingKind, { description: 'Public meeting, course or training.' })
  @Enum({ items: () => FacilitationMeetingKind })
  kind!: FacilitationMeetingKind;

  @Field(() => String, { description: 'What it is, in one line.' })
  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'date' })
  on!: string;

  @Enum({ items: () => DatePrecision })
  precision!: DatePrecision;

  @Field(() => String, {
    nullable: true,
    description: 'What else is known about the date, e.g. that the year is inferred.',
  })
  @Property({ type: 'text', nullable: true })
  dateNote?: string | null;

  /** Local start time (Europe/Rome), when the source gives one. */
  @Property({ type: 'time', nullable: true })
  startTime?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Venue (sede), e.g. "Sala Civica"; null when not stated.',
  })
  @Property({ type: 'text', nullable: true })
  venue?: string | null;

  /** The comune where it takes place; null when the source does not say. */
  @Index()
  @ManyToOne({ entity: 'Comune', ref: true, nullable: true, deleteRule: 'restrict' })
  comune?: Ref<Comune> | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the comune is what it is, or why it is unknown.',
  })
  @Property({ type: 'text', nullable: true })
  locationNote?: string | null;

  @Field(() => FacilitationAudience, {
    nullable: true,
    description: 'Who it is for; null when not stated.',
  })
  @Enum({ items: () => FacilitationAudience, nullable: true })
  audience?: FacilitationAudience | null;

  @Field(() => String, { nullable: true, description: 'The audience in the source’s words.' })
  @Property({ type: 'text', nullable: true })
  audienceNote?: string | null;

  @Property({ type: 'integer', nullable: true })
  participantCount?: number | null;

  @Property({ type: 'boolean', nullable: true })
  participantCountApproximate?: boolean | null;

  @MaxItems(20)
  @Field(() => [String], {
    nullable: true,
    description: 'Topics (argomenti), e.g. SPID, CIE, pagoPA; null when not stated.',
  })
  @Property({ type: 'text[]', nullable: true })
  topics?: string[] | null;

  /** Codes of the organisations the source names with the session (host, co-organiser). */
  @Property({ type: 'text[]' })
  organizationCodes!: string[];

  @Field(() => FacilitationMeetingStatus, {
    description: 'Whether the source reports it as held or only announces it.',
  })
  @Enum({ items: () => FacilitationMeetingStatus })
  status!: FacilitationMeetingStatus;

  @Field(() => String, { nullable: true, description: 'What the source says about the status.' })
  @Property({ type: 'text', nullable: true })
  statusNote?: string | null;

  get id(): string {
    return toGlobalId('FacilitationMeeting', this.code);
  }

  @Field(() => PreciseDate, { description: 'The date with its precision.' })
  get date(): PreciseDate {
    return PreciseDate.of(this.on, this.precision);
  }

  @Field(() => String, {
    nullable: true,
    name: 'startTime',
    description: 'Local start time (Europe/Rome) as HH:MM, e.g. "20:30"; null when not stated.',
  })
  get startTimeLocal(): string | null {
    return this.startTime ? this.startTime.slice(0, 5) : null;
  }

  @Field(() => String, {
    nullable: true,
    description:
      'Start as an RFC 3339 date-time with the Europe/Rome offset, e.g. "2025-12-04T20:30:00+01:00"; null unless both the day and the time are known.',
  })
  get startsAt(): string | null {
    return this.startTime && this.precision === DatePrecision.DAY
      ? romeDateTime(this.on, this.startTime.slice(0, 5))
      : null;
  }

  @Field(() => ReportedCount, {
    nullable: true,
    description: 'People taking part, as reported; null when no number is given.',
  })
  get participants(): ReportedCount | null {
    return ReportedCount.of(this.participantCount, this.participantCountApproximate);
  }
}

/**
 * A count of sessions the source reports without their dates or comuni ("12 public meetings
 * already held in Cremasco comuni"): kept as a count, never turned into invented meetings.
 */
@ObjectType({
  description:
    'Sessions of a facilitation programme reported only as a count, without dates or comuni (e.g. "12 public meetings already held").',
})
@Entity({ tableName: 'pnrr_facilitation_tally' })
export class FacilitationTally extends Sourced {
  [OptionalProps]?: 'pk' | 'reported';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  @Index()
  @ManyToOne({ entity: 'Initiative', ref: true, deleteRule: 'cascade' })
  programme!: Ref<Initiative>;

  @Field(() => FacilitationMeetingKind, { description: 'Kind of the sessions counted.' })
  @Enum({ items: () => FacilitationMeetingKind })
  kind!: FacilitationMeetingKind;

  @Field(() => FacilitationMeetingStatus, { description: 'Held or announced.' })
  @Enum({ items: () => FacilitationMeetingStatus })
  status!: FacilitationMeetingStatus;

  @Field(() => Int, { description: 'How many sessions the source reports.' })
  @Property({ type: 'integer' })
  count!: number;

  @Property({ type: 'date' })
  reportedOn!: string;

  @Enum({ items: () => DatePrecision })
  reportedPrecision!: DatePrecision;

  @Field(() => String, {
    description: 'Where the source places them, in its words (e.g. "in Cremasco comuni").',
  })
  @Property({ type: 'text' })
  area!: string;

  @Field(() => String, { description: 'What is not known about them (dates, comuni).' })
  @Property({ type: 'text' })
  note!: string;

  @Field(() => PreciseDate, { description: 'When the count was reported, with its precision.' })
  get reported(): PreciseDate {
    return PreciseDate.of(this.reportedOn, this.reportedPrecision);
  }
}
