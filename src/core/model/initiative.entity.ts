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
import { DatePrecision, PreciseDate } from '../../common/dates.js';
import { Node, toGlobalId } from '../../common/node.js';
import { ReportedCount } from '../../common/reported-count.js';
import type { Comune } from './comune.entity.js';
import type { Organization } from './organization.entity.js';
import { Sourced } from './sourced.js';
import { InitiativeKind } from './enums.js';

/**
 * An initiative of the territory's organisations: a programme, a training, a protocol, a
 * working group, a plan or a proposal, dated with its precision (or undated, with the
 * reason), with the organisations taking part and the comuni it concerns, each with why.
 */
@ObjectType({
  implements: Node,
  description:
    'An initiative (iniziativa) of the organisations of the territory: programme, training, protocol, working group, plan or proposal, with its date, participants and the comuni it concerns.',
})
@Entity({ tableName: 'initiative' })
export class Initiative extends Sourced implements Node {
  [OptionalProps]?: 'id' | 'date' | 'participants';

  @Field(() => String, { description: 'Stable kebab-case code, e.g. "regis-training-2022-12-14".' })
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Field(() => InitiativeKind, { description: 'Kind of initiative.' })
  @Enum({ items: () => InitiativeKind })
  kind!: InitiativeKind;

  @Field(() => String, { description: 'What it is, in one line.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { description: 'What the sources say about it, in plain words.' })
  @Property({ type: 'text' })
  summary!: string;

  /** When it happened or was announced; null when the sources give no date. */
  @Index()
  @Property({ type: 'date', nullable: true })
  on?: string | null;

  @Enum({ items: () => DatePrecision, nullable: true })
  precision?: DatePrecision | null;

  @Field(() => String, {
    nullable: true,
    description:
      'What else is known about the date (e.g. "news item dated 2022-12-21"), or why there is none.',
  })
  @Property({ type: 'text', nullable: true })
  dateNote?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where it took place (sede), as the source says; null when not stated.',
  })
  @Property({ type: 'text', nullable: true })
  venue?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Hub domain the initiative belongs to, when one (e.g. "pnrr" for PNRR reporting); its timeline events carry it.',
  })
  @Property({ type: 'text', nullable: true })
  domain?: string | null;

  @Property({ type: 'integer', nullable: true })
  participantCount?: number | null;

  @Property({ type: 'boolean', nullable: true })
  participantCountApproximate?: boolean | null;

  @Field(() => String, {
    description:
      'Which comuni the initiative concerns and why (each comune also carries its own basis).',
  })
  @Property({ type: 'text' })
  concernsNote!: string;

  get id(): string {
    return toGlobalId('Initiative', this.code);
  }

  @Field(() => PreciseDate, {
    nullable: true,
    description: 'When, with its precision; null when the sources give no date (see dateNote).',
  })
  get date(): PreciseDate | null {
    return this.on && this.precision ? PreciseDate.of(this.on, this.precision) : null;
  }

  @Field(() => ReportedCount, {
    nullable: true,
    description: 'People taking part (partecipanti), as reported; null when no number is given.',
  })
  get participants(): ReportedCount | null {
    return ReportedCount.of(this.participantCount, this.participantCountApproximate);
  }
}

/** An organisation taking part in an initiative, with its role in it. */
@ObjectType({ description: 'An organisation taking part in an initiative, with its role.' })
@Entity({ tableName: 'initiative_participant' })
@Unique({ properties: ['initiative', 'organization', 'role'] })
export class InitiativeParticipant {
  [OptionalProps]?: 'pk' | 'position';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  @Index()
  @ManyToOne({ entity: 'Initiative', ref: true, deleteRule: 'cascade' })
  initiative!: Ref<Initiative>;

  @Index()
  @ManyToOne({ entity: 'Organization', ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Field(() => String, {
    description:
      'Its role, in the source’s terms, e.g. "team leader", "technical secretariat", "partner".',
  })
  @Property({ type: 'text' })
  role!: string;

  @Property({ type: 'integer', default: 0 })
  position: number = 0;
}

/** A comune an initiative concerns, with the reason (basis) it is counted. */
@ObjectType({ description: 'A comune an initiative concerns, with why (basis).' })
@Entity({ tableName: 'initiative_comune' })
export class InitiativeComune extends Sourced {
  @ManyToOne({ entity: 'Initiative', primary: true, ref: true, deleteRule: 'cascade' })
  initiative!: Ref<Initiative>;

  @Index()
  @ManyToOne({ entity: 'Comune', primary: true, ref: true, deleteRule: 'cascade' })
  comune!: Ref<Comune>;

  /** Why this comune is concerned, e.g. "Consorzio.IT member (inferred)". */
  @Field(() => String, {
    description:
      'Why the initiative concerns this comune, e.g. "the protocol is the Comune di Cremona’s".',
  })
  @Property({ type: 'text' })
  basis!: string;
}
