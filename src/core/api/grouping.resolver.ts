import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { firstItems, MAX_COMUNI, SizedBy } from '../../common/limits.js';
import { Comune } from '../model/comune.entity.js';
import { TerritorialGrouping } from '../model/grouping.entity.js';
import { hubLoaders } from '../data/loaders.js';
import { findGroupings } from '../data/lists.js';

/**
 * Most territorial groupings the hub holds (10 today: the province, areas, memberships,
 * programmes, lots, plan groups); `territorialGroupings` answers them all, not paged.
 */
export const MAX_GROUPINGS = 200;

/** Most groupings one comune belongs to (5 today). */
export const MAX_GROUPINGS_OF_COMUNE = 30;

/** Territorial groupings and their members. */
@Resolver(() => TerritorialGrouping)
export class GroupingResolver {
  @SizedBy('first', MAX_GROUPINGS)
  @Query(() => [TerritorialGrouping], { description: 'Every territorial grouping, by code.' })
  async territorialGroupings(
    @Ctx() ctx: HubContext,
    @Arg('first', () => Int, {
      defaultValue: MAX_GROUPINGS,
      description: `At most this many, 0 to ${MAX_GROUPINGS} (all of them by default).`,
    })
    first: number,
  ): Promise<TerritorialGrouping[]> {
    const all = await findGroupings(ctx, MAX_GROUPINGS + 1);
    return firstItems(all, first, MAX_GROUPINGS, 'Query.territorialGroupings');
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

  @SizedBy('first', MAX_COMUNI)
  @FieldResolver(() => [Comune], { description: 'Member comuni, by ISTAT code.' })
  async members(
    @Root() g: TerritorialGrouping,
    @Ctx() ctx: HubContext,
    @Arg('first', () => Int, {
      defaultValue: MAX_COMUNI,
      description: `At most this many, 0 to ${MAX_COMUNI} (all of them by default; see memberCount).`,
    })
    first: number,
  ): Promise<Comune[]> {
    const loaders = hubLoaders(ctx);
    const all = await loaders.membersOfGrouping.load(g.code);
    const members = firstItems(all, first, MAX_COMUNI, 'TerritorialGrouping.members');
    const comuni = await loaders.comune.loadMany(members.map((m) => m.comune.unwrap().istatCode));
    return comuni.filter((c): c is Comune => c instanceof Comune);
  }
}
