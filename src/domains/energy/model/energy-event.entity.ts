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
import { DatePrecision, PreciseDate } from '../../../common/dates.js';
import { Node, toGlobalId } from '../../../common/node.js';
import { ReportedCount } from '../../../common/reported-count.js';
import type { Comune } from '../../../core/model/comune.entity.js';
import { Sourced } from '../../../core/model/sourced.js';
import type { EnergyCommunity } from './energy-community.entity.js';
import { EnergyEventKind } from './enums.js';

/**
 * A dated event about energy communities in a comune (a letter to citizens, an
 * announcement). Roles, never personal names, are stored.
 */
@ObjectType({
  implements: Node,
  description: 'A dated event about energy communities in a comune (e.g. a letter to citizens).',
})
@Entity({ tableName: 'energy_event' })
@Unique({ properties: ['comune', 'kind', 'on'] })
export class EnergyEvent extends Sourced implements Node {
  [OptionalProps]?: 'pk' | 'id' | 'date' | 'participants';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  @Index()
  @ManyToOne({ entity: 'Comune', ref: true, deleteRule: 'cascade' })
  comune!: Ref<Comune>;

  @Field(() => EnergyEventKind, { description: 'Kind of event.' })
  @Enum({ items: () => EnergyEventKind })
  kind!: EnergyEventKind;

  @Property({ type: 'date' })
  on!: string;

  @Enum({ items: () => DatePrecision })
  precision!: DatePrecision;

  @Field(() => String, {
    nullable: true,
    description: 'Role of the author (e.g. "mayor (sindaco)"); personal names are not stored.',
  })
  @Property({ type: 'text', nullable: true })
  authorRole?: string | null;

  @Field(() => String, { description: 'What happened, in plain words.' })
  @Property({ type: 'text' })
  summary!: string;

  /** The community the event is about, when it is about one. */
  @Index()
  @ManyToOne({ entity: 'EnergyCommunity', ref: true, nullable: true, deleteRule: 'set null' })
  community?: Ref<EnergyCommunity> | null;

  @Property({ type: 'integer', nullable: true })
  participantCount?: number | null;

  @Property({ type: 'boolean', nullable: true })
  participantCountApproximate?: boolean | null;

  /**
   * ISTAT codes of the comuni the event was streamed to (collegati in streaming); null when
   * the source does not say.
   */
  @Property({ type: 'text[]', nullable: true })
  streamedToIstatCodes?: string[] | null;

  get id(): string {
    return toGlobalId('EnergyEvent', this.pk);
  }

  @Field(() => PreciseDate, { description: 'When, with its precision.' })
  get date(): PreciseDate {
    return PreciseDate.of(this.on, this.precision);
  }

  @Field(() => ReportedCount, {
    nullable: true,
    description: 'People present (partecipanti) as reported; null when the source gives no number.',
  })
  get participants(): ReportedCount | null {
    return ReportedCount.of(this.participantCount, this.participantCountApproximate);
  }
}
