import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKeyProp,
  Property,
  type Ref,
} from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { DatePrecision, PreciseDate } from '../../../common/dates.js';
import { Node, toGlobalId } from '../../../common/node.js';
import type { Comune } from '../../../core/model/comune.entity.js';
import type { TerritorialGrouping } from '../../../core/model/grouping.entity.js';
import type { Organization } from '../../../core/model/organization.entity.js';
import { Sourced } from '../../../core/model/sourced.js';
import { PlanPlatform, PlanStatus } from './enums.js';

/**
 * The municipal civil-protection plan (piano comunale di protezione civile) of one comune,
 * written on Regione Lombardia's PPC online. One per comune: the comune is the key.
 * `version` grows by one at every change (optimistic concurrency: writers send the
 * version they read, `expectedVersion`).
 */
@ObjectType({
  implements: Node,
  description:
    'The municipal civil-protection plan (piano comunale di protezione civile) of a comune.',
})
@Entity({ tableName: 'civil_protection_plan' })
export class CivilProtectionPlan extends Sourced implements Node {
  [PrimaryKeyProp]?: 'comune';
  [OptionalProps]?:
    'id' | 'istatCode' | 'version' | 'lastUpdate' | 'kickOff' | 'dueBy' | 'statusAsOf';

  @ManyToOne({ entity: 'Comune', primary: true, ref: true, deleteRule: 'cascade' })
  comune!: Ref<Comune>;

  @Field(() => PlanPlatform, { description: 'Platform the plan is written on.' })
  @Enum({ items: () => PlanPlatform, nativeEnumName: 'civil_protection_platform' })
  platform: PlanPlatform = PlanPlatform.PPC_ONLINE;

  @Field(() => PlanStatus, { description: 'Status of the plan (see statusAsOf, statusNote).' })
  @Enum({ items: () => PlanStatus, nativeEnumName: 'civil_protection_plan_status' })
  status!: PlanStatus;

  @Property({ type: 'date' })
  statusAsOfOn!: string;

  @Enum({ items: () => DatePrecision })
  statusAsOfPrecision!: DatePrecision;

  @Field(() => String, {
    nullable: true,
    description: 'How the status is known (e.g. "as of the kick-off; not known since").',
  })
  @Property({ type: 'text', nullable: true })
  statusNote?: string | null;

  /** Funder of the regional grant (Regione Lombardia). */
  @Index()
  @ManyToOne({ entity: 'Organization', ref: true, deleteRule: 'restrict' })
  grantFunder!: Ref<Organization>;

  @Property({ type: 'text' })
  grantDescription!: string;

  /** Amount of the grant for this comune; null while not known. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  grantAmount?: string | null;

  /** Lead comune (comune capofila) of the joint application. */
  @Index()
  @ManyToOne({ entity: 'Comune', ref: true, deleteRule: 'restrict' })
  leadComune!: Ref<Comune>;

  /** Who coordinates the application (Consorzio.IT). */
  @Index()
  @ManyToOne({ entity: 'Organization', ref: true, deleteRule: 'restrict' })
  coordinator!: Ref<Organization>;

  @Field(() => String, {
    nullable: true,
    description: "The coordinator's office in charge, e.g. its tenders office (Ufficio Bandi).",
  })
  @Property({ type: 'text', nullable: true })
  coordinatorOffice?: string | null;

  /** Firm drafting the plan; null when not known. */
  @Index()
  @ManyToOne({ entity: 'Organization', ref: true, nullable: true, deleteRule: 'restrict' })
  draftingFirm?: Ref<Organization> | null;

  /** The joint application this plan belongs to (a PLAN_GROUP grouping). */
  @Index()
  @ManyToOne({ entity: 'TerritorialGrouping', ref: true, nullable: true, deleteRule: 'set null' })
  planGroup?: Ref<TerritorialGrouping> | null;

  @Property({ type: 'date' })
  kickOffOn!: string;

  @Enum({ items: () => DatePrecision })
  kickOffPrecision!: DatePrecision;

  @Property({ type: 'date' })
  dueByOn!: string;

  @Enum({ items: () => DatePrecision })
  dueByPrecision!: DatePrecision;

  @Field(() => String, { nullable: true, description: 'Notes on what is and is not known.' })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why `scenarios` is null (unknown); null once the scenarios are known (entered through the hub, even as an empty list).',
  })
  @Property({ type: 'text', nullable: true })
  scenariosUnknownReason?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why `crisisUnit` is null (unknown); null once its members are known (entered through the hub).',
  })
  @Property({ type: 'text', nullable: true })
  crisisUnitUnknownReason?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why `emergencyAreas` is null (unknown); null once the areas are known (entered through the hub).',
  })
  @Property({ type: 'text', nullable: true })
  emergencyAreasUnknownReason?: string | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When the plan was last changed through the hub; null when never (seed data).',
  })
  @Property({ type: 'datetime', nullable: true })
  lastUpdate?: Date | null;

  @Field(() => Int, {
    description:
      'Version of the plan, +1 at every change; send it as `expectedVersion` when updating.',
  })
  @Property({ type: 'integer', version: true })
  version!: number;

  /** ISTAT code of the comune (the key). */
  get istatCode(): string {
    return this.comune.unwrap().istatCode;
  }

  get id(): string {
    return toGlobalId('CivilProtectionPlan', this.istatCode);
  }

  @Field(() => PreciseDate, { description: 'Kick-off of the joint drafting (avvio).' })
  get kickOff(): PreciseDate {
    return PreciseDate.of(this.kickOffOn, this.kickOffPrecision);
  }

  @Field(() => PreciseDate, {
    description: 'Deadline to enter and validate the content (month precision: September 2023).',
  })
  get dueBy(): PreciseDate {
    return PreciseDate.of(this.dueByOn, this.dueByPrecision);
  }

  @Field(() => PreciseDate, { description: 'Date the status is known as of.' })
  get statusAsOf(): PreciseDate {
    return PreciseDate.of(this.statusAsOfOn, this.statusAsOfPrecision);
  }
}
