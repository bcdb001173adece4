import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { Claim } from '../model/claim.entity.js';
import { reconcileClaim, sumParts } from '../rules/claim.reconcile.js';
import { ClaimPartsSum, ClaimReconciliation } from './claim.types.js';
import { PnrrMeasure } from '../model/measure.entity.js';
import { pnrrLoaders } from '../data/loaders.js';
import { MaxItems } from '../../../common/limits.js';
import { ClaimTopic } from '../model/enums.js';
import { findClaims } from '../data/lists.js';

/** Press claims and their reconciliation with the open data. */
@Resolver(() => Claim)
export class ClaimResolver {
  // Curated statements from the press (7 today).
  @MaxItems(200)
  @Query(() => [Claim], {
    description:
      'Figures stated in the press, with their source and a reconciliation with the open data computed at query time.',
  })
  claims(
    @Ctx() ctx: HubContext,
    @Arg('topic', () => ClaimTopic, { nullable: true, description: 'Only this topic.' })
    topic?: ClaimTopic | null,
  ): Promise<Claim[]> {
    return findClaims(ctx, topic ?? null);
  }

  @FieldResolver(() => PnrrMeasure, {
    nullable: true,
    description: 'The measure the figure is for; null for a total over all measures.',
  })
  measure(@Root() c: Claim, @Ctx() ctx: HubContext): Promise<PnrrMeasure | null> {
    const code = c.measure?.unwrap().code;
    return code ? pnrrLoaders(ctx).measure.load(code) : Promise.resolve(null);
  }

  @FieldResolver(() => Claim, {
    nullable: true,
    description: 'The stated total this figure is a part of (e.g. a measure of the total).',
  })
  partOf(@Root() c: Claim, @Ctx() ctx: HubContext): Promise<Claim | null> {
    const code = c.partOf?.unwrap().code;
    return code ? pnrrLoaders(ctx).claim.load(code) : Promise.resolve(null);
  }

  @MaxItems(20)
  @FieldResolver(() => [Claim], {
    description: 'The figures stated as parts of this one (e.g. per measure), by code.',
  })
  parts(@Root() c: Claim, @Ctx() ctx: HubContext): Promise<Claim[]> {
    return pnrrLoaders(ctx).claimParts.load(c.code);
  }

  @FieldResolver(() => ClaimPartsSum, {
    nullable: true,
    description:
      'The stated parts added up and compared with this total as stated (e.g. the per-measure figures: 9,011,000 against 11,038,976); null when the claim has no parts.',
  })
  async partsSum(@Root() c: Claim, @Ctx() ctx: HubContext): Promise<ClaimPartsSum | null> {
    return sumParts(c, await pnrrLoaders(ctx).claimParts.load(c.code));
  }

  @FieldResolver(() => ClaimReconciliation, {
    description:
      'What the open data give for the claim territory and date, and the difference (computed − claimed); also compared with the file published that day, with applications by that day, with the current data and with the other territories. Computed at query time; the same figures are loaded once per request for all claims.',
  })
  reconciliation(@Root() c: Claim, @Ctx() ctx: HubContext): Promise<ClaimReconciliation> {
    const figure = pnrrLoaders(ctx).figure;
    return reconcileClaim(c, (basis, territory, asOf) =>
      figure.load(`${basis}|${territory}|${asOf}`),
    );
  }
}
