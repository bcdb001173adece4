import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node, toGlobalId } from '../../common/node.js';
import { Sourced } from './sourced.js';

/** Legal kind of an organisation. */
export enum OrganizationKind {
  IN_HOUSE_COMPANY = 'IN_HOUSE_COMPANY',
  COMPANY = 'COMPANY',
  PUBLIC_BODY = 'PUBLIC_BODY',
  FOUNDATION = 'FOUNDATION',
  SHARED_OFFICE = 'SHARED_OFFICE',
  SCHOOL = 'SCHOOL',
  UNIVERSITY = 'UNIVERSITY',
  ASSOCIATION = 'ASSOCIATION',
}
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'Kind of organisation (ente, società).',
  valuesConfig: {
    IN_HOUSE_COMPANY: { description: 'Company owned by public bodies (società in house).' },
    COMPANY: { description: 'Private or listed company (società).' },
    PUBLIC_BODY: { description: 'Public body (ente pubblico): comune, province, region...' },
    FOUNDATION: { description: 'Foundation (fondazione).' },
    SHARED_OFFICE: {
      description:
        'Office shared by several bodies (ufficio associato), e.g. the RTD territoriale; its members are in `members`.',
    },
    SCHOOL: { description: 'School (scuola, istituto scolastico).' },
    UNIVERSITY: { description: 'University or one of its seats (università, polo territoriale).' },
    ASSOCIATION: {
      description:
        'Association (associazione): trade, student, or a temporary association of purpose (ATS).',
    },
  },
});

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
