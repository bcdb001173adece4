import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { PnrrMeasure } from '../model/measure.entity.js';
import { pnrrLoaders } from '../data/loaders.js';
import { PnrrMeasureAmount } from './types.js';

/** The measure of an amount row. */
@Resolver(() => PnrrMeasureAmount)
export class PnrrMeasureAmountResolver {
  @FieldResolver(() => PnrrMeasure, { description: 'The measure (misura).' })
  async measure(@Root() a: PnrrMeasureAmount, @Ctx() ctx: HubContext): Promise<PnrrMeasure> {
    return (await pnrrLoaders(ctx).measure.load(a.measureCode))!;
  }
}
