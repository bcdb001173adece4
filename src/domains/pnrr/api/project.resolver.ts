import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { PnrrMeasure } from '../model/measure.entity.js';
import { pnrrLoaders } from '../data/loaders.js';
import { PnrrProject, PnrrProjectLocation } from '../model/project.entity.js';
import { MaxItems } from '../../../common/limits.js';

/** Relations of a project. */
@Resolver(() => PnrrProject)
export class PnrrProjectFieldsResolver {
  @FieldResolver(() => PnrrMeasure, {
    nullable: true,
    description:
      'The PA digitale 2026 measure when the sub-measure is one of them (M1C1 1.2, 1.3.1, 1.4.x); null otherwise.',
  })
  measure(@Root() p: PnrrProject, @Ctx() ctx: HubContext): Promise<PnrrMeasure | null> {
    const code = p.measure?.unwrap().code;
    return code ? pnrrLoaders(ctx).measure.load(code) : Promise.resolve(null);
  }

  // 26 at most today; a project placed in every comune of the province is one location
  // ("TUTTI I COMUNI", wholeProvince).
  @MaxItems(50)
  @FieldResolver(() => [PnrrProjectLocation], {
    description: 'Where the project is (localizzazioni), by comune.',
  })
  locations(@Root() p: PnrrProject, @Ctx() ctx: HubContext): Promise<PnrrProjectLocation[]> {
    return pnrrLoaders(ctx).locationsOfProject.load(p.localCode);
  }
}
