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
import { DatePrecision, PreciseDate } from '../../../common/dates.js';
import { Node, toGlobalId } from '../../../common/node.js';
import type { Organization } from '../../../core/model/organization.entity.js';
import type { TerritorialGrouping } from '../../../core/model/grouping.entity.js';
import { Sourced } from '../../../core/model/sourced.js';
import { EnergyCommunityStatus, EnergyTechnology } from './enums.js';

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
  [OptionalProps]?: 'id' | 'founded';

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

  /** Founding date (data di costituzione); null when not founded or not known. */
  @Property({ type: 'date', nullable: true })
  foundedOn?: string | null;

  @Enum({ items: () => DatePrecision, nullable: true })
  foundedPrecision?: DatePrecision | null;

  @Field(() => String, {
    nullable: true,
    description:
      'What else the sources say about the founding date, e.g. "before 7 December 2024" when only the month is known.',
  })
  @Property({ type: 'text', nullable: true })
  foundedNote?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Legal form (forma giuridica), e.g. "recognised association (associazione riconosciuta)"; null when not stated.',
  })
  @Property({ type: 'text', nullable: true })
  legalForm?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether the GSE (Gestore dei Servizi Energetici) has qualified the community for the incentives on shared energy; null when unknown (see gseQualificationNote).',
  })
  @Property({ type: 'boolean', nullable: true })
  gseQualified?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the GSE qualification is what it is, or why it is unknown.',
  })
  @Property({ type: 'text', nullable: true })
  gseQualificationNote?: string | null;

  /**
   * A community this one may be related to (e.g. the same project under another name),
   * when the sources neither confirm nor rule it out: the records are kept apart.
   */
  @Index()
  @ManyToOne({ entity: 'EnergyCommunity', ref: true, nullable: true, deleteRule: 'set null' })
  possiblyRelatedTo?: Ref<EnergyCommunity> | null;

  @Field(() => String, {
    nullable: true,
    description:
      'How this community may be related to those in `possiblyRelated`, and why the records are not merged.',
  })
  @Property({ type: 'text', nullable: true })
  relationNote?: string | null;

  get id(): string {
    return toGlobalId('EnergyCommunity', this.code);
  }

  @Field(() => PreciseDate, {
    nullable: true,
    description:
      'Founding date (costituzione) with its precision; null when the community is not founded or the date is not known.',
  })
  get founded(): PreciseDate | null {
    return this.foundedOn && this.foundedPrecision
      ? PreciseDate.of(this.foundedOn, this.foundedPrecision)
      : null;
  }
}
