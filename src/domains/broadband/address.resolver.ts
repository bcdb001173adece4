import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { Comune } from '../../hub/comune.entity.js';
import { hubLoaders } from '../../hub/hub.loaders.js';
import { Organization } from '../../hub/organization.entity.js';
import { CivicAddress } from './address.entity.js';
import { broadbandLoaders } from './broadband.loaders.js';
import { Coverage, CoverageStatusChange } from './coverage.entity.js';
import { BroadbandProgramme } from './network.entity.js';
import { MaxItems } from '../../common/limits.js';

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
    description: 'Broadband coverage of the address; null when none is known.',
  })
  coverage(@Root() a: CivicAddress, @Ctx() ctx: HubContext): Promise<Coverage | null> {
    return broadbandLoaders(ctx).coverage.load(a.pk);
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
