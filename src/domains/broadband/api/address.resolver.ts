import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { CivicAddress } from '../model/address.entity.js';
import { broadbandLoaders } from '../data/loaders.js';
import { Coverage } from '../model/coverage.entity.js';
import { CoverageObservation } from '../model/mapping.entity.js';
import { MaxItems } from '../../../common/limits.js';

/** Fields of a civic address that reach other records, through loaders. */
@Resolver(() => CivicAddress)
export class AddressResolver {
  @FieldResolver(() => String, {
    description: 'Postal label (indirizzo), e.g. "Via Roma 12/A, 26013 Crema CR".',
  })
  async label(@Root() a: CivicAddress, @Ctx() ctx: HubContext): Promise<string> {
    const comune = await hubLoaders(ctx).comune.load(a.comune.unwrap().istatCode);
    return a.labelIn(comune?.name ?? a.comune.unwrap().istatCode);
  }

  @FieldResolver(() => Comune, { description: 'The comune of the address.' })
  async comune(@Root() a: CivicAddress, @Ctx() ctx: HubContext): Promise<Comune> {
    return (await hubLoaders(ctx).comune.load(a.comune.unwrap().istatCode))!;
  }

  @FieldResolver(() => Coverage, {
    nullable: true,
    description:
      'Per-address coverage record (technology, speed, plan, status) of the synthetic sample or of an imported extract; null when none is known (the real open data give none: see observation).',
  })
  coverage(@Root() a: CivicAddress, @Ctx() ctx: HubContext): Promise<Coverage | null> {
    return broadbandLoaders(ctx).coverage.load(a.pk);
  }

  @FieldResolver(() => CoverageObservation, {
    nullable: true,
    description:
      'The current mapping\u2019s observation of the civic number (listed: not expected above its speed by its horizon year, with the category); null when the current mapping does not list it.',
  })
  async observation(
    @Root() a: CivicAddress,
    @Ctx() ctx: HubContext,
  ): Promise<CoverageObservation | null> {
    const loaders = broadbandLoaders(ctx);
    const [current, all] = await Promise.all([
      loaders.current.load('current'),
      loaders.observations.load(a.pk),
    ]);
    return all.find((o) => o.mapping.unwrap().code === current) ?? null;
  }

  @MaxItems(20)
  @FieldResolver(() => [CoverageObservation], {
    description:
      'Every mapping\u2019s observation of the civic number, newest mapping first: an older one stays readable with its date.',
  })
  observations(@Root() a: CivicAddress, @Ctx() ctx: HubContext): Promise<CoverageObservation[]> {
    return broadbandLoaders(ctx).observations.load(a.pk);
  }
}
