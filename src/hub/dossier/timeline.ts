import { Field, ObjectType } from 'type-graphql';
import { DatePrecision, DateScalar } from '../../common/dates.js';
import { Source } from '../source.js';

/** A dated event of a comune's timeline. */
@ObjectType({ description: 'A dated event (evento) in the timeline of a comune.' })
export class TimelineEntry {
  @Field(() => String, { description: 'Opaque cursor of this event, for `after`.' })
  cursor!: string;
  @Field(() => DateScalar, {
    description: 'Date of the event; the first day of the period when known only coarsely.',
  })
  on!: string;
  @Field(() => DatePrecision, { description: 'How precisely the date is known.' })
  precision!: DatePrecision;
  @Field(() => String, {
    description: 'Domain: infrastructure, broadband, energy, civil-protection, pnrr or hub.',
  })
  domain!: string;
  @Field(() => String, {
    description: 'Kind of event, e.g. GRANT_FUNDED, GRANT_RENOUNCED, MILESTONE, PLAN_DEADLINE.',
  })
  kind!: string;
  @Field(() => String, { description: 'What happened (or is expected), in plain words.' })
  title!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Global id of the record the event is about (see `node`).',
  })
  entityId!: string | null;
  @Field(() => Source, { description: 'Provenance of the event.' })
  source!: Source;
}
