import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { EnergyCommunity } from '../model/energy-community.entity.js';
import { energyLoaders } from '../data/loaders.js';
import { EnergyCommunityFounder } from '../model/founder.entity.js';

/** Relations of founders. */
@Resolver(() => EnergyCommunityFounder)
export class EnergyCommunityFounderResolver {
  @FieldResolver(() => EnergyCommunity, { description: 'The community founded.' })
  async community(
    @Root() f: EnergyCommunityFounder,
    @Ctx() ctx: HubContext,
  ): Promise<EnergyCommunity> {
    const c = await energyLoaders(ctx).community.load(f.community.unwrap().code);
    if (!c) throw new Error(`energy community ${f.community.unwrap().code} is missing`);
    return c;
  }

  @FieldResolver(() => Comune, {
    nullable: true,
    description:
      'The comune of the province of Cremona: the founder itself, or the comune of a parish. Null for a founder outside the province (see provinceCode and note): the hub holds no record of it and invents no ISTAT code.',
  })
  comune(@Root() f: EnergyCommunityFounder, @Ctx() ctx: HubContext): Promise<Comune | null> {
    const code = f.comune?.unwrap().istatCode;
    return code ? hubLoaders(ctx).comune.load(code) : Promise.resolve(null);
  }
}
