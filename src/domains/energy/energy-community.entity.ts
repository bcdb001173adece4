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
import type { Organization } from '../../hub/organization.entity.js';
import type { TerritorialGrouping } from '../../hub/grouping.entity.js';
import { Sourced } from '../../hub/sourced.js';
import { EnergyCommunityStatus, EnergyTechnology } from './energy.enums.js';

/**
 * A renewable energy community (comunità energetica rinnovabile, CER). Its comuni are kept
 * as an array of ISTAT codes (checked against the comuni on write): a community spans one
 * or a few comuni, and the array keeps the importer's upsert a single idempotent statement.
 */
@ObjectType({
  implements: Node,
  description: 'A renewable energy community (comunità energetica rinnovabile, CER).',
})
@Entity({ tableName: 'energy_community' })
export class EnergyCommunity extends Sourced implements Node {
  [OptionalProps]?: 'id';

  @Field(() => String, { description: 'Stable kebab-case code, e.g. "cer-crema-ex-olivetti".' })
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Field(() => String, { description: 'Name of the community.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Site (area, sito) of the plants, e.g. "area ex Olivetti"; null when unknown.',
  })
  @Property({ type: 'text', nullable: true })
  site?: string | null;

  @Field(() => EnergyCommunityStatus, { description: 'Stage, as last reported.' })
  @Enum({ items: () => EnergyCommunityStatus })
  status!: EnergyCommunityStatus;

  @Field(() => EnergyTechnology, {
    nullable: true,
    description: 'Generation technology; null when not stated.',
  })
  @Enum({ items: () => EnergyTechnology, nullable: true })
  technology?: EnergyTechnology | null;

  @Field(() => String, { nullable: true, description: 'Aim of the community (obiettivo).' })
  @Property({ type: 'text', nullable: true })
  aim?: string | null;

  @Field(() => String, { nullable: true, description: 'What else is known about it.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  /** ISTAT codes of the comuni the community covers. */
  @Property({ type: 'text[]' })
  comuneIstatCodes!: string[];

  /** Who promotes it (promotore). */
  @Index()
  @ManyToOne({ entity: 'Organization', ref: true, nullable: true, deleteRule: 'restrict' })
  promoter?: Ref<Organization> | null;

  /** The area the model is meant to be replicated across. */
  @Index()
  @ManyToOne({ entity: 'TerritorialGrouping', ref: true, nullable: true, deleteRule: 'set null' })
  replicationArea?: Ref<TerritorialGrouping> | null;

  get id(): string {
    return toGlobalId('EnergyCommunity', this.code);
  }
}
