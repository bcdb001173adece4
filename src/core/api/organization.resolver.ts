import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { Dataset } from '../model/dataset.entity.js';
import { Organization } from '../model/organization.entity.js';
import { hubLoaders } from '../data/loaders.js';
import { MaxItems } from '../../common/limits.js';

/** Organisations and datasets. */
@Resolver()
export class OrganizationResolver {
  @MaxItems(500)
  @Query(() => [Organization], { description: 'Every organisation, by name.' })
  organizations(@Ctx() ctx: HubContext): Promise<Organization[]> {
    return ctx.em.find(Organization, {}, { orderBy: { name: 'asc' } });
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
    return ctx.em.find(Dataset, {}, { orderBy: { id: 'asc' } });
  }
}
