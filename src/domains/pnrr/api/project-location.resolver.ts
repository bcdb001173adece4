import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { PnrrProjectLocation } from '../model/project.entity.js';

/** The comune of a project location. */
@Resolver(() => PnrrProjectLocation)
export class PnrrProjectLocationFieldsResolver {
  @FieldResolver(() => Comune, {
    nullable: true,
    description: 'The comune; null when the project is placed in the whole province.',
  })
  comune(@Root() l: PnrrProjectLocation, @Ctx() ctx: HubContext): Promise<Comune | null> {
    const code = l.comune?.unwrap().istatCode;
    return code ? hubLoaders(ctx).comune.load(code) : Promise.resolve(null);
  }
}
