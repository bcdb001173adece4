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
import { DateScalar } from '../../../common/dates.js';
import { MoneyScalar } from '../../../common/money.js';
import { Node, toGlobalId } from '../../../common/node.js';
import { Sourced } from '../../../core/model/sourced.js';
import { MaxItems } from '../../../common/limits.js';

/** A PNRR investment measure of mission 1, component 1 (e.g. "1.4.1"). */
@ObjectType('PnrrMeasure', {
  implements: Node,
  description:
    'A PNRR digital measure (misura) of mission 1, component 1 (M1C1), e.g. 1.2 cloud enablement.',
})
@Entity({ tableName: 'pnrr_measure' })
export class PnrrMeasure extends Sourced implements Node {
  [OptionalProps]?: 'id';

  /** Measure code as PA digitale 2026 writes it: "1.2", "1.3.1", "1.4.1"... */
  @Field(() => String, { description: 'Measure code (codice misura), e.g. "1.4.1".' })
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Field(() => String, {
    description:
      'Official Italian title (titolo), e.g. "Esperienza del cittadino nei servizi pubblici".',
  })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { description: 'Short English title, e.g. "citizen experience".' })
  @Property({ type: 'text' })
  englishTitle!: string;

  get id(): string {
    return toGlobalId('PnrrMeasure', this.code);
  }
}

/** A notice (avviso) of PA digitale 2026: one call with its windows, for some kinds of body. */
@ObjectType('PnrrNotice', {
  implements: Node,
  description: 'A notice (avviso) of PA digitale 2026 that bodies applied to for a measure.',
})
@Entity({ tableName: 'pnrr_notice' })
export class PnrrNotice extends Sourced implements Node {
  [OptionalProps]?: 'id';

  /** The title is the notice's key: the candidature files name the notice by it. */
  @Field(() => String, {
    description: 'Title (titolo), as the grant files name it (column `avviso`).',
  })
  @PrimaryKey({ type: 'text' })
  title!: string;

  @Index()
  @ManyToOne(() => PnrrMeasure, { ref: true })
  measure!: Ref<PnrrMeasure>;

  @Field(() => DateScalar, { nullable: true, description: 'Opening date (data inizio bando).' })
  @Property({ type: 'date', nullable: true })
  opensOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Closing date (data fine bando).' })
  @Property({ type: 'date', nullable: true })
  closesOn?: string | null;

  @Field(() => String, { nullable: true, description: 'State (stato), e.g. TERMINATO.' })
  @Property({ type: 'text', nullable: true })
  state?: string | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Amount allocated to the notice nationally (totale importo stanziato), EUR.',
  })
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  allocatedAmount?: string | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Total amount of the measure nationally (totale importo misura), EUR.',
  })
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  measureAmount?: string | null;

  @MaxItems(20)
  @Field(() => [String], {
    description:
      'Kinds of body the notice is for (soggetti destinatari), e.g. ["Comuni"]; empty when unknown.',
  })
  @Property({ type: 'text[]' })
  targetBodies!: string[];

  get id(): string {
    return toGlobalId('PnrrNotice', this.title);
  }
}
