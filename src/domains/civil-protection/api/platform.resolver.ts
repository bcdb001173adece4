import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { Organization } from '../../../core/model/organization.entity.js';
import { PlanPlatformInfo } from '../model/platform.entity.js';

/** The operator of a plan platform, through the request's organisation loader. */
@Resolver(() => PlanPlatformInfo)
export class PlanPlatformInfoResolver {
  @FieldResolver(() => Organization, { description: 'Who runs it (Regione Lombardia).' })
  async operator(@Root() p: PlanPlatformInfo, @Ctx() ctx: HubContext): Promise<Organization> {
    return (await hubLoaders(ctx).organization.load(p.operator.unwrap().code))!;
  }
}
