import { Entity, Index } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { Node, toGlobalId } from '../../common/node.js';
import { ActorInfo } from '../api/actor-info.js';
import { AuditEntry } from './audit-entry.js';

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
export class AccessLogEntry extends AuditEntry implements Node {
  @Field(() => DateTimeResolver, { description: 'When the data were read (ISO 8601).' })
  override at!: Date;

  @Field(() => String, {
    description: 'The record read, as "Type:key", e.g. "CivilProtectionOfficer:019018".',
  })
  override entity!: string;

  @Field(() => String, { description: 'The personal field read, e.g. "phone".' })
  override field!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Id the hub gave the request that read the data (a UUID, returned to the client in the x-request-id response header).',
  })
  override requestId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The client's own x-request-id of that request, when it sent one of at most 128 printable ASCII characters (others are dropped); chosen by the client, so neither unique nor verified.",
  })
  override clientRequestId?: string | null;

  get id(): string {
    return toGlobalId('AccessLogEntry', this.pk);
  }

  @Field(() => ActorInfo, { description: 'The API key that read the data.' })
  get actor(): ActorInfo {
    return this.actorInfo();
  }
}
