import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { Comune } from '../model/comune.entity.js';
import { hubLoaders } from '../data/loaders.js';
import { Initiative } from '../model/initiative.entity.js';
import { initiativeLoaders } from '../data/initiative.loaders.js';
import { OrganizationMember } from '../model/organization-member.entity.js';
import { OrganizationName } from '../model/organization-name.entity.js';
import { Organization } from '../model/organization.entity.js';
import { organizationLoaders } from '../data/organization.loaders.js';
import { DataQualityIssue } from '../model/quality.entity.js';
import { MAX_COMUNI, MaxItems } from '../../common/limits.js';

/** Members, names, initiatives and flags of an organisation. */
@Resolver(() => Organization)
export class OrganizationFieldsResolver {
  @MaxItems(MAX_COMUNI)
  @FieldResolver(() => [OrganizationMember], {
    description:
      'Members of a shared organisation (e.g. the comuni of the RTD territoriale office) with their roles; roles only, never personal names. Empty for other organisations.',
  })
  members(@Root() o: Organization, @Ctx() ctx: HubContext): Promise<OrganizationMember[]> {
    return organizationLoaders(ctx).membersOfOrganization.load(o.code);
  }

  @MaxItems(10)
  @FieldResolver(() => [OrganizationName], {
    description:
      'Names and acronym expansions as each source gives them; when they disagree every reading is kept with its source and flagged (CONFLICTING_NAMES).',
  })
  names(@Root() o: Organization, @Ctx() ctx: HubContext): Promise<OrganizationName[]> {
    return organizationLoaders(ctx).namesOfOrganization.load(o.code);
  }

  @MaxItems(100)
  @FieldResolver(() => [Initiative], {
    description: 'Initiatives the organisation takes part in, newest first (undated last).',
  })
  async initiatives(@Root() o: Organization, @Ctx() ctx: HubContext): Promise<Initiative[]> {
    const rows = await initiativeLoaders(ctx).participationsOfOrganization.load(o.code);
    const seen = new Set<string>();
    return rows.flatMap((p) => {
      const i = p.initiative.getEntity();
      if (seen.has(i.code)) return [];
      seen.add(i.code);
      return [i];
    });
  }

  @MaxItems(100)
  @FieldResolver(() => [DataQualityIssue], {
    description: 'Data-quality flags about this organisation (e.g. conflicting names).',
  })
  qualityIssues(@Root() o: Organization, @Ctx() ctx: HubContext): Promise<DataQualityIssue[]> {
    return organizationLoaders(ctx).issuesOfOrganization.load(o.code);
  }
}

/** Relations of an organisation's member. */
@Resolver(() => OrganizationMember)
export class OrganizationMemberResolver {
  @FieldResolver(() => Organization, { description: 'The organisation.' })
  async organization(@Root() m: OrganizationMember, @Ctx() ctx: HubContext): Promise<Organization> {
    const o = await hubLoaders(ctx).organization.load(m.organization.unwrap().code);
    if (!o) throw new Error(`organisation ${m.organization.unwrap().code} is missing`);
    return o;
  }

  @FieldResolver(() => Comune, { nullable: true, description: 'The member comune, when one.' })
  comune(@Root() m: OrganizationMember, @Ctx() ctx: HubContext): Promise<Comune | null> {
    const code = m.comune?.unwrap().istatCode;
    return code ? hubLoaders(ctx).comune.load(code) : Promise.resolve(null);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The member organisation, when one (e.g. Consorzio.IT).',
  })
  memberOrganization(
    @Root() m: OrganizationMember,
    @Ctx() ctx: HubContext,
  ): Promise<Organization | null> {
    const code = m.memberOrganization?.unwrap().code;
    return code ? hubLoaders(ctx).organization.load(code) : Promise.resolve(null);
  }
}

/** What the organisations and initiatives add to a comune. */
@Resolver(() => Comune)
export class ComuneOrganizationsResolver {
  @MaxItems(20)
  @FieldResolver(() => [OrganizationMember], {
    description:
      'Roles of the comune in shared organisations (e.g. lead or staff of the RTD territoriale office).',
  })
  organizationRoles(@Root() c: Comune, @Ctx() ctx: HubContext): Promise<OrganizationMember[]> {
    return organizationLoaders(ctx).rolesOfComune.load(c.istatCode);
  }

  @MaxItems(100)
  @FieldResolver(() => [Initiative], {
    description:
      'Initiatives that concern the comune (trainings, protocols, working groups, plans, programmes), newest first, undated last; see Initiative.comuni for why.',
  })
  async initiatives(@Root() c: Comune, @Ctx() ctx: HubContext): Promise<Initiative[]> {
    const rows = await initiativeLoaders(ctx).initiativesOfComune.load(c.istatCode);
    return rows.map((r) => r.initiative.getEntity());
  }
}
