import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { PnrrBody } from '../model/body.entity.js';

/** The comune of a body. */
@Resolver(() => PnrrBody)
export class PnrrBodyFieldsResolver {
  @FieldResolver(() => Comune, { description: 'The comune where the body is.' })
  async comune(@Root() b: PnrrBody, @Ctx() ctx: HubContext): Promise<Comune> {
    return (await hubLoaders(ctx).comune.load(b.comune.unwrap().istatCode))!;
  }
}
