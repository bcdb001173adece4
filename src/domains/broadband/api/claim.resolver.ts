import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import type { Dataset } from '../../../core/model/dataset.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { toSource } from '../../../core/api/source.resolver.js';
import { checkNote, fibreInPlan } from '../rules/claim-check.js';
import { BroadbandClaimCheck } from './claim-check.js';
import { BroadbandClaim } from '../model/claim.entity.js';
import { findClaims, findProgramme, planFacts } from '../data/programmes.js';
import { BroadbandProgramme } from '../model/network.entity.js';
import { MaxItems } from '../../../common/limits.js';

/** Broadband press claims and their check against the open data. */
@Resolver(() => BroadbandClaim)
export class BroadbandClaimResolver {
  @MaxItems(100)
  @Query(() => [BroadbandClaim], {
    description:
      'Broadband figures stated in the press (white and grey areas), each with its source and dates, checked against the open data where possible (check) and otherwise marked as not verifiable.',
  })
  broadbandClaims(
    @Ctx() ctx: HubContext,
    @Arg('programme', () => String, { nullable: true, description: 'Only this programme.' })
    programme?: string | null,
    @Arg('verifiable', () => Boolean, {
      nullable: true,
      description: 'Only the claims open data can (true) or cannot (false) check.',
    })
    verifiable?: boolean | null,
  ): Promise<BroadbandClaim[]> {
    return findClaims(ctx, { programme, verifiable });
  }

  @FieldResolver(() => BroadbandProgramme, { description: 'The programme the figure is about.' })
  async programme(@Root() c: BroadbandClaim, @Ctx() ctx: HubContext): Promise<BroadbandProgramme> {
    return (await findProgramme(ctx, c.programme.unwrap().code))!;
  }

  @FieldResolver(() => BroadbandClaimCheck, {
    nullable: true,
    description:
      'The claim against the open data, computed at query time: both figures, both dates, both sources. Null when no open data can check it (see notVerifiableReason) or the data are not loaded.',
  })
  async check(
    @Root() c: BroadbandClaim,
    @Ctx() ctx: HubContext,
  ): Promise<BroadbandClaimCheck | null> {
    if (c.checkBasis !== 'BUL_FIBRE_IN_PLAN' || !c.territory) return null;
    const figures = fibreInPlan(c, await planFacts(ctx.em, c.territory));
    if (!figures) return null;
    const [claimDs, dataDs] = (await hubLoaders(ctx).dataset.loadMany([
      c.dataset.id,
      figures.dataset,
    ])) as Dataset[];
    return Object.assign(new BroadbandClaimCheck(), {
      computed: figures.computed,
      difference: figures.difference,
      consistent: figures.consistent,
      basis: figures.basis,
      comuni: figures.comuni,
      otherComuni: figures.otherComuni,
      completed: figures.completed,
      dataAsOf: figures.dataAsOf,
      dataKnownBy: figures.dataKnownBy,
      dataDateNote: figures.dataDateNote,
      source: toSource(dataDs, null),
      note: checkNote(c, figures, claimDs.title, dataDs.title),
    });
  }
}
