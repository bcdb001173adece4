import { Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { MoneyScalar } from '../../../common/money.js';
import { connectionOf, key, PageArgs, readPage } from '../../../common/pagination.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { PnrrImplementation } from '../model/framework.entity.js';
import { GrantFilterArgs, toGrantFilter } from './inputs.js';
import { pnrrLoaders } from '../data/loaders.js';
import {
  ComunePnrr,
  PnrrGrantConnection,
  PnrrMeasureAmount,
  PnrrProjectConnection,
} from './types.js';
import { MaxItems } from '../../../common/limits.js';

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
  /** The comune's sum over all measures (the row of measure null), for its filter. */
  private async all(s: ComunePnrr, ctx: HubContext) {
    const rows = await pnrrLoaders(ctx).amounts(s.filter).load(s.istatCode);
    return rows.find((r) => r.measure === null);
  }

  @FieldResolver(() => MoneyScalar, { description: 'Sum of the grants counted, EUR (exact).' })
  async total(@Root() s: ComunePnrr, @Ctx() ctx: HubContext): Promise<string> {
    return (await this.all(s, ctx))?.amount ?? '0';
  }

  @FieldResolver(() => Int, { description: 'Number of grants counted.' })
  async grantCount(@Root() s: ComunePnrr, @Ctx() ctx: HubContext): Promise<number> {
    return Number((await this.all(s, ctx))?.n ?? 0);
  }

  @FieldResolver(() => MoneyScalar, {
    description:
      'With asOf: sum of the grants whose state on that date is not known (funded by then, renounced at an unknown date after their last observation as active), EUR: neither in `total` nor left out as renounced; see `uncertainGrants`. "0.00" without asOf or when every state is known.',
  })
  async uncertainAmount(@Root() s: ComunePnrr, @Ctx() ctx: HubContext): Promise<string> {
    return (await this.all(s, ctx))?.uncertain ?? '0';
  }

  @FieldResolver(() => Int, { description: 'Number of the grants in `uncertainAmount`.' })
  async uncertainGrantCount(@Root() s: ComunePnrr, @Ctx() ctx: HubContext): Promise<number> {
    return Number((await this.all(s, ctx))?.un ?? 0);
  }

  @MaxItems(20)
  @FieldResolver(() => [PnrrMeasureAmount], {
    description:
      'Amount and count per measure, by measure code; measures with no grant (counted or uncertain) left out.',
  })
  async byMeasure(@Root() s: ComunePnrr, @Ctx() ctx: HubContext): Promise<PnrrMeasureAmount[]> {
    return (await pnrrLoaders(ctx).amounts(s.filter).load(s.istatCode))
      .filter((r) => r.measure !== null)
      .map((r) =>
        Object.assign(new PnrrMeasureAmount(), {
          measureCode: r.measure!,
          amount: r.amount ?? '0',
          grantCount: Number(r.n),
          uncertainAmount: r.uncertain ?? '0',
          uncertainGrantCount: Number(r.un),
        }),
      );
  }

  @FieldResolver(() => PnrrGrantConnection, {
    description: 'The grants counted, by funding date then id, keyset-paged both ways.',
  })
  async grants(
    @Root() s: ComunePnrr,
    @Ctx() ctx: HubContext,
    @Args(() => PageArgs) page: PageArgs,
  ) {
    const p = readPage(page, key('date', 'int'));
    const rows = await pnrrLoaders(ctx)
      .grants({ filter: s.filter, page: p, uncertain: false })
      .load(s.istatCode);
    return connectionOf(
      rows,
      p,
      (g) => [g.fundedOn, g.pk],
      () => this.grantCount(s, ctx),
    );
  }

  @FieldResolver(() => PnrrGrantConnection, {
    description:
      'With asOf: the grants whose state on that date is not known (see `uncertainAmount`), by funding date then id, keyset-paged; empty without asOf.',
  })
  async uncertainGrants(
    @Root() s: ComunePnrr,
    @Ctx() ctx: HubContext,
    @Args(() => PageArgs) page: PageArgs,
  ) {
    const p = readPage(page, key('date', 'int'));
    const rows = await pnrrLoaders(ctx)
      .grants({ filter: s.filter, page: p, uncertain: true })
      .load(s.istatCode);
    return connectionOf(
      rows,
      p,
      (g) => [g.fundedOn, g.pk],
      () => this.uncertainGrantCount(s, ctx),
    );
  }

  @FieldResolver(() => PnrrProjectConnection, {
    description:
      'Italia Domani projects located in this comune (validated data; every mission, not only digital), by local code, keyset-paged both ways.',
  })
  async projects(
    @Root() s: ComunePnrr,
    @Ctx() ctx: HubContext,
    @Args(() => PageArgs) page: PageArgs,
  ) {
    const p = readPage(page, key('string'));
    const found = await pnrrLoaders(ctx).projects(p).load(s.istatCode);
    return connectionOf(found.rows, p, (x) => [x.localCode], found.total);
  }

  @FieldResolver(() => PnrrImplementation, {
    nullable: true,
    description:
      'How the comune runs its PNRR digital projects (delegated to Consorzio.IT, or itself with its support), where a source says so; null when the sources do not say (they name only Crema). See `pnrrFramework`.',
  })
  implementation(
    @Root() s: ComunePnrr,
    @Ctx() ctx: HubContext,
  ): Promise<PnrrImplementation | null> {
    return pnrrLoaders(ctx).implementation.load(s.istatCode);
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
