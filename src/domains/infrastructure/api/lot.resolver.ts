import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { TerritorialGrouping } from '../../../core/model/grouping.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { ProgrammeLot } from '../model/lot.entity.js';
import { groupingComuni } from './programme.resolver.js';
import { MAX_COMUNI, MaxItems } from '../../../common/limits.js';
import { loadOrFail } from '../../../common/loaders.js';

/** Relations of tender lots. */
@Resolver(() => ProgrammeLot)
export class ProgrammeLotResolver {
  @MaxItems(MAX_COMUNI)
  @FieldResolver(() => [Comune], {
    description:
      'Comuni of the lot, by ISTAT code. Empty while membershipKnown is false: then it means "unknown", not "none".',
  })
  comuni(@Root() lot: ProgrammeLot, @Ctx() ctx: HubContext): Promise<Comune[]> {
    return groupingComuni(ctx, lot.grouping.unwrap().code);
  }

  @FieldResolver(() => Boolean, {
    description: 'False while the source has not published which comuni form the lot.',
  })
  async membershipKnown(@Root() lot: ProgrammeLot, @Ctx() ctx: HubContext): Promise<boolean> {
    return (await this.grouping(lot, ctx)).membershipKnown;
  }

  @FieldResolver(() => TerritorialGrouping, {
    description: "The lot's territorial grouping (kind LOT).",
  })
  async grouping(@Root() lot: ProgrammeLot, @Ctx() ctx: HubContext): Promise<TerritorialGrouping> {
    return loadOrFail(hubLoaders(ctx).grouping, lot.grouping.unwrap().code, 'grouping');
  }
}
