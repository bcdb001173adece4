import { DatePrecision } from '../../common/dates.js';
import type { NodeLoader, SearchProvider, TimelineEvent } from '../../common/domain.js';
import type { HubContext } from '../../common/context.js';
import { toGlobalId } from '../../common/node.js';
import { MIN_SCORE, textScoreSql } from '../../common/search.js';
import { tableSearch } from '../../hub/dossier/search.resolver.js';
import { PnrrBody } from './body.entity.js';
import { Claim } from './claim.entity.js';
import { euros } from './claim.reconcile.js';
import { PnrrGrant } from './grant.entity.js';
import { PnrrNotice } from './measure.entity.js';
import { pnrrLoaders } from './pnrr.loaders.js';
import { codeList } from './pnrr.sql.js';
import { PnrrProject } from './project.entity.js';

/** Records of the domain by the key inside their global id (`node(id)`). */
export const pnrrNodes: Record<string, NodeLoader> = {
  PnrrMeasure: (ctx, key) => pnrrLoaders(ctx).measure.load(key),
  PnrrNotice: (ctx, key) => pnrrLoaders(ctx).notice.load(key),
  PnrrBody: (ctx, key) => pnrrLoaders(ctx).body.load(key),
  PnrrGrant: (ctx, key) =>
    /^\d{1,9}$/.test(key) ? ctx.em.findOne(PnrrGrant, { pk: Number(key) }) : Promise.resolve(null),
  PnrrProject: (ctx, key) => ctx.em.findOne(PnrrProject, { localCode: key }),
  Claim: (ctx, key) => ctx.em.findOne(Claim, { code: key }),
};

const KIND = { FUNDED: 'GRANT_FUNDED', RENOUNCED: 'GRANT_RENOUNCED', PAID: 'GRANT_PAID' } as const;

/**
 * Timeline of the comuni: every grant of a body located there is funded on its decree date,
 * and renounced or paid on its status date when known. One statement for any set of comuni.
 */
export async function pnrrTimeline(
  ctx: HubContext,
  comuni: readonly string[],
): Promise<TimelineEvent[]> {
  if (!comuni.length) return [];
  const rows = await ctx.em.execute<
    {
      pk: number;
      comune: string;
      at: string;
      kind: keyof typeof KIND;
      amount: string;
      measure: string;
      body: string;
      dataset: string;
      note: string | null;
    }[]
  >(
    `select g.pk, g.comune_istat_code as comune, e.at::text as at, e.kind, g.amount::text as amount,
            g.measure_code as measure, b.name as body, g.dataset_id as dataset, g.source_note as note
       from pnrr_grant g join pnrr_body b on b.ipa_code = g.body_ipa_code
       cross join lateral (values (g.funded_on, 'FUNDED'),
                                  (case when g.status <> 'FUNDED' then g.status_on end, g.status::text)) e(at, kind)
      where g.comune_istat_code = any(string_to_array(?, ',')) and e.at is not null
      order by g.comune_istat_code, e.at, g.pk`,
    [codeList(comuni)],
  );
  return rows.map((r) => ({
    comune: r.comune,
    on: r.at,
    precision: DatePrecision.DAY,
    domain: 'pnrr',
    kind: KIND[r.kind],
    title: `PNRR ${r.measure}: ${euros(r.amount)} EUR to ${r.body} ${
      r.kind === 'FUNDED' ? 'funded' : r.kind === 'PAID' ? 'paid out' : 'renounced'
    }`,
    datasetId: r.dataset,
    sourceNote: r.note,
    entityId: toGlobalId('PnrrGrant', r.pk),
  }));
}

/**
 * Records that name a place rank just below the place itself: a project titled "Ab.Cloud
 * Com Spino d'Adda" must not outrank the comune Spino d'Adda for "spino d adda".
 */
const SECONDARY = 0.9;
const secondary =
  (provider: SearchProvider): SearchProvider =>
  async (em, query) =>
    (await provider(em, query)).map((h) => ({ ...h, score: h.score * SECONDARY }));

/** Bodies other than the comuni themselves (those are found as comuni). */
const bodySearch: SearchProvider = async (em, { folded, limit }) => {
  const rows = await em.execute<{ k: string; score: number }[]>(
    `select k, score from (select ipa_code as k, ${textScoreSql('name')} as score
       from pnrr_body where kind <> 'COMUNE') s where score >= ? order by score desc, k limit ?`,
    [folded, folded, MIN_SCORE, limit],
  );
  const found = rows.length
    ? await em.find(PnrrBody, { ipaCode: { $in: rows.map((r) => r.k) } })
    : [];
  const byKey = new Map(found.map((b) => [b.ipaCode, b]));
  return rows.flatMap((r) => {
    const node = byKey.get(r.k);
    return node ? [{ node, score: Number(r.score) * SECONDARY, key: r.k }] : [];
  });
};

/** Cross-domain search providers: bodies by name, notices and projects by title. */
export const pnrrSearch: Record<string, SearchProvider> = {
  PnrrBody: bodySearch,
  PnrrNotice: secondary(tableSearch(PnrrNotice, 'pnrr_notice', 'title', 'title', (n) => n.title)),
  PnrrProject: secondary(
    tableSearch(PnrrProject, 'pnrr_project', 'local_code', 'title', (p) => p.localCode),
  ),
};
