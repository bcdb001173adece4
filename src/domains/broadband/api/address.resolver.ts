import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { Organization } from '../../../core/model/organization.entity.js';
import { CivicAddress } from '../model/address.entity.js';
import { broadbandLoaders } from '../data/loaders.js';
import { Coverage, CoverageStatusChange } from '../model/coverage.entity.js';
import { CoverageObservation, BroadbandMapping } from '../model/mapping.entity.js';
import { BroadbandProgramme } from '../model/network.entity.js';
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

/** Fields of a mapping that reach other records. */
@Resolver(() => BroadbandMapping)
export class MappingResolver {
  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'Who published the mapping (Infratel Italia).',
  })
  publisher(@Root() m: BroadbandMapping, @Ctx() ctx: HubContext): Promise<Organization | null> {
    const code = m.publisher?.unwrap().code;
    return code ? hubLoaders(ctx).organization.load(code) : Promise.resolve(null);
  }

  @FieldResolver(() => Boolean, { description: 'Whether it is the current (newest) mapping.' })
  async current(@Root() m: BroadbandMapping, @Ctx() ctx: HubContext): Promise<boolean> {
    return (await broadbandLoaders(ctx).current.load('current')) === m.code;
  }
}

/** Fields of a coverage that reach other records, through loaders. */
@Resolver(() => Coverage)
export class CoverageResolver {
  @FieldResolver(() => Organization, {
    nullable: true,
    description:
      'Network operator (operatore di rete); null when the source names none (commercial coverage in the synthetic sample).',
  })
  operator(@Root() c: Coverage, @Ctx() ctx: HubContext): Promise<Organization | null> {
    const code = c.operator?.unwrap().code;
    return code ? hubLoaders(ctx).organization.load(code) : Promise.resolve(null);
  }

  // One change per status reached (4 statuses; 4 changes at most today).
  @MaxItems(20)
  @FieldResolver(() => [CoverageStatusChange], {
    description: 'Status changes (storico), oldest first; empty when the source gives none.',
  })
  history(@Root() c: Coverage, @Ctx() ctx: HubContext): Promise<CoverageStatusChange[]> {
    return broadbandLoaders(ctx).history.load(c.address.unwrap().pk);
  }
}

/** Fields of a programme that reach other records. */
@Resolver(() => BroadbandProgramme)
export class ProgrammeResolver {
  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'Operator running the network; null when not stated.',
  })
  operator(@Root() p: BroadbandProgramme, @Ctx() ctx: HubContext): Promise<Organization | null> {
    const code = p.operator?.unwrap().code;
    return code ? hubLoaders(ctx).organization.load(code) : Promise.resolve(null);
  }
}
