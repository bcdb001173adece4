import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import type { Comune } from '../../../core/model/comune.entity.js';
import { Sourced } from '../../../core/model/sourced.js';

/**
 * The upstream KPI "importi per comune": total decreed per comune territory (every body
 * located there, every measure including 1.1, renounced excluded), as published.
 */
@Entity({ tableName: 'pnrr_comune_kpi' })
export class PnrrComuneKpi extends Sourced {
  @ManyToOne({ entity: 'Comune', ref: true, primary: true })
  comune!: Ref<Comune>;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  amount!: string;

  @Property({ type: 'date' })
  publishedOn!: string;
}
