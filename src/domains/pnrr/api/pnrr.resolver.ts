import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../../common/context.js';
import { connectionOf, key, readPage } from '../../../common/pagination.js';
import { checkIstatCode, resolveTerritory } from '../../../core/data/territory.js';
import { PnrrFramework } from '../model/framework.entity.js';
import { PnrrMeasure, PnrrNotice } from '../model/measure.entity.js';
import { PnrrProjectsArgs, PnrrSummaryArgs, toGrantFilter } from './inputs.js';
import { summaryRows } from '../data/sums.js';
import { PnrrProjectConnection, PnrrSummary, PnrrSummaryRow } from './types.js';
import { findProjects } from '../data/project.query.js';
import { MaxItems } from '../../../common/limits.js';
import { findFramework, findMeasures, findNotices } from '../data/lists.js';

/** Root queries of the PNRR domain. */
@Resolver()
export class PnrrResolver {
  @Query(() => PnrrSummary, {
    description:
      'PA digitale 2026 grants of a territory (grouping code or ISTAT code), grouped. bodies COMUNE (default) counts the grants whose body is a comune of the territory, ALL every body located there. Renounced grants are excluded unless includeRenounced. asOf D counts the grants that every dated observation shows active on D (funded by D, not renounced by D); grants no observation decides for D are summed apart in uncertainAmount, never guessed. Sums are exact (SQL numeric).',
  })
  async pnrrSummary(
    @Ctx() ctx: HubContext,
    @Args(() => PnrrSummaryArgs) args: PnrrSummaryArgs,
  ): Promise<PnrrSummary> {
    const codes = await resolveTerritory(ctx, args.territory);
    const rows = await summaryRows(ctx, codes, args.groupBy, toGrantFilter(args));
    const total = rows.find((r) => r.key === null);
    return Object.assign(new PnrrSummary(), {
      territory: args.territory,
      comuneCount: codes.length,
      total: total?.amount ?? '0',
      grantCount: Number(total?.n ?? 0),
      uncertainAmount: total?.uncertain ?? '0',
      uncertainGrantCount: Number(total?.un ?? 0),
      rows: rows
        .filter((r) => r.key !== null)
        .map((r) =>
          Object.assign(new PnrrSummaryRow(), {
            key: r.key!,
            label: r.label ?? r.key!,
            amount: r.amount ?? '0',
            grantCount: Number(r.n),
            uncertainAmount: r.uncertain ?? '0',
            uncertainGrantCount: Number(r.un),
          }),
        ),
    });
  }

  @Query(() => PnrrProjectConnection, {
    description:
      'PNRR projects (Italia Domani, validated) located in the province, filtered, keyset-paged by local code.',
  })
  async pnrrProjects(@Ctx() ctx: HubContext, @Args(() => PnrrProjectsArgs) args: PnrrProjectsArgs) {
    const page = readPage(args, key('string'));
    const f = args.filter ?? {};
    const comuni = f.comune
      ? [checkIstatCode(f.comune, 'filter.comune')]
      : f.territory
        ? await resolveTerritory(ctx, f.territory, 'filter.territory')
        : null;
    const { rows, count } = await findProjects(
      ctx.em,
      { comuni, measure: f.measure ?? null, text: f.text ?? null },
      page,
    );
    return connectionOf(rows, page, (p) => [p.localCode], count);
  }

  @Query(() => PnrrFramework, {
    nullable: true,
    description:
      'How the PNRR digital measures work for the Cremasco comuni, as the press and Consorzio.IT state it: goals deadline, who runs the projects, reporting in ReGiS; null when not loaded.',
  })
  async pnrrFramework(@Ctx() ctx: HubContext): Promise<PnrrFramework | null> {
    return findFramework(ctx);
  }

  // The measures of PA digitale 2026 (7), a closed programme.
  @MaxItems(20)
  @Query(() => [PnrrMeasure], { description: 'The PA digitale 2026 measures, by code.' })
  measures(@Ctx() ctx: HubContext): Promise<PnrrMeasure[]> {
    return findMeasures(ctx);
  }

  // The notices of PA digitale 2026 (57 today), a programme that ends in 2026.
  @MaxItems(500)
  @Query(() => [PnrrNotice], {
    description: 'The PA digitale 2026 notices (avvisi), newest first.',
  })
  notices(
    @Ctx() ctx: HubContext,
    @Arg('measure', () => String, { nullable: true, description: 'Only this measure, e.g. "1.2".' })
    measure?: string | null,
  ): Promise<PnrrNotice[]> {
    return findNotices(ctx, measure ?? null);
  }
}
