import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * The one random id of this database (migration `20261130009500_data_version_notify`): part of
 * every response-cache key, so that hubs of different databases sharing one Redis never read
 * each other's answers. One row, made by the migration; not exposed in the API.
 */
@Entity({ tableName: 'hub_instance' })
export class HubInstance {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  /** True on the one row (the default): the unique constraint on it keeps a second row out. */
  @Unique({ name: 'hub_instance_singleton' })
  @Property({ type: 'boolean', default: true })
  singleton: boolean = true;
}
