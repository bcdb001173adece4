import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../common/node.js';
import { Sourced } from './sourced.js';
import { OrganizationKind } from './enums.js';

/** An organisation that owns, runs, funds or coordinates something in the hub. */
@ObjectType({
  implements: Node,
  description: 'An organisation (ente, società) that owns, runs, funds or coordinates.',
})
@Entity({ tableName: 'organization' })
export class Organization extends Sourced implements Node {
  [OptionalProps]?: 'id';

  @Field(() => String, { description: 'Stable kebab-case code, e.g. "consorzio-it".' })
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Field(() => String, { description: 'Name of the organisation.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => OrganizationKind, { description: 'Kind of organisation.' })
  @Enum({ items: () => OrganizationKind, nativeEnumName: 'organization_kind' })
  kind!: OrganizationKind;

  @Field(() => String, { nullable: true, description: 'Its roles in the territory.' })
  @Property({ type: 'text', nullable: true })
  roleNotes?: string | null;

  @Field(() => String, { nullable: true, description: 'Website, when known.' })
  @Property({ type: 'text', nullable: true })
  website?: string | null;

  get id(): string {
    return toGlobalId('Organization', this.code);
  }
}
