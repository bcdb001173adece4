import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { PnrrBody } from '../model/body.entity.js';
import { PnrrGrant } from '../model/grant.entity.js';
import { PnrrMeasure, PnrrNotice } from '../model/measure.entity.js';
import { pnrrLoaders } from '../data/loaders.js';

/** Relations of a grant, through the request's loaders. */
@Resolver(() => PnrrGrant)
export class PnrrGrantFieldsResolver {
  @FieldResolver(() => PnrrNotice, { description: 'The notice (avviso) applied to.' })
  async notice(@Root() g: PnrrGrant, @Ctx() ctx: HubContext): Promise<PnrrNotice> {
    return (await pnrrLoaders(ctx).notice.load(g.notice.unwrap().title))!;
  }

  @FieldResolver(() => PnrrMeasure, { description: 'The measure (misura).' })
  async measure(@Root() g: PnrrGrant, @Ctx() ctx: HubContext): Promise<PnrrMeasure> {
    return (await pnrrLoaders(ctx).measure.load(g.measure.unwrap().code))!;
  }

  @FieldResolver(() => PnrrBody, { description: 'The body (ente) funded.' })
  async body(@Root() g: PnrrGrant, @Ctx() ctx: HubContext): Promise<PnrrBody> {
    return (await pnrrLoaders(ctx).body.load(g.body.unwrap().ipaCode))!;
  }

  @FieldResolver(() => Comune, { description: 'The comune where the body is.' })
  async comune(@Root() g: PnrrGrant, @Ctx() ctx: HubContext): Promise<Comune> {
    return (await hubLoaders(ctx).comune.load(g.comune.unwrap().istatCode))!;
  }
}
