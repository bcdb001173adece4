import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { checkOrmCursor, Connection, fromCursor, pageSize } from '../../common/pagination.js';
import { Comune } from '../../hub/comune.entity.js';
import { TerritorialGrouping } from '../../hub/grouping.entity.js';
import { hubLoaders } from '../../hub/hub.loaders.js';
import { Organization } from '../../hub/organization.entity.js';
import { checkIstatCode, resolveTerritory } from '../../hub/territory.js';
import { civilProtectionLoaders } from './civil-protection.loaders.js';
import { RegionalGrant } from './grant.js';
import {
  CivilProtectionOfficer,
  CrisisUnitMember,
  EmergencyArea,
  RiskScenario,
} from './plan-content.entity.js';
import { CivilProtectionPlan } from './plan.entity.js';
import { PlansArgs } from './plan.inputs.js';
import { MaxItems } from '../../common/limits.js';
import { MAX_AREAS, MAX_CRISIS_UNIT, MAX_SCENARIOS } from './plan.validate.js';

/** A page of plans. */
export const PlanConnection = Connection(
  CivilProtectionPlan,
  'CivilProtectionPlan',
  'civil-protection plans',
);

const comuneOf = async (ctx: HubContext, code: string) =>
  (await hubLoaders(ctx).comune.load(code))!;
const orgOf = async (ctx: HubContext, code: string) =>
  (await hubLoaders(ctx).organization.load(code))!;

/** Root queries of the plans, and the plan's related records (all through loaders). */
@Resolver(() => CivilProtectionPlan)
export class CivilProtectionPlanResolver {
  @Query(() => CivilProtectionPlan, {
    nullable: true,
    description: 'The civil-protection plan of a comune; null when the hub holds none.',
  })
  civilProtectionPlan(
    @Ctx() ctx: HubContext,
    @Arg('istatCode', () => String, { description: 'ISTAT code of the comune, 6 digits.' })
    istatCode: string,
  ): Promise<CivilProtectionPlan | null> {
    return civilProtectionLoaders(ctx).plan.load(checkIstatCode(istatCode));
  }

  @Query(() => PlanConnection, {
    description: 'Civil-protection plans, by ISTAT code of the comune, keyset-paged.',
  })
  async civilProtectionPlans(@Ctx() ctx: HubContext, @Args(() => PlansArgs) args: PlansArgs) {
    const first = pageSize(args.first);
    const where: FilterQuery<CivilProtectionPlan> = {};
    if (args.filter?.territory)
      where.comune = {
        $in: await resolveTerritory(ctx.em, args.filter.territory, 'filter.territory'),
      };
    if (args.filter?.status) where.status = args.filter.status;
    const cursor = await ctx.em.findByCursor(CivilProtectionPlan, where, {
      first,
      after: checkOrmCursor(args.after, ['text']),
      orderBy: { comune: 'asc' },
    });
    return fromCursor(cursor, args.after);
  }

  @FieldResolver(() => Comune, { description: 'The comune of the plan.' })
  comune(@Root() plan: CivilProtectionPlan, @Ctx() ctx: HubContext): Promise<Comune> {
    return comuneOf(ctx, plan.istatCode);
  }

  @FieldResolver(() => Comune, { description: 'Lead comune (comune capofila) of the application.' })
  leadComune(@Root() plan: CivilProtectionPlan, @Ctx() ctx: HubContext): Promise<Comune> {
    return comuneOf(ctx, plan.leadComune.unwrap().istatCode);
  }

  @FieldResolver(() => Organization, {
    description: 'Coordinator of the application (Consorzio.IT; see coordinatorOffice).',
  })
  coordinator(@Root() plan: CivilProtectionPlan, @Ctx() ctx: HubContext): Promise<Organization> {
    return orgOf(ctx, plan.coordinator.unwrap().code);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description:
      'Firm drafting the plan (società incaricata); null when the sources do not say (known only for the lead comune).',
  })
  async draftingFirm(
    @Root() plan: CivilProtectionPlan,
    @Ctx() ctx: HubContext,
  ): Promise<Organization | null> {
    return plan.draftingFirm ? orgOf(ctx, plan.draftingFirm.unwrap().code) : null;
  }

  @FieldResolver(() => TerritorialGrouping, {
    nullable: true,
    description: 'The joint application (a PLAN_GROUP grouping) with its declared member count.',
  })
  async planGroup(
    @Root() plan: CivilProtectionPlan,
    @Ctx() ctx: HubContext,
  ): Promise<TerritorialGrouping | null> {
    return plan.planGroup ? hubLoaders(ctx).grouping.load(plan.planGroup.unwrap().code) : null;
  }

  @FieldResolver(() => RegionalGrant, { description: 'The regional grant funding the plan.' })
  grant(@Root() plan: CivilProtectionPlan): RegionalGrant {
    return Object.assign(new RegionalGrant(), {
      description: plan.grantDescription,
      amount: plan.grantAmount ?? null,
      funderCode: plan.grantFunder.unwrap().code,
    });
  }

  @MaxItems(MAX_SCENARIOS)
  @FieldResolver(() => [RiskScenario], { description: 'Risk scenarios, in plan order.' })
  scenarios(@Root() plan: CivilProtectionPlan, @Ctx() ctx: HubContext): Promise<RiskScenario[]> {
    return civilProtectionLoaders(ctx).scenarios.load(plan.istatCode);
  }

  @MaxItems(MAX_AREAS)
  @FieldResolver(() => [EmergencyArea], { description: 'Emergency areas, in plan order.' })
  emergencyAreas(
    @Root() plan: CivilProtectionPlan,
    @Ctx() ctx: HubContext,
  ): Promise<EmergencyArea[]> {
    return civilProtectionLoaders(ctx).emergencyAreas.load(plan.istatCode);
  }

  @MaxItems(MAX_CRISIS_UNIT)
  @FieldResolver(() => [CrisisUnitMember], {
    description: 'Members of the local crisis unit (unità di crisi locale), in plan order.',
  })
  crisisUnit(
    @Root() plan: CivilProtectionPlan,
    @Ctx() ctx: HubContext,
  ): Promise<CrisisUnitMember[]> {
    return civilProtectionLoaders(ctx).crisisUnit.load(plan.istatCode);
  }

  @FieldResolver(() => CivilProtectionOfficer, {
    nullable: true,
    description: 'The municipal civil-protection officer; null when none is recorded.',
  })
  officer(
    @Root() plan: CivilProtectionPlan,
    @Ctx() ctx: HubContext,
  ): Promise<CivilProtectionOfficer | null> {
    return civilProtectionLoaders(ctx).officer.load(plan.istatCode);
  }
}
