import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { PnrrBody } from '../model/body.entity.js';
import { PnrrGrant } from '../model/grant.entity.js';
import { PnrrMeasure, PnrrNotice } from '../model/measure.entity.js';
import { pnrrLoaders } from '../data/loaders.js';
import { PnrrMeasureAmount } from './types.js';
import { PnrrProject, PnrrProjectLocation } from '../model/project.entity.js';
import { MaxItems } from '../../../common/limits.js';

const comuneOf = (ctx: HubContext, code: string | undefined) =>
  code ? hubLoaders(ctx).comune.load(code) : Promise.resolve(null);

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
    return (await comuneOf(ctx, g.comune.unwrap().istatCode))!;
  }
}

/** The comune of a body. */
@Resolver(() => PnrrBody)
export class PnrrBodyFieldsResolver {
  @FieldResolver(() => Comune, { description: 'The comune where the body is.' })
  async comune(@Root() b: PnrrBody, @Ctx() ctx: HubContext): Promise<Comune> {
    return (await comuneOf(ctx, b.comune.unwrap().istatCode))!;
  }
}

/** The measure of a notice. */
@Resolver(() => PnrrNotice)
export class PnrrNoticeFieldsResolver {
  @FieldResolver(() => PnrrMeasure, { description: 'The measure (misura) of the notice.' })
  async measure(@Root() n: PnrrNotice, @Ctx() ctx: HubContext): Promise<PnrrMeasure> {
    return (await pnrrLoaders(ctx).measure.load(n.measure.unwrap().code))!;
  }
}

/** The measure of an amount row. */
@Resolver(() => PnrrMeasureAmount)
export class PnrrMeasureAmountResolver {
  @FieldResolver(() => PnrrMeasure, { description: 'The measure (misura).' })
  async measure(@Root() a: PnrrMeasureAmount, @Ctx() ctx: HubContext): Promise<PnrrMeasure> {
    return (await pnrrLoaders(ctx).measure.load(a.measureCode))!;
  }
}

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

/** The comune of a project location. */
@Resolver(() => PnrrProjectLocation)
export class PnrrProjectLocationFieldsResolver {
  @FieldResolver(() => Comune, {
    nullable: true,
    description: 'The comune; null when the project is placed in the whole province.',
  })
  comune(@Root() l: PnrrProjectLocation, @Ctx() ctx: HubContext): Promise<Comune | null> {
    return comuneOf(ctx, l.comune?.unwrap().istatCode);
  }
}
