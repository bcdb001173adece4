import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { resolveTerritory } from '../../../core/data/territory.js';
import { EnergyCommunity } from '../model/energy-community.entity.js';
import { EnergyEvent } from '../model/energy-event.entity.js';
import { energyLoaders } from '../data/loaders.js';
import { EnergyCommunityFounder } from '../model/founder.entity.js';
import { MAX_COMUNI, MaxItems } from '../../../common/limits.js';

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

  @MaxItems(20)
  @FieldResolver(() => [EnergyCommunityFounder], {
    description:
      'Founding memberships (soci fondatori) of energy communities located in the comune: the comune itself as a founder (with `lead` when it is the capofila) and its parishes, each with the articles that name it. Empty when the sources name none (the press speaks of one CER more than it names: see qualityIssues).',
  })
  energyCommunityFounders(
    @Root() comune: Comune,
    @Ctx() ctx: HubContext,
  ): Promise<EnergyCommunityFounder[]> {
    return energyLoaders(ctx).foundersOfComune.load(comune.istatCode);
  }

  @MaxItems(100)
  @FieldResolver(() => [EnergyEvent], {
    description:
      'Events about energy communities held in the comune or streamed to it (letters, announcements, public meetings), oldest first.',
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
    const where = comuni
      ? { $or: [{ comune: { $in: comuni } }, { streamedToIstatCodes: { $overlap: comuni } }] }
      : {};
    return ctx.em.find(EnergyEvent, where, { orderBy: { on: 'asc', pk: 'asc' } });
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
