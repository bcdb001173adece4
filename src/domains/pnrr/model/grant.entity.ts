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
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../common/dates.js';
import { MoneyScalar } from '../../../common/money.js';
import { Node, toGlobalId } from '../../../common/node.js';
import type { Comune } from '../../../core/model/comune.entity.js';
import { Sourced } from '../../../core/model/sourced.js';
import type { PnrrBody } from './body.entity.js';
import type { PnrrMeasure, PnrrNotice } from './measure.entity.js';
import { GrantStatus } from './enums.js';

/** Status letters of the source files. */
export const STATUS_LETTER: Record<string, GrantStatus> = {
  A: GrantStatus.FUNDED,
  R: GrantStatus.RENOUNCED,
  E: GrantStatus.PAID,
};

/**
 * One funded application (candidatura finanziata) of PA digitale 2026, keyed by CUP and
 * notice: the same CUP comes back in a later window after a renunciation.
 */
@ObjectType('PnrrGrant', {
  implements: Node,
  description: 'A funded application (candidatura finanziata) of PA digitale 2026.',
})
@Entity({ tableName: 'pnrr_grant' })
@Unique({ properties: ['cup', 'notice'] })
@Index({ properties: ['comune', 'fundedOn'] })
export class PnrrGrant extends Sourced implements Node {
  [OptionalProps]?: 'id' | 'pk';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  @Field(() => String, { description: 'CUP, the public investment code (codice CUP).' })
  @Property({ type: 'text' })
  cup!: string;

  @Index()
  @ManyToOne({ entity: 'PnrrNotice', ref: true })
  notice!: Ref<PnrrNotice>;

  @Index()
  @ManyToOne({ entity: 'PnrrMeasure', ref: true })
  measure!: Ref<PnrrMeasure>;

  @Index()
  @ManyToOne({ entity: 'PnrrBody', ref: true })
  body!: Ref<PnrrBody>;

  /** The comune where the body is (column `cod_comune`). */
  @ManyToOne({ entity: 'Comune', ref: true })
  comune!: Ref<Comune>;

  @Field(() => MoneyScalar, { description: 'Amount granted (importo finanziamento), EUR.' })
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  amount!: string;

  @Field(() => Int, { nullable: true, description: 'Window (finestra temporale) number.' })
  @Property({ type: 'integer', nullable: true })
  window?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Number of the funding decree (numero di protocollo).',
  })
  @Property({ type: 'integer', nullable: true })
  decreeNumber?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Funding decree reference (decreto finanziamento), e.g. "Decreto n.25 - 2 / 2022 - PNRR"; null in the older layout.',
  })
  @Property({ type: 'text', nullable: true })
  decree?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Day the application was sent (data invio candidatura), Italian time.',
  })
  @Property({ type: 'date', nullable: true })
  appliedOn?: string | null;

  @Field(() => DateScalar, { description: 'Date of the funding decree (data finanziamento).' })
  @Property({ type: 'date' })
  fundedOn!: string;

  @Field(() => GrantStatus, { description: 'Current state (stato candidatura).' })
  @Enum({ items: () => GrantStatus, nativeEnumName: 'pnrr_grant_status' })
  status!: GrantStatus;

  @Field(() => DateScalar, {
    name: 'statusDate',
    nullable: true,
    description:
      'Date of the current state (data stato candidatura); null in the older layout, which does not give it.',
  })
  @Property({ type: 'date', nullable: true })
  statusOn?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Day the current state was first observed: the publication date of the earliest file read that shows it; null when that date is not known (then the day of the query stands for it).',
  })
  @Property({ type: 'date', nullable: true })
  statusObservedOn?: string | null;

  get id(): string {
    return toGlobalId('PnrrGrant', this.pk);
  }
}

/**
 * A grant row of a file as published on a past day (e.g. 2022-11-17), kept apart from the
 * current grants so that it never counts twice; used to compare claims with what was
 * published on their date.
 */
@Entity({ tableName: 'pnrr_grant_snapshot' })
@Unique({ properties: ['publishedOn', 'cup', 'notice'] })
@Index({ properties: ['publishedOn', 'comune'] })
@Index({ properties: ['cup', 'notice'] })
export class PnrrGrantSnapshot extends Sourced {
  [OptionalProps]?: 'pk';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  @Property({ type: 'date' })
  publishedOn!: string;

  @Property({ type: 'text' })
  cup!: string;

  @Index()
  @ManyToOne({ entity: 'PnrrNotice', ref: true })
  notice!: Ref<PnrrNotice>;

  @Index()
  @ManyToOne({ entity: 'PnrrMeasure', ref: true })
  measure!: Ref<PnrrMeasure>;

  @Index()
  @ManyToOne({ entity: 'PnrrBody', ref: true })
  body!: Ref<PnrrBody>;

  @ManyToOne({ entity: 'Comune', ref: true })
  comune!: Ref<Comune>;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  amount!: string;

  @Property({ type: 'integer', nullable: true })
  window?: number | null;

  @Property({ type: 'integer', nullable: true })
  decreeNumber?: number | null;

  @Property({ type: 'text', nullable: true })
  decree?: string | null;

  @Property({ type: 'date', nullable: true })
  appliedOn?: string | null;

  @Property({ type: 'date' })
  fundedOn!: string;

  @Enum({ items: () => GrantStatus, nativeEnumName: 'pnrr_grant_status' })
  status!: GrantStatus;

  @Property({ type: 'date', nullable: true })
  statusOn?: string | null;
}
