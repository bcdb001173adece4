import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { EnergyCommunity } from '../model/energy-community.entity.js';
import { EnergyEvent } from '../model/energy-event.entity.js';
import { energyLoaders } from '../data/loaders.js';
import { EnergyCommunityFounder } from '../model/founder.entity.js';
import { MaxItems } from '../../../common/limits.js';

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
