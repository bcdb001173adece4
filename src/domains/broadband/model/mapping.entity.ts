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
import { DatePrecision, PreciseDate } from '../../../common/dates.js';
import { Node, toGlobalId } from '../../../common/node.js';
import type { Comune } from '../../../core/model/comune.entity.js';
import type { Organization } from '../../../core/model/organization.entity.js';
import { Sourced } from '../../../core/model/sourced.js';
import type { CivicAddress } from './address.entity.js';
import { GAP_CATEGORY_MEANING, GapCategory } from './enums.js';

/** SQL of the current mapping's code: the newest mapping with observations. */
export const CURRENT_MAPPING_SQL = `(select m.code from broadband_mapping m
  where exists (select 1 from coverage_observation o where o.mapping_code = m.code)
  order by m.year desc limit 1)`;

/**
 * A mapping of fixed networks that lists the civic numbers expected to stay below a speed
 * by a horizon year (Infratel's "Mappatura delle reti fisse", annex A). The newest mapping
 * is the current one; older ones stay readable with their date.
 */
@ObjectType({
  implements: Node,
  description:
    'A mapping of fixed networks (mappatura delle reti fisse) listing the civic numbers not expected to be reached above a speed by a horizon year; the newest is current, older ones stay readable with their date.',
})
@Entity({ tableName: 'broadband_mapping' })
export class BroadbandMapping extends Sourced implements Node {
  [OptionalProps]?: 'id' | 'published';

  @Field(() => String, { description: 'Stable code, e.g. "infratel-2025".' })
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Field(() => String, { description: 'Name of the mapping.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => Int, { description: 'Year of the mapping (2025 for the 2025 mapping).' })
  @Unique()
  @Property({ type: 'integer' })
  year!: number;

  /** Who published it (an organisation of the hub), when known. */
  @ManyToOne({ entity: 'Organization', ref: true, nullable: true, deleteRule: 'restrict' })
  publisher?: Ref<Organization> | null;

  @Property({ type: 'date', nullable: true })
  publishedOn?: string | null;

  @Enum({ items: () => DatePrecision, nullable: true })
  publishedPrecision?: DatePrecision | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Year by which the listed civic numbers are not expected to be reached (2028).',
  })
  @Property({ type: 'integer', nullable: true })
  horizonYear?: number | null;

  @Field(() => Int, {
    description: 'Speed threshold of the mapping, Mbit/s download (300: "more than 300 Mbit/s").',
  })
  @Property({ type: 'integer' })
  thresholdMbps!: number;

  @Field(() => String, { description: 'What the mapping says, and what it cannot say.' })
  @Property({ type: 'text' })
  description!: string;

  get id(): string {
    return toGlobalId('BroadbandMapping', this.code);
  }

  @Field(() => PreciseDate, {
    nullable: true,
    description: 'When the results were published, at the precision known; null when unknown.',
  })
  get published(): PreciseDate | null {
    return this.publishedOn && this.publishedPrecision
      ? PreciseDate.of(this.publishedOn, this.publishedPrecision)
      : null;
  }
}

/**
 * One civic number listed by a mapping: its category. A civic that a mapping does not list
 * has no observation of that mapping (by the mapping's construction it is expected to be
 * reached above the threshold by the horizon year).
 */
@ObjectType({
  implements: Node,
  description:
    'A civic number as listed by a mapping (osservazione): not expected to be reached above the mapping\u2019s speed by its horizon year, with its category.',
})
@Entity({ tableName: 'coverage_observation' })
@Unique({ properties: ['mapping', 'address'] })
@Index({ properties: ['mapping', 'comune', 'category'] })
@Index({ properties: ['address'] })
/** The dossier's sources skip-scan the datasets of a comune through this index. */
@Index({ properties: ['comune', 'dataset'] })
/**
 * Listed civics per comune, mapping and category (`broadbandSummary`, the dossier) are counted
 * from this index alone: an index-only scan, already grouped, instead of reading and hashing
 * every row of the table (bench/notes.md, W3).
 */
@Index({
  name: 'coverage_observation_comune_mapping_category_index',
  properties: ['comune', 'mapping', 'category'],
})
export class CoverageObservation extends Sourced implements Node {
  [OptionalProps]?: 'id' | 'categoryMeaning' | 'pk';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  @ManyToOne({ entity: () => BroadbandMapping, ref: true, deleteRule: 'cascade' })
  mapping!: Ref<BroadbandMapping>;

  @ManyToOne({ entity: 'CivicAddress', ref: true, deleteRule: 'cascade' })
  address!: Ref<CivicAddress>;

  /** The comune of the civic (as the address's), for per-comune figures. */
  @ManyToOne({ entity: 'Comune', ref: true, deleteRule: 'cascade' })
  comune!: Ref<Comune>;

  @Field(() => GapCategory, { description: 'Category (caratteristica) given by the mapping.' })
  @Enum({ items: () => GapCategory, nativeEnumName: 'gap_category' })
  category!: GapCategory;

  get id(): string {
    return toGlobalId('CoverageObservation', this.pk);
  }

  @Field(() => String, { description: 'What the category means, in words.' })
  get categoryMeaning(): string {
    return GAP_CATEGORY_MEANING[this.category];
  }
}
