import { Arg, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { CivilProtectionPlan } from '../model/plan.entity.js';
import { UpdateCivilProtectionPlanInput } from './plan.inputs.js';
import { updatePlan } from '../ingest/plan-update.js';
import { MaxItems } from '../../../common/limits.js';

/** What `updateCivilProtectionPlan` returns. */
@ObjectType({ description: 'Result of updateCivilProtectionPlan.' })
export class UpdateCivilProtectionPlanPayload {
  @Field(() => CivilProtectionPlan, {
    description: 'The plan after the change, with its new version.',
  })
  plan!: CivilProtectionPlan;

  @MaxItems(20)
  @Field(() => [String], {
    description: 'The fields that changed, as "Type:key.field" (empty when nothing changed).',
  })
  changedFields!: string[];
}

/** Writes to civil-protection plans. */
@Resolver()
export class CivilProtectionMutationResolver {
  @Mutation(() => UpdateCivilProtectionPlanPayload, {
    description:
      "Updates a comune's plan: status, officer, crisis unit, scenarios, emergency areas. Needs an EDITOR key for the comune and domain civil-protection (or ADMIN): anonymous is UNAUTHENTICATED, other keys FORBIDDEN. A stale expectedVersion is a CONFLICT. One transaction; every changed field goes to the change log.",
  })
  updateCivilProtectionPlan(
    @Ctx() ctx: HubContext,
    @Arg('istatCode', () => String, { description: 'ISTAT code of the comune, 6 digits.' })
    istatCode: string,
    @Arg('expectedVersion', () => Int, {
      description: 'The `version` of the plan you read; the change is refused if it moved on.',
    })
    expectedVersion: number,
    @Arg('input', () => UpdateCivilProtectionPlanInput, { description: 'What to change.' })
    input: UpdateCivilProtectionPlanInput,
  ): Promise<UpdateCivilProtectionPlanPayload> {
    return updatePlan(ctx, istatCode, expectedVersion, input);
  }
}
