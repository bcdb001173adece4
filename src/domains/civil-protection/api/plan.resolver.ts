import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { Connection, findPage, key, readPage } from '../../../common/pagination.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { TerritorialGrouping } from '../../../core/model/grouping.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { Organization } from '../../../core/model/organization.entity.js';
import { checkIstatCode, resolveTerritory } from '../../../core/data/territory.js';
import { Hazard } from '../model/enums.js';
import { civilProtectionLoaders } from '../data/loaders.js';
import { RegionalGrant } from './grant.resolver.js';
import { hazardProfileOf } from '../data/hazard.load.js';
import {
  CivilProtectionOfficer,
  CrisisUnitMember,
  EmergencyArea,
  RiskScenario,
} from '../model/plan-content.entity.js';
import { CivilProtectionPlan } from '../model/plan.entity.js';
import { PlansArgs } from './plan.inputs.js';
import { PlanPlatformInfo } from '../model/platform.entity.js';
import { MaxItems, enumSize } from '../../../common/limits.js';
import { MAX_AREAS, MAX_CRISIS_UNIT, MAX_SCENARIOS } from '../rules/plan.validate.js';
import { findPlatforms } from '../data/loaders.js';

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
    const page = readPage(args, key('string'));
    const where: FilterQuery<CivilProtectionPlan> = {};
    if (args.filter?.territory)
      where.comune = {
        $in: await resolveTerritory(ctx, args.filter.territory, 'filter.territory'),
      };
    if (args.filter?.status) where.status = args.filter.status;
    return findPage(ctx.em, CivilProtectionPlan, where, { comune: 'asc' }, page);
  }

  @MaxItems(10)
  @Query(() => [PlanPlatformInfo], {
    description:
      'Platforms comuni write their civil-protection plans on (PPC online), with the regional framework.',
  })
  civilProtectionPlatforms(@Ctx() ctx: HubContext): Promise<PlanPlatformInfo[]> {
    return findPlatforms(ctx);
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
  @FieldResolver(() => [RiskScenario], {
    nullable: true,
    description:
      'Risk scenarios (scenari di rischio), in plan order; null while unknown (see scenariosUnknownReason), an empty list when known to be none.',
  })
  async scenarios(
    @Root() plan: CivilProtectionPlan,
    @Ctx() ctx: HubContext,
  ): Promise<RiskScenario[] | null> {
    if (plan.scenariosUnknownReason != null) return null;
    return civilProtectionLoaders(ctx).scenarios.load(plan.istatCode);
  }

  @MaxItems(enumSize(Hazard))
  @FieldResolver(() => [Hazard], {
    nullable: true,
    description:
      "Kinds of hazard the sources map in the comune (hazardProfile.mappedHazards) that no scenario of the plan covers; null while the scenarios or the comune's hazards are unknown.",
  })
  async hazardsWithoutScenario(
    @Root() plan: CivilProtectionPlan,
    @Ctx() ctx: HubContext,
  ): Promise<Hazard[] | null> {
    if (plan.scenariosUnknownReason != null) return null;
    const [scenarios, profile] = await Promise.all([
      civilProtectionLoaders(ctx).scenarios.load(plan.istatCode),
      comuneOf(ctx, plan.istatCode).then((c) => hazardProfileOf(ctx, c)),
    ]);
    const covered = new Set(scenarios.map((s) => s.hazard));
    return profile.mappedHazards?.filter((h) => !covered.has(h)) ?? null;
  }

  @MaxItems(MAX_AREAS)
  @FieldResolver(() => [EmergencyArea], {
    nullable: true,
    description:
      'Emergency areas (aree di emergenza), in plan order; null while unknown (see emergencyAreasUnknownReason), an empty list when known to be none.',
  })
  async emergencyAreas(
    @Root() plan: CivilProtectionPlan,
    @Ctx() ctx: HubContext,
  ): Promise<EmergencyArea[] | null> {
    if (plan.emergencyAreasUnknownReason != null) return null;
    return civilProtectionLoaders(ctx).emergencyAreas.load(plan.istatCode);
  }

  @MaxItems(MAX_CRISIS_UNIT)
  @FieldResolver(() => [CrisisUnitMember], {
    nullable: true,
    description:
      'Members of the local crisis unit (unità di crisi locale), in plan order; null while unknown (see crisisUnitUnknownReason).',
  })
  async crisisUnit(
    @Root() plan: CivilProtectionPlan,
    @Ctx() ctx: HubContext,
  ): Promise<CrisisUnitMember[] | null> {
    if (plan.crisisUnitUnknownReason != null) return null;
    return civilProtectionLoaders(ctx).crisisUnit.load(plan.istatCode);
  }

  @FieldResolver(() => PlanPlatformInfo, {
    nullable: true,
    description:
      'The platform the plan is written on, with its regional framework; null when the hub holds no record of it.',
  })
  platformInfo(
    @Root() plan: CivilProtectionPlan,
    @Ctx() ctx: HubContext,
  ): Promise<PlanPlatformInfo | null> {
    return civilProtectionLoaders(ctx).platform.load(plan.platform);
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
