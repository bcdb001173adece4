import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  type Ref,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../common/node.js';
import type { Comune } from './comune.entity.js';
import type { Organization } from './organization.entity.js';
import { Sourced } from './sourced.js';
import { OrganizationRole } from './enums.js';

/**
 * A member of a shared organisation (e.g. the RTD territoriale office) with its role: a
 * comune, another organisation, or neither when the source names only a role ("a municipal
 * secretary serving several comuni"). Roles, never personal names, are stored.
 */
@ObjectType({
  implements: Node,
  description:
    'A member of a shared organisation with its role: a comune, an organisation, or a role alone (no personal names).',
})
@Entity({ tableName: 'organization_member' })
export class OrganizationMember extends Sourced implements Node {
  [OptionalProps]?: 'pk' | 'id';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  @Index()
  @ManyToOne({ entity: 'Organization', ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Index()
  @ManyToOne({ entity: 'Comune', ref: true, nullable: true, deleteRule: 'cascade' })
  comune?: Ref<Comune> | null;

  @Index()
  @ManyToOne({ entity: 'Organization', ref: true, nullable: true, deleteRule: 'cascade' })
  memberOrganization?: Ref<Organization> | null;

  @Field(() => OrganizationRole, { description: 'Its role.' })
  @Enum({ items: () => OrganizationRole })
  role!: OrganizationRole;

  @Field(() => String, {
    nullable: true,
    description:
      'The role in the source’s words, e.g. "a municipal secretary (segretario comunale) serving several comuni".',
  })
  @Property({ type: 'text', nullable: true })
  roleNote?: string | null;

  get id(): string {
    return toGlobalId('OrganizationMember', this.pk);
  }
}
