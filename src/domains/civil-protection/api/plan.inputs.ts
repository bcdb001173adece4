import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { PageArgs } from '../../../common/pagination.js';
import { EmergencyAreaKind, Hazard, PlanStatus } from '../model/enums.js';
import { MaxLength } from '../../../common/limits.js';
import { MAX_DESCRIPTION, MAX_PROCEDURES } from '../rules/plan.validate.js';

/** Filter of the plans list. */
@InputType({ description: 'Filter of civil-protection plans; all given conditions must hold.' })
export class PlanFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only plans of this territory (a grouping code or an ISTAT code).',
  })
  territory?: string | null;

  @Field(() => PlanStatus, { nullable: true, description: 'Only plans with this status.' })
  status?: PlanStatus | null;
}

/** Arguments of `civilProtectionPlans`. */
@ArgsType()
export class PlansArgs extends PageArgs {
  @Field(() => PlanFilter, { nullable: true, description: 'Filter.' })
  filter?: PlanFilter | null;
}

/** The officer's fields to set; a field left out stays as it is, null clears it. */
@InputType({ description: 'The municipal civil-protection officer; omitted fields are kept.' })
export class OfficerInput {
  @Field(() => String, { nullable: true, description: 'Role, 1 to 200 characters.' })
  role?: string | null;
  @Field(() => String, { nullable: true, description: 'Full name (personal data).' })
  name?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Phone (personal data): digits, spaces, + ( ) . / -, 6 to 20 characters.',
  })
  phone?: string | null;
  @Field(() => String, { nullable: true, description: 'E-mail (personal data).' })
  email?: string | null;
}

/** A member of the crisis unit. */
@InputType({ description: 'A member of the local crisis unit (unità di crisi locale).' })
export class CrisisUnitMemberInput {
  @Field(() => String, { description: 'Role, 1 to 200 characters, e.g. "Sindaco".' })
  role!: string;
  @Field(() => String, { nullable: true, description: 'Full name (personal data).' })
  name?: string | null;
  @Field(() => String, { nullable: true, description: 'Phone (personal data).' })
  phone?: string | null;
}

/** A risk scenario. */
@InputType({ description: 'A risk scenario (scenario di rischio).' })
export class RiskScenarioInput {
  @Field(() => Hazard, {
    description: 'Kind of hazard: the same values as the hazard profile of the comune.',
  })
  hazard!: Hazard;
  @Field(() => String, { description: 'Title, 1 to 200 characters.' })
  title!: string;
  @MaxLength(MAX_DESCRIPTION)
  @Field(() => String, { nullable: true, description: 'Description, up to 5,000 characters.' })
  description?: string | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Affected areas: up to 100, each 1 to 200 characters.',
  })
  affectedAreas?: string[] | null;
  @MaxLength(MAX_PROCEDURES)
  @Field(() => String, { nullable: true, description: 'Procedures, up to 20,000 characters.' })
  procedures?: string | null;
}

/** A point given by a client. */
@InputType({ description: 'A point in WGS84 degrees.' })
export class GeoPointInput {
  @Field(() => Float, { description: 'Latitude, -90 to 90.' })
  lat!: number;
  @Field(() => Float, { description: 'Longitude, -180 to 180.' })
  lon!: number;
}

/** An emergency area. */
@InputType({ description: 'An emergency area (area di emergenza).' })
export class EmergencyAreaInput {
  @Field(() => EmergencyAreaKind, { description: 'Kind of area.' })
  kind!: EmergencyAreaKind;
  @Field(() => String, { description: 'Name, 1 to 200 characters.' })
  name!: string;
  @Field(() => String, { nullable: true, description: 'Address, up to 300 characters.' })
  address?: string | null;
  @Field(() => GeoPointInput, { nullable: true, description: 'Location.' })
  location?: GeoPointInput | null;
  @Field(() => Int, { nullable: true, description: 'Capacity in people, 0 to 100,000.' })
  capacity?: number | null;
}

/** What to change in a plan; each list given replaces the plan's list. */
@InputType({
  description:
    'Changes to a plan. Omitted fields are kept; a list given replaces the whole list and makes it known (an empty list records that there is none, where it was unknown before).',
})
export class UpdateCivilProtectionPlanInput {
  @Field(() => PlanStatus, { nullable: true, description: 'New status.' })
  status?: PlanStatus | null;
  @Field(() => OfficerInput, { nullable: true, description: 'Officer fields to set.' })
  officer?: OfficerInput | null;
  @Field(() => [CrisisUnitMemberInput], {
    nullable: true,
    description: 'The whole crisis unit (up to 50 members).',
  })
  crisisUnit?: CrisisUnitMemberInput[] | null;
  @Field(() => [RiskScenarioInput], {
    nullable: true,
    description: 'Every risk scenario (up to 50).',
  })
  scenarios?: RiskScenarioInput[] | null;
  @Field(() => [EmergencyAreaInput], {
    nullable: true,
    description: 'Every emergency area (up to 200).',
  })
  emergencyAreas?: EmergencyAreaInput[] | null;
}
