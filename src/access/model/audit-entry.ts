import {
  BigIntType,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  type Ref,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import type { Comune } from '../../core/model/comune.entity.js';
import { ActorInfo } from '../api/actor-info.js';

/**
 * What every entry of the hub's audit logs records (the change log and the access log): who
 * (the API key, its label and role as they were), when, and which field of which record of
 * which comune and domain, with the request's ids. Not an entity of its own: each log is a
 * table of its own with these columns (MikroORM and type-graphql inherit the properties and
 * the fields). A subclass redeclares `at`, `entity` and `field` to describe them in its own
 * words in the schema. `Optional` names the subclass's own optional properties.
 */
@ObjectType()
export abstract class AuditEntry<Optional extends string = never> {
  [OptionalProps]?: 'pk' | 'id' | 'at' | 'actor' | Optional;

  // The mode is explicit: inferred, it follows the transpiler's decorator metadata (a string
  // under vitest, a BigInt under tsx, which JSON cannot serialise in cursors).
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  pk!: string;

  /** When it happened (the database's clock). */
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at!: Date;

  /** Id of the API key that acted. */
  @Property({ type: 'integer' })
  keyId!: number;

  /** Label of the key then. */
  @Property({ type: 'text' })
  actorLabel!: string;

  /** Role of the key then. */
  @Property({ type: 'text' })
  actorRole!: string;

  /** The comune whose data were concerned. */
  @ManyToOne({ entity: 'Comune', ref: true, deleteRule: 'cascade' })
  comune!: Ref<Comune>;

  @Field(() => String, { description: 'Domain of the record, e.g. "civil-protection".' })
  @Property({ type: 'text' })
  domain!: string;

  /** The record, as "Type:key". */
  @Property({ type: 'text' })
  entity!: string;

  /** The field of the record. */
  @Property({ type: 'text' })
  field!: string;

  /** Id the hub gave the request (UUID, its x-request-id header). */
  @Property({ type: 'text', nullable: true })
  requestId?: string | null;

  /** The client's own x-request-id of that request, when usable (≤ 128 printable characters). */
  @Property({ type: 'text', nullable: true })
  clientRequestId?: string | null;

  /** The key that acted, as it was then. */
  protected actorInfo(): ActorInfo {
    return ActorInfo.of(this.keyId, this.actorLabel, this.actorRole);
  }
}
