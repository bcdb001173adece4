import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { Organization } from '../../../core/model/organization.entity.js';
import { broadbandLoaders } from '../data/loaders.js';
import { Coverage, CoverageStatusChange } from '../model/coverage.entity.js';
import { MaxItems } from '../../../common/limits.js';

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
