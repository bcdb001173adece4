import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToOne,
  OptionalProps,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  Unique,
  type Ref,
} from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../common/dates.js';
import { Node, toGlobalId } from '../../../common/node.js';
import type { Organization } from '../../../core/model/organization.entity.js';
import { Sourced } from '../../../core/model/sourced.js';
import { CivicAddress } from './address.entity.js';
import { CoverageStatus, Plan, Technology } from './enums.js';

/** The broadband coverage of one civic address: technology, speeds, plan, operator, status. */
@ObjectType({
  implements: Node,
  description: 'Broadband coverage (copertura) of a civic address.',
})
@Entity({ tableName: 'address_coverage' })
export class Coverage extends Sourced implements Node {
  [OptionalProps]?: 'id';
  [PrimaryKeyProp]?: 'address';

  @OneToOne({
    entity: () => CivicAddress,
    primary: true,
    owner: true,
    ref: true,
    deleteRule: 'cascade',
  })
  address!: Ref<CivicAddress>;

  @Field(() => Technology, { description: 'Access technology.' })
  @Enum({ items: () => Technology, nativeEnumName: 'broadband_technology' })
  technology!: Technology;

  @Field(() => Int, { description: 'Maximum download speed in Mbit/s.' })
  @Property({ type: 'integer' })
  maxDownloadMbps!: number;

  @Field(() => Int, { description: 'Maximum upload speed in Mbit/s.' })
  @Property({ type: 'integer' })
  maxUploadMbps!: number;

  @Field(() => Plan, { description: 'Plan that brings the coverage.' })
  @Enum({ items: () => Plan, nativeEnumName: 'broadband_plan' })
  plan!: Plan;

  /** Network operator; null when the source names none. */
  @Index()
  @ManyToOne({ entity: 'Organization', ref: true, nullable: true, deleteRule: 'restrict' })
  operator?: Ref<Organization> | null;

  @Field(() => CoverageStatus, { description: 'Current status.' })
  @Enum({ items: () => CoverageStatus, nativeEnumName: 'coverage_status' })
  status!: CoverageStatus;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date the current status was reached; null when the source gives none.',
  })
  @Property({ type: 'date', nullable: true })
  statusOn?: string | null;

  get id(): string {
    return toGlobalId('Coverage', this.address.unwrap().pk);
  }
}

/** One step of a coverage's history: a status reached on a date. */
@ObjectType({ description: 'A status reached by a coverage on a date (storico stati).' })
@Entity({ tableName: 'coverage_status_change' })
@Unique({ properties: ['address', 'status', 'on'] })
export class CoverageStatusChange extends Sourced {
  [OptionalProps]?: 'pk';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  /** The address whose coverage changed (indexed by the unique constraint's first column). */
  @ManyToOne({ entity: () => CivicAddress, ref: true, deleteRule: 'cascade' })
  address!: Ref<CivicAddress>;

  @Field(() => CoverageStatus, { description: 'Status reached.' })
  @Enum({ items: () => CoverageStatus, nativeEnumName: 'coverage_status' })
  status!: CoverageStatus;

  @Field(() => DateScalar, { description: 'Date it was reached.' })
  @Property({ type: 'date', fieldName: 'changed_on' })
  on!: string;
}
