import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { Comune } from '../../hub/comune.entity.js';
import { hubLoaders } from '../../hub/hub.loaders.js';
import { EnergyCommunity } from './energy-community.entity.js';
import { energyLoaders } from './energy.loaders.js';
import { EnergyCommunityFounder } from './founder.entity.js';

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
