import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { PnrrMeasure, PnrrNotice } from '../model/measure.entity.js';
import { pnrrLoaders } from '../data/loaders.js';

/** The measure of a notice. */
@Resolver(() => PnrrNotice)
export class PnrrNoticeFieldsResolver {
  @FieldResolver(() => PnrrMeasure, { description: 'The measure (misura) of the notice.' })
  async measure(@Root() n: PnrrNotice, @Ctx() ctx: HubContext): Promise<PnrrMeasure> {
    return (await pnrrLoaders(ctx).measure.load(n.measure.unwrap().code))!;
  }
}
