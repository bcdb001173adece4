import { Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { MoneyScalar } from '../../common/money.js';
import { fromRows, pageSize, PageArgs } from '../../common/pagination.js';
import { Comune } from '../../hub/comune.entity.js';
import { PnrrGrantConnection, PnrrProjectConnection } from './connections.js';
import { checkGrantCursor, checkProjectCursor } from './cursors.js';
import { GrantFilterArgs, toGrantFilter } from './pnrr.inputs.js';
import { pnrrLoaders } from './pnrr.loaders.js';
import { filterKey } from './pnrr.sql.js';
import { ComunePnrr, PnrrMeasureAmount } from './pnrr.types.js';
import { MaxItems } from '../../common/limits.js';

/** The PNRR field of Comune. */
@Resolver(() => Comune)
export class ComunePnrrResolver {
  @FieldResolver(() => ComunePnrr, {
    description:
      'PNRR digital funds (PA digitale 2026) of this comune: by default the grants whose body is the comune itself, renounced excluded. Every sub-field is batched over comuni (no N+1).',
  })
  pnrr(@Root() comune: Comune, @Args(() => GrantFilterArgs) args: GrantFilterArgs): ComunePnrr {
    return ComunePnrr.of(comune.istatCode, toGrantFilter(args));
  }
}

/** Fields of a comune's PNRR section, each backed by a loader batched over comuni. */
@Resolver(() => ComunePnrr)
export class ComunePnrrSectionResolver {
  private amounts(s: ComunePnrr, ctx: HubContext) {
    return pnrrLoaders(ctx).amounts(filterKey(s.filter)).load(s.istatCode);
  }

  @FieldResolver(() => MoneyScalar, { description: 'Sum of the grants counted, EUR (exact).' })
  async total(@Root() s: ComunePnrr, @Ctx() ctx: HubContext): Promise<string> {
    return (await this.amounts(s, ctx)).find((r) => r.measure === null)?.amount ?? '0';
  }

  @FieldResolver(() => Int, { description: 'Number of grants counted.' })
  async grantCount(@Root() s: ComunePnrr, @Ctx() ctx: HubContext): Promise<number> {
    return Number((await this.amounts(s, ctx)).find((r) => r.measure === null)?.n ?? 0);
  }

  @MaxItems(20)
  @FieldResolver(() => [PnrrMeasureAmount], {
    description: 'Amount and count per measure, by measure code; measures with no grant left out.',
  })
  async byMeasure(@Root() s: ComunePnrr, @Ctx() ctx: HubContext): Promise<PnrrMeasureAmount[]> {
    return (await this.amounts(s, ctx))
      .filter((r) => r.measure !== null)
      .map((r) =>
        Object.assign(new PnrrMeasureAmount(), {
          measureCode: r.measure!,
          amount: r.amount,
          grantCount: Number(r.n),
        }),
      );
  }

  @FieldResolver(() => PnrrGrantConnection, {
    description: 'The grants counted, by funding date then id, keyset-paged.',
  })
  async grants(
    @Root() s: ComunePnrr,
    @Ctx() ctx: HubContext,
    @Args(() => PageArgs) page: PageArgs,
  ) {
    const first = pageSize(page.first);
    checkGrantCursor(page.after);
    const key = JSON.stringify({ f: s.filter, first, after: page.after ?? null });
    const [rows, count] = await Promise.all([
      pnrrLoaders(ctx).grants(key).load(s.istatCode),
      this.grantCount(s, ctx),
    ]);
    return fromRows(rows, first, count, (g) => [g.fundedOn, g.pk], page.after);
  }

  @FieldResolver(() => PnrrProjectConnection, {
    description:
      'Italia Domani projects located in this comune (validated data; every mission, not only digital), by local code.',
  })
  async projects(
    @Root() s: ComunePnrr,
    @Ctx() ctx: HubContext,
    @Args(() => PageArgs) page: PageArgs,
  ) {
    const first = pageSize(page.first);
    checkProjectCursor(page.after);
    const key = JSON.stringify({ first, after: page.after ?? null });
    const p = await pnrrLoaders(ctx).projects(key).load(s.istatCode);
    return fromRows(p.rows, first, p.total, (x) => [x.localCode], page.after);
  }

  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description:
      'Upstream KPI "importi per comune" (2026-08-16): total decreed to every body located in the comune, all measures incl. 1.1, renounced excluded, as published. It is newer than some per-measure files held, so it can exceed the total computed here.',
  })
  async publishedTotal(@Root() s: ComunePnrr, @Ctx() ctx: HubContext): Promise<string | null> {
    return (await pnrrLoaders(ctx).kpi.load(s.istatCode))?.amount ?? null;
  }
}
