import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Dataset } from './dataset.entity.js';

/**
 * Base of every record: the dataset it comes from and a note on this record's origin.
 * No record exists without a dataset. (No index on `dataset_id`: a handful of datasets,
 * never used to select records.)
 */
@Entity({ abstract: true })
export abstract class Sourced {
  @ManyToOne(() => Dataset, { ref: true, deleteRule: 'restrict' })
  dataset!: Ref<Dataset>;

  /** Origin of this record within the dataset (file and line, press release date...). */
  @Property({ type: 'text', nullable: true })
  sourceNote?: string | null;
}
