import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { Node, toGlobalId } from '../../common/node.js';
import { ActorInfo } from '../api/actor-info.js';
import { AuditEntry } from './audit-entry.js';

/**
 * One changed field of one record, written in the same transaction as the change.
 * Not a `Sourced` record: the log is the hub's own account of its writes, not a dataset.
 * `before` and `after` are JSON values (null when the field was empty).
 */
@ObjectType({
  implements: Node,
  description: 'A change (modifica) of one field of one record, with who made it and when.',
})
@Entity({ tableName: 'change_log_entry' })
@Index({ properties: ['comune', 'pk'] })
export class ChangeLogEntry extends AuditEntry<'personal'> implements Node {
  @Field(() => DateTimeResolver, { description: 'When the change was committed (ISO 8601).' })
  override at!: Date;

  @Field(() => String, {
    description: 'The record, as "Type:key", e.g. "CivilProtectionPlan:019018".',
  })
  override entity!: string;

  @Field(() => String, { description: 'The field that changed, e.g. "status" or "crisisUnit".' })
  override field!: string;

  @Property({ type: 'json', nullable: true })
  before?: unknown;

  @Property({ type: 'json', nullable: true })
  after?: unknown;

  /** True when before/after hold personal data (reading them is access-logged). */
  @Field(() => Boolean, {
    description:
      'True when the values are personal data (dati personali): `before` and `after` are then readable only by editors of the comune and admins, and each read is logged.',
  })
  @Property({ type: 'boolean', default: false })
  personal: boolean = false;

  get id(): string {
    return toGlobalId('ChangeLogEntry', this.pk);
  }

  @Field(() => ActorInfo, { description: 'The API key that made the change.' })
  get actor(): ActorInfo {
    return this.actorInfo();
  }
}
