import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { broadbandLoaders } from '../data/loaders.js';
import { CoverageObservation, BroadbandMapping } from '../model/mapping.entity.js';

/** Fields of an observation that reach other records, through loaders. */
@Resolver(() => CoverageObservation)
export class ObservationResolver {
  @FieldResolver(() => BroadbandMapping, { description: 'The mapping (its date and source).' })
  async mapping(@Root() o: CoverageObservation, @Ctx() ctx: HubContext): Promise<BroadbandMapping> {
    return (await broadbandLoaders(ctx).mapping.load(o.mapping.unwrap().code))!;
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the observation is the current mapping\u2019s.',
  })
  async current(@Root() o: CoverageObservation, @Ctx() ctx: HubContext): Promise<boolean> {
    return (await broadbandLoaders(ctx).current.load('current')) === o.mapping.unwrap().code;
  }

  @FieldResolver(() => String, {
    description:
      'What the observation states, in words, e.g. "Not expected to be reached by a network above 300 Mbit/s by 2028".',
  })
  async statement(@Root() o: CoverageObservation, @Ctx() ctx: HubContext): Promise<string> {
    const m = (await broadbandLoaders(ctx).mapping.load(o.mapping.unwrap().code))!;
    return `Listed by ${m.name}${m.published ? ` (published ${m.published.label})` : ''}: not expected to be reached by a network above ${m.thresholdMbps} Mbit/s by ${m.horizonYear ?? 'the mapping\u2019s horizon year'}.`;
  }
}
