import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Change counter of a table, bumped by statement-level triggers on every insert, update or
 * delete that touches rows, and on truncate (see the data_version migrations): exports derive their data version
 * from the counters of the tables they read, so a citation names exactly the data it used.
 */
@Entity({ tableName: 'data_version' })
export class DataVersion {
  @PrimaryKey({ type: 'text' })
  tableName!: string;

  // A string whatever the transpiler (see AccessLogEntry.pk).
  @Property({ type: new BigIntType('string') })
  version!: string;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}
