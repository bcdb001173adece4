import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DatePrecision, DateScalar } from '../common/dates.js';
import { Source } from '../core/model/source.js';
import type { TimelineEvent } from '../common/domain.js';

/** Whose events a comune's timeline shows (the same choice as `pnrr(bodies:)`). */
export enum TimelineBodies {
  COMUNE = 'COMUNE',
  ALL = 'ALL',
}
registerEnumType(TimelineBodies, {
  name: 'TimelineBodies',
  description:
    "Whose events the timeline shows: the comune's own, or also those of every body located there (the same default as `Comune.pnrr(bodies:)`).",
  valuesConfig: {
    COMUNE: {
      description:
        'Events of the comune itself: its own PNRR grants, its plan, the programmes and communities it takes part in (default, as `pnrr`).',
    },
    ALL: {
      description:
        'Also events of other bodies located in the comune (schools, health authorities, consortia: their PNRR grants), as `pnrr(bodies: ALL)`.',
    },
  },
});

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
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'When only a range of days is known: the earliest day the event can have happened; `on` is then the latest (e.g. a renunciation first seen in a file published that day). Null when `on` is the date.',
  })
  notBefore!: string | null;
  @Field(() => Boolean, {
    description:
      'True when the event concerns another body located in the comune (a school, a health authority...), not the comune itself; such events appear with `bodies: ALL`.',
  })
  otherBody!: boolean;
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

/**
 * An event's place in the timeline, and its cursor: date, domain, kind, title, the record it
 * is about and its dataset.
 */
export const timelineKey = (e: TimelineEvent): string[] => [
  e.on,
  e.domain,
  e.kind,
  e.title,
  e.entityId ?? '',
  e.datasetId,
];

/** Number of parts of a {@link timelineKey}. */
export const TIMELINE_KEY_LENGTH = 6;

/** Timeline order of two keys: newest first, then domain, kind, title, record and dataset. */
export function compareTimelineKeys(a: readonly string[], b: readonly string[]): number {
  return (
    b[0].localeCompare(a[0]) ||
    a[1].localeCompare(b[1]) ||
    a[2].localeCompare(b[2]) ||
    a[3].localeCompare(b[3]) ||
    a[4].localeCompare(b[4]) ||
    a[5].localeCompare(b[5])
  );
}

/** Events in timeline order (see {@link compareTimelineKeys}), each key built once. */
export function inTimelineOrder(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events
    .map((e) => ({ e, k: timelineKey(e) }))
    .sort((a, b) => compareTimelineKeys(a.k, b.k))
    .map(({ e }) => e);
}
