import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { Comune } from '../../hub/comune.entity.js';
import { hubLoaders } from '../../hub/hub.loaders.js';
import { resolveTerritory } from '../../hub/territory.js';
import { EnergyCommunity } from './energy-community.entity.js';
import { EnergyEvent } from './energy-event.entity.js';
import { energyLoaders } from './energy.loaders.js';
import { MaxItems } from '../../common/limits.js';

/** The fields the energy domain adds to Comune. */
@Resolver(() => Comune)
export class ComuneEnergyResolver {
  // CERs are bound to a primary substation's area: a comune lies in few of them (1 today).
  @MaxItems(10)
  @FieldResolver(() => [EnergyCommunity], {
    description: 'Renewable energy communities (CER) covering the comune.',
  })
  energyCommunities(@Root() comune: Comune, @Ctx() ctx: HubContext): Promise<EnergyCommunity[]> {
    return energyLoaders(ctx).communitiesOfComune.load(comune.istatCode);
  }

  @MaxItems(100)
  @FieldResolver(() => [EnergyEvent], {
    description: 'Events about energy communities in the comune (letters, announcements).',
  })
  energyEvents(@Root() comune: Comune, @Ctx() ctx: HubContext): Promise<EnergyEvent[]> {
    return energyLoaders(ctx).eventsOfComune.load(comune.istatCode);
  }
}

/** Energy events and their comune. */
@Resolver(() => EnergyEvent)
export class EnergyEventResolver {
  @MaxItems(500)
  @Query(() => [EnergyEvent], {
    description: 'Events about energy communities (letters, announcements), oldest first.',
  })
  async energyEvents(
    @Ctx() ctx: HubContext,
    @Arg('territory', () => String, {
      nullable: true,
      description: 'Only events in this territory (a grouping code or an ISTAT code).',
    })
    territory?: string | null,
  ): Promise<EnergyEvent[]> {
    const where = territory ? { comune: { $in: await resolveTerritory(ctx.em, territory) } } : {};
    return ctx.em.find(EnergyEvent, where, { orderBy: { on: 'asc', pk: 'asc' } });
  }

  @FieldResolver(() => Comune, { description: 'The comune concerned.' })
  async comune(@Root() e: EnergyEvent, @Ctx() ctx: HubContext): Promise<Comune> {
    const c = await hubLoaders(ctx).comune.load(e.comune.unwrap().istatCode);
    if (!c) throw new Error(`comune ${e.comune.unwrap().istatCode} is missing`);
    return c;
  }
}
