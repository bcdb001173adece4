import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { resolveTerritory } from '../../../core/data/territory.js';
import { EnergyCommunity } from '../model/energy-community.entity.js';
import { EnergyEvent } from '../model/energy-event.entity.js';
import { energyLoaders, findEnergyEvents } from '../data/loaders.js';
import { MAX_COMUNI, MaxItems } from '../../../common/limits.js';

/** Energy events and their comune. */
@Resolver(() => EnergyEvent)
export class EnergyEventResolver {
  @MaxItems(500)
  @Query(() => [EnergyEvent], {
    description:
      'Events about energy communities (letters, announcements, public meetings), oldest first.',
  })
  async energyEvents(
    @Ctx() ctx: HubContext,
    @Arg('territory', () => String, {
      nullable: true,
      description:
        'Only events held in or streamed to this territory (a grouping code or an ISTAT code).',
    })
    territory?: string | null,
  ): Promise<EnergyEvent[]> {
    const comuni = territory ? await resolveTerritory(ctx, territory) : null;
    return findEnergyEvents(ctx, comuni);
  }

  @FieldResolver(() => Comune, { description: 'The comune where it took place (or the author’s).' })
  async comune(@Root() e: EnergyEvent, @Ctx() ctx: HubContext): Promise<Comune> {
    const c = await hubLoaders(ctx).comune.load(e.comune.unwrap().istatCode);
    if (!c) throw new Error(`comune ${e.comune.unwrap().istatCode} is missing`);
    return c;
  }

  @MaxItems(MAX_COMUNI)
  @FieldResolver(() => [Comune], {
    nullable: true,
    description:
      'Comuni the event was streamed to (collegati in streaming), by ISTAT code; null when the source does not say.',
  })
  async streamedTo(@Root() e: EnergyEvent, @Ctx() ctx: HubContext): Promise<Comune[] | null> {
    if (!e.streamedToIstatCodes) return null;
    const found = await hubLoaders(ctx).comune.loadMany([...e.streamedToIstatCodes].sort());
    return found.filter((c): c is Comune => c instanceof Comune);
  }

  @FieldResolver(() => EnergyCommunity, {
    nullable: true,
    description: 'The community the event is about; null when it is about none in particular.',
  })
  community(@Root() e: EnergyEvent, @Ctx() ctx: HubContext): Promise<EnergyCommunity | null> {
    const code = e.community?.unwrap().code;
    return code ? energyLoaders(ctx).community.load(code) : Promise.resolve(null);
  }
}
