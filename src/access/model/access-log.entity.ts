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
 * One read of one personal field (name, phone, e-mail...) by an API key, written before the
 * value is returned. Not a `Sourced` record: it is the hub's own audit trail.
 */
@ObjectType({
  implements: Node,
  description: 'A read of personal data (accesso a dati personali): who, what, when.',
})
@Entity({ tableName: 'access_log_entry' })
@Index({ properties: ['comune', 'pk'] })
@Index({ properties: ['actorLabel', 'pk'] })
export class AccessLogEntry implements Node {
  [OptionalProps]?: 'pk' | 'id' | 'at' | 'actor';

  // The mode is explicit: inferred, it follows the transpiler's decorator metadata (a string
  // under vitest, a BigInt under tsx, which JSON cannot serialise in cursors).
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  pk!: string;

  @Field(() => DateTimeResolver, { description: 'When the data were read (ISO 8601).' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at!: Date;

  @Property({ type: 'integer' })
  keyId!: number;

  @Property({ type: 'text' })
  actorLabel!: string;

  @Property({ type: 'text' })
  actorRole!: string;

  /** The comune whose personal data were read. */
  @ManyToOne({ entity: 'Comune', ref: true, deleteRule: 'cascade' })
  comune!: Ref<Comune>;

  @Field(() => String, { description: 'Domain of the record, e.g. "civil-protection".' })
  @Property({ type: 'text' })
  domain!: string;

  @Field(() => String, {
    description: 'The record read, as "Type:key", e.g. "CivilProtectionOfficer:019018".',
  })
  @Property({ type: 'text' })
  entity!: string;

  @Field(() => String, { description: 'The personal field read, e.g. "phone".' })
  @Property({ type: 'text' })
  field!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Id the hub gave the request that read the data (a UUID, returned to the client in the x-request-id response header).',
  })
  @Property({ type: 'text', nullable: true })
  requestId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The client's own x-request-id of that request, when it sent one of at most 128 printable ASCII characters (others are dropped); chosen by the client, so neither unique nor verified.",
  })
  @Property({ type: 'text', nullable: true })
  clientRequestId?: string | null;

  get id(): string {
    return toGlobalId('AccessLogEntry', this.pk);
  }

  @Field(() => ActorInfo, { description: 'The API key that read the data.' })
  get actor(): ActorInfo {
    return ActorInfo.of(this.keyId, this.actorLabel, this.actorRole);
  }
}
