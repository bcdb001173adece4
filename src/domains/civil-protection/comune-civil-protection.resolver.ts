import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { Comune } from '../../hub/comune.entity.js';
import { civilProtectionLoaders } from './civil-protection.loaders.js';
import { CivilProtectionPlan } from './plan.entity.js';

/** The civil-protection fields of a comune. */
@Resolver(() => Comune)
export class ComuneCivilProtectionResolver {
  @FieldResolver(() => CivilProtectionPlan, {
    nullable: true,
    description:
      'Civil-protection plan (piano di protezione civile) of the comune; null when the hub holds none.',
  })
  civilProtectionPlan(
    @Root() comune: Comune,
    @Ctx() ctx: HubContext,
  ): Promise<CivilProtectionPlan | null> {
    return civilProtectionLoaders(ctx).plan.load(comune.istatCode);
  }
}
