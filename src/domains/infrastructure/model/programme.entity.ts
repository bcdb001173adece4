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
import { Field, Int, ObjectType } from 'type-graphql';
import { MoneyScalar } from '../../../common/money.js';
import { Node, toGlobalId } from '../../../common/node.js';
import type { TerritorialGrouping } from '../../../core/model/grouping.entity.js';
import type { Organization } from '../../../core/model/organization.entity.js';
import { Sourced } from '../../../core/model/sourced.js';
import { AmountQualifier } from './enums.js';

/**
 * An upgrade programme of the municipal collection centres (programma di adeguamento dei
 * centri di raccolta): who invests, how much, who takes part, how it is paid back.
 * Participants and excluded comuni are territorial groupings, so their codes work as
 * `territory` arguments everywhere.
 */
@ObjectType({
  implements: Node,
  description:
    'Upgrade programme of the municipal collection centres (programma di adeguamento dei centri di raccolta).',
})
@Entity({ tableName: 'upgrade_programme' })
export class UpgradeProgramme extends Sourced implements Node {
  [OptionalProps]?: 'id';

  @Field(() => String, { description: 'Stable kebab-case code, e.g. "ccr-upgrade-2023".' })
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Field(() => String, { description: 'Name of the programme.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { description: 'What the works are for (finalità).' })
  @Property({ type: 'text' })
  purpose!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Phase the participants belong to (e.g. "first phase", prima fase).',
  })
  @Property({ type: 'text', nullable: true })
  phase?: string | null;

  @Field(() => MoneyScalar, {
    description: 'Investment in EUR as stated; read it with investmentQualifier.',
  })
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  investment!: string;

  @Field(() => AmountQualifier, {
    description: 'How the stated investment bounds the real one (MORE_THAN for "oltre").',
  })
  @Enum({ items: () => AmountQualifier })
  investmentQualifier!: AmountQualifier;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True when the investment excludes VAT (IVA esclusa); null when not stated.',
  })
  @Property({ type: 'boolean', nullable: true })
  investmentVatExcluded?: boolean | null;

  @Field(() => String, { nullable: true, description: 'The investment as the source words it.' })
  @Property({ type: 'text', nullable: true })
  investmentNote?: string | null;

  /** Who invests (investitore). */
  @Index()
  @ManyToOne({ entity: 'Organization', ref: true, deleteRule: 'restrict' })
  investor!: Ref<Organization>;

  @Field(() => Boolean, {
    description: 'True when the comuni bear no cost (nessun costo per i comuni).',
  })
  @Property({ type: 'boolean' })
  noCostToComuni!: boolean;

  @Field(() => String, { description: 'How the investment is paid back (rientro).' })
  @Property({ type: 'text' })
  paybackDescription!: string;

  /** The operator whose fee pays the investment back (canone del gestore). */
  @Index()
  @ManyToOne({ entity: 'Organization', ref: true, nullable: true, deleteRule: 'restrict' })
  feePayer?: Ref<Organization> | null;

  /** The grouping of participating comuni (comuni aderenti). */
  @Index()
  @ManyToOne({ entity: 'TerritorialGrouping', ref: true, deleteRule: 'restrict' })
  participants!: Ref<TerritorialGrouping>;

  /** The grouping of comuni left out of the programme, if any. */
  @Index()
  @ManyToOne({ entity: 'TerritorialGrouping', ref: true, nullable: true, deleteRule: 'restrict' })
  excluded?: Ref<TerritorialGrouping> | null;

  @Field(() => String, { nullable: true, description: 'Why the excluded comuni are left out.' })
  @Property({ type: 'text', nullable: true })
  exclusionReason?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'How the comuni were split into lots (criterio), e.g. territorial contiguity.',
  })
  @Property({ type: 'text', nullable: true })
  lotCriterion?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Duration of the works of each lot in months, counted from its start-of-works record (verbale di inizio lavori).',
  })
  @Property({ type: 'integer', nullable: true })
  worksDurationMonths?: number | null;

  get id(): string {
    return toGlobalId('UpgradeProgramme', this.code);
  }
}
