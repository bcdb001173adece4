import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { civilProtectionLoaders } from '../data/loaders.js';
import { hazardProfileOf } from '../data/hazard.load.js';
import { HazardProfile } from './hazard.types.js';
import { CivilProtectionPlan } from '../model/plan.entity.js';

/** The civil-protection fields of a comune: its plan and its hazard profile. */
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

  @FieldResolver(() => HazardProfile, {
    description:
      'Hazard profile (pericolosità) of the comune: ISPRA IdroGEO flood and landslide figures and the seismic zone (DPC), each with source and data year; what the hub does not hold is null with the reason.',
  })
  hazardProfile(@Root() comune: Comune, @Ctx() ctx: HubContext): Promise<HazardProfile> {
    return hazardProfileOf(ctx, comune);
  }
}
