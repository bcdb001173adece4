import {
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
  type Ref,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import type { Organization } from './organization.entity.js';
import { Sourced } from './sourced.js';

/**
 * A name or acronym expansion of an organisation as one source gives it. When sources
 * disagree (CRIT: "Cremona Information Technology" in 2020, "Crescita Relazione Innovazione
 * Territorio" in 2025) every reading is kept with its own source and a CONFLICTING_NAMES
 * flag is raised: none is picked.
 */
@ObjectType({
  description:
    'A name or acronym expansion of an organisation as one source gives it (each with its source).',
})
@Entity({ tableName: 'organization_name' })
@Unique({ properties: ['organization', 'name'] })
export class OrganizationName extends Sourced {
  [OptionalProps]?: 'pk';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  @Index()
  @ManyToOne({ entity: 'Organization', ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Field(() => String, { description: 'The name or expansion, as written by the source.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What it is, e.g. "expansion of the acronym CRIT".',
  })
  @Property({ type: 'text', nullable: true })
  meaning?: string | null;
}
