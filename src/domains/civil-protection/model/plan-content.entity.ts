import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  type Ref,
} from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../../common/node.js';
import { GeoPoint } from '../../../core/model/geo-point.js';
import { Sourced } from '../../../core/model/sourced.js';
import { EmergencyAreaKind, Hazard } from './enums.js';
import type { CivilProtectionPlan } from './plan.entity.js';
import { MaxItems } from '../../../common/limits.js';
import { MAX_AFFECTED_AREAS } from '../rules/plan.validate.js';

/** ISTAT code of the plan a content row belongs to (the plan's key is its comune). */
export const planCodeOf = (row: { plan: Ref<CivilProtectionPlan> }): string =>
  row.plan.unwrap().comune.unwrap().istatCode;

/** A risk scenario of a plan: one kind of hazard, where it strikes and how it is handled. */
@ObjectType({
  implements: Node,
  description: 'A risk scenario (scenario di rischio) of a plan, for one kind of hazard.',
})
@Entity({ tableName: 'civil_protection_scenario' })
@Index({ properties: ['plan', 'position'] })
export class RiskScenario extends Sourced implements Node {
  [OptionalProps]?: 'id' | 'pk';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  @ManyToOne({ entity: 'CivilProtectionPlan', ref: true, deleteRule: 'cascade' })
  plan!: Ref<CivilProtectionPlan>;

  /** Order within the plan. */
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => Hazard, {
    description:
      "Kind of hazard: the same values as the comune's hazard profile (hazardProfile.mappedHazards).",
  })
  @Enum({ items: () => Hazard, nativeEnumName: 'civil_protection_hazard' })
  hazard!: Hazard;

  @Field(() => String, { description: 'Short title of the scenario.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What is expected to happen.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @MaxItems(MAX_AFFECTED_AREAS)
  @Field(() => [String], { description: 'Areas affected (zones, streets, hamlets).' })
  @Property({ type: 'text[]' })
  affectedAreas: string[] = [];

  @Field(() => String, {
    nullable: true,
    description: 'How the event is handled (procedure operative).',
  })
  @Property({ type: 'text', nullable: true })
  procedures?: string | null;

  get id(): string {
    return toGlobalId('RiskScenario', this.pk);
  }
}

/** An emergency area of a plan: where people wait, are sheltered, or rescuers gather. */
@ObjectType({
  implements: Node,
  description: 'An emergency area (area di emergenza) of a plan.',
})
@Entity({ tableName: 'civil_protection_emergency_area' })
@Index({ properties: ['plan', 'position'] })
export class EmergencyArea extends Sourced implements Node {
  [OptionalProps]?: 'id' | 'pk' | 'location';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  @ManyToOne({ entity: 'CivilProtectionPlan', ref: true, deleteRule: 'cascade' })
  plan!: Ref<CivilProtectionPlan>;

  @Property({ type: 'integer' })
  position!: number;

  @Field(() => EmergencyAreaKind, { description: 'Kind of area.' })
  @Enum({ items: () => EmergencyAreaKind, nativeEnumName: 'emergency_area_kind' })
  kind!: EmergencyAreaKind;

  @Field(() => String, { description: 'Name of the area, e.g. "Piazza Roma".' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Address (indirizzo), when given.' })
  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @Property({ type: 'double', nullable: true })
  lat?: number | null;

  @Property({ type: 'double', nullable: true })
  lon?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Capacity in people (capienza); null when not stated.',
  })
  @Property({ type: 'integer', nullable: true })
  capacity?: number | null;

  get id(): string {
    return toGlobalId('EmergencyArea', this.pk);
  }

  @Field(() => GeoPoint, { nullable: true, description: 'Location (WGS84); null when not given.' })
  get location(): GeoPoint | null {
    return GeoPoint.of(this.lat, this.lon);
  }
}

/**
 * A member of the local crisis unit (unità di crisi locale). The role is public; name and
 * phone are personal data (see the `name` and `phone` fields).
 */
@ObjectType({
  implements: Node,
  description: 'A member of the local crisis unit (unità di crisi locale) of a comune.',
})
@Entity({ tableName: 'civil_protection_crisis_member' })
@Index({ properties: ['plan', 'position'] })
export class CrisisUnitMember extends Sourced implements Node {
  [OptionalProps]?: 'id' | 'pk';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  pk!: number;

  @ManyToOne({ entity: 'CivilProtectionPlan', ref: true, deleteRule: 'cascade' })
  plan!: Ref<CivilProtectionPlan>;

  @Property({ type: 'integer' })
  position!: number;

  @Field(() => String, { description: 'Role in the crisis unit (ruolo), e.g. "Sindaco".' })
  @Property({ type: 'text' })
  role!: string;

  @Property({ type: 'text', nullable: true })
  name?: string | null;

  @Property({ type: 'text', nullable: true })
  phone?: string | null;

  get id(): string {
    return toGlobalId('CrisisUnitMember', this.pk);
  }
}

/**
 * The municipal civil-protection officer (referente comunale di protezione civile), who
 * validates the plan's content. The role is public; name, phone and e-mail are personal.
 */
@ObjectType({
  implements: Node,
  description:
    'The municipal civil-protection officer (referente comunale di protezione civile) of a plan.',
})
@Entity({ tableName: 'civil_protection_officer' })
export class CivilProtectionOfficer extends Sourced implements Node {
  [PrimaryKeyProp]?: 'plan';
  [OptionalProps]?: 'id';

  @ManyToOne({ entity: 'CivilProtectionPlan', primary: true, ref: true, deleteRule: 'cascade' })
  plan!: Ref<CivilProtectionPlan>;

  @Field(() => String, { description: 'Role (ruolo) of the officer.' })
  @Property({ type: 'text' })
  role!: string;

  @Property({ type: 'text', nullable: true })
  name?: string | null;

  @Property({ type: 'text', nullable: true })
  phone?: string | null;

  @Property({ type: 'text', nullable: true })
  email?: string | null;

  get id(): string {
    return toGlobalId('CivilProtectionOfficer', planCodeOf(this));
  }
}
