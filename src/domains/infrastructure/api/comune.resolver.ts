import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { CollectionCentre } from '../model/collection-centre.entity.js';
import { infrastructureLoaders } from '../data/loaders.js';
import { UpgradeProgramme } from '../model/programme.entity.js';
import { MaxItems } from '../../../common/limits.js';
import { MAX_PROGRAMMES } from './programme.resolver.js';

/** The fields the infrastructure domain adds to Comune. */
@Resolver(() => Comune)
export class ComuneInfrastructureResolver {
  @MaxItems(20)
  @FieldResolver(() => [CollectionCentre], {
    description:
      'Waste collection centres (centri di raccolta) and supra-municipal platforms in the comune.',
  })
  collectionCentres(@Root() comune: Comune, @Ctx() ctx: HubContext): Promise<CollectionCentre[]> {
    return infrastructureLoaders(ctx).centresOfComune.load(comune.istatCode);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Number of collection centres and platforms the hub knows in the comune (wide-table column `collection_centres`); null when it knows none: the sources (the upgrade programme, the 7 platforms, imported registers) do not cover the comune, so its count is unknown, not zero.',
  })
  async collectionCentreCount(
    @Root() comune: Comune,
    @Ctx() ctx: HubContext,
  ): Promise<number | null> {
    const centres = await infrastructureLoaders(ctx).centresOfComune.load(comune.istatCode);
    return centres.length || null;
  }

  @MaxItems(MAX_PROGRAMMES)
  @FieldResolver(() => [UpgradeProgramme], {
    description: 'Upgrade programmes of the collection centres the comune takes part in.',
  })
  async upgradeProgrammes(
    @Root() comune: Comune,
    @Ctx() ctx: HubContext,
  ): Promise<UpgradeProgramme[]> {
    const [memberships, programmes] = await Promise.all([
      hubLoaders(ctx).groupingsOfComune.load(comune.istatCode),
      infrastructureLoaders(ctx).programmes(),
    ]);
    const groupings = new Set(memberships.map((m) => m.grouping.code));
    return programmes.filter((p) => groupings.has(p.participants.unwrap().code));
  }
}
