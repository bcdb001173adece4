import {
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
  type Ref,
} from '@mikro-orm/core';
import type { Comune } from '../../../core/model/comune.entity.js';
import { Sourced } from '../../../core/model/sourced.js';

/**
 * A street (odonimo) of a comune, one row per distinct street of the civic addresses: the
 * address search matches street names here (a few thousand rows, trigram-indexed) and then
 * joins the civic numbers, instead of running trigram matching over every civic number.
 * Kept in step by the seed and the importer; not exposed in the API.
 */
@Entity({ tableName: 'street' })
@Unique({ properties: ['comune', 'nameKey', 'streetType'] })
@Index({
  name: 'street_name_key_trgm_index',
  expression:
    'create index "street_name_key_trgm_index" on "street" using gin ("name_key" gin_trgm_ops)',
})
export class Street extends Sourced {
  [OptionalProps]?: 'pk';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  @ManyToOne({ entity: 'Comune', ref: true, deleteRule: 'cascade' })
  comune!: Ref<Comune>;

  /** DUG, upper case. */
  @Property({ type: 'text' })
  streetType!: string;

  @Property({ type: 'text' })
  streetName!: string;

  /** Folded name (`foldName`), trigram-indexed. */
  @Property({ type: 'text' })
  nameKey!: string;
}
