import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../common/context.js';
import { Comune } from './comune.entity.js';
import { TerritorialGrouping } from './grouping.entity.js';
import { hubLoaders } from './hub.loaders.js';

/** Territorial groupings and their members. */
@Resolver(() => TerritorialGrouping)
export class GroupingResolver {
  @Query(() => [TerritorialGrouping], { description: 'Every territorial grouping, by code.' })
  territorialGroupings(@Ctx() ctx: HubContext): Promise<TerritorialGrouping[]> {
    return ctx.em.find(TerritorialGrouping, {}, { orderBy: { code: 'asc' } });
  }

  @Query(() => TerritorialGrouping, { nullable: true, description: 'One grouping by code.' })
  territorialGrouping(
    @Ctx() ctx: HubContext,
    @Arg('code', () => String, { description: 'Grouping code.' }) code: string,
  ): Promise<TerritorialGrouping | null> {
    return hubLoaders(ctx).grouping.load(code);
  }

  @FieldResolver(() => Int, {
    description: 'Number of member comuni recorded (see membershipKnown).',
  })
  async memberCount(@Root() g: TerritorialGrouping, @Ctx() ctx: HubContext): Promise<number> {
    return (await hubLoaders(ctx).membersOfGrouping.load(g.code)).length;
  }

  @FieldResolver(() => [Comune], { description: 'Member comuni, by ISTAT code.' })
  async members(@Root() g: TerritorialGrouping, @Ctx() ctx: HubContext): Promise<Comune[]> {
    const loaders = hubLoaders(ctx);
    const members = await loaders.membersOfGrouping.load(g.code);
    const comuni = await loaders.comune.loadMany(members.map((m) => m.comune.unwrap().istatCode));
    return comuni.filter((c): c is Comune => c instanceof Comune);
  }
}
