import {
  BigIntType,
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  type Ref,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { Node, toGlobalId } from '../../common/node.js';
import type { Comune } from '../../core/model/comune.entity.js';
import { ActorInfo } from '../api/actor-info.js';

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
export class ChangeLogEntry implements Node {
  [OptionalProps]?: 'pk' | 'id' | 'at' | 'actor' | 'personal';

  // The mode is explicit: inferred, it follows the transpiler's decorator metadata (a string
  // under vitest, a BigInt under tsx, which JSON cannot serialise in cursors).
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  pk!: string;

  @Field(() => DateTimeResolver, { description: 'When the change was committed (ISO 8601).' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at!: Date;

  @Property({ type: 'integer' })
  keyId!: number;

  @Property({ type: 'text' })
  actorLabel!: string;

  @Property({ type: 'text' })
  actorRole!: string;

  /** The comune whose data changed. */
  @ManyToOne({ entity: 'Comune', ref: true, deleteRule: 'cascade' })
  comune!: Ref<Comune>;

  @Field(() => String, { description: 'Domain of the record, e.g. "civil-protection".' })
  @Property({ type: 'text' })
  domain!: string;

  @Field(() => String, {
    description: 'The record, as "Type:key", e.g. "CivilProtectionPlan:019018".',
  })
  @Property({ type: 'text' })
  entity!: string;

  @Field(() => String, { description: 'The field that changed, e.g. "status" or "crisisUnit".' })
  @Property({ type: 'text' })
  field!: string;

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

  /** Id the hub gave the request that made the change (UUID, its x-request-id header). */
  @Property({ type: 'text', nullable: true })
  requestId?: string | null;

  /** The client's own x-request-id of that request, when usable (≤ 128 printable characters). */
  @Property({ type: 'text', nullable: true })
  clientRequestId?: string | null;

  get id(): string {
    return toGlobalId('ChangeLogEntry', this.pk);
  }

  @Field(() => ActorInfo, { description: 'The API key that made the change.' })
  get actor(): ActorInfo {
    return ActorInfo.of(this.keyId, this.actorLabel, this.actorRole);
  }
}
