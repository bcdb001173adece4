import { Ctx, FieldResolver, Resolver, Root, Arg, Query } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { Initiative } from '../model/initiative.entity.js';
import { initiativeLoaders } from '../data/initiative.loaders.js';
import { OrganizationMember } from '../model/organization-member.entity.js';
import { OrganizationName } from '../model/organization-name.entity.js';
import { Organization } from '../model/organization.entity.js';
import { organizationLoaders } from '../data/organization.loaders.js';
import { DataQualityIssue } from '../model/quality.entity.js';
import { MAX_COMUNI, MaxItems } from '../../common/limits.js';
import { Dataset } from '../model/dataset.entity.js';
import { hubLoaders } from '../data/loaders.js';
import { findDatasets, findOrganizations } from '../data/lists.js';

/** Organisations and datasets. */
@Resolver()
export class OrganizationResolver {
  @MaxItems(500)
  @Query(() => [Organization], { description: 'Every organisation, by name.' })
  organizations(@Ctx() ctx: HubContext): Promise<Organization[]> {
    return findOrganizations(ctx);
  }

  @Query(() => Organization, { nullable: true, description: 'One organisation by code.' })
  organization(
    @Ctx() ctx: HubContext,
    @Arg('code', () => String, { description: 'Organisation code, e.g. "consorzio-it".' })
    code: string,
  ): Promise<Organization | null> {
    return hubLoaders(ctx).organization.load(code);
  }

  @MaxItems(100)
  @Query(() => [Dataset], { description: 'Every dataset held by the hub, with licence.' })
  datasets(@Ctx() ctx: HubContext): Promise<Dataset[]> {
    return findDatasets(ctx);
  }
}

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
