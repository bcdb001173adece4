import { readRows } from '../../../common/read.js';
import type { HubContext } from '../../../common/context.js';
import type { DatePrecision } from '../../../common/dates.js';
import type { NodeLoader, SearchProvider, TimelineEvent } from '../../../common/domain.js';
import { toGlobalId } from '../../../common/node.js';
import { MIN_SCORE, textScoreSql } from '../../../common/search.js';
import { EnergyCommunity } from '../model/energy-community.entity.js';
import { energyLoaders } from '../data/loaders.js';
import { intKey } from '../../../common/keys.js';
import { comuniParam } from '../../../common/keys.js';

/** A positive integer key of a global id, or null. */

/** Records of this domain by the key inside their global id (`node(id)`). */
export const energyNodes: Record<string, NodeLoader> = {
  EnergyCommunity: (ctx, key) => energyLoaders(ctx).community.load(key),
  Funding: (ctx, key) => {
    const pk = intKey(key);
    return pk == null ? Promise.resolve(null) : energyLoaders(ctx).funding.load(pk);
  },
  EnergyEvent: (ctx, key) => {
    const pk = intKey(key);
    return pk == null ? Promise.resolve(null) : energyLoaders(ctx).event.load(pk);
  },
  EnergyCommunityFounder: (ctx, key) => {
    const pk = intKey(key);
    return pk == null ? Promise.resolve(null) : energyLoaders(ctx).founder.load(pk);
  },
};

interface Row {
  comune: string;
  on: string;
  precision: DatePrecision;
  kind: string;
  title: string;
  entity: string;
  dataset_id: string;
  source_note: string | null;
}

/**
 * Fundings announced for the communities covering each comune, the founding of the
 * communities the comune founded, and the energy events held in or streamed to it, as
 * timeline events: one statement for any number of comuni.
 */
export async function energyTimeline(
  ctx: HubContext,
  comuni: readonly string[],
): Promise<TimelineEvent[]> {
  if (!comuni.length) return [];
  const rows = await readRows<Row>(
    ctx,
    `select u.comune, to_char(f.announced_on, 'YYYY-MM-DD') as "on", f.announced_precision as precision,
            'FUNDING_ANNOUNCED' as kind,
            o.name || ' funds ' || c.name || ' with ' || f.amount::text || ' EUR: ' || f.purpose as title,
            'Funding:' || f.pk as entity, f.dataset_id, f.source_note
       from energy_funding f
       join energy_community c on c.code = f.community_code
       join organization o on o.code = f.funder_code
       cross join lateral unnest(c.comune_istat_codes) as u(comune)
      where u.comune = any(?::text[])
     union all
     select u.comune, to_char(e."on", 'YYYY-MM-DD'), e.precision, e.kind, e.summary,
            'EnergyEvent:' || e.pk, e.dataset_id, e.source_note
       from energy_event e
       cross join lateral unnest(array[e.comune_istat_code] || coalesce(e.streamed_to_istat_codes, '{}')) as u(comune)
      where u.comune = any(?::text[])
     union all
     select f.comune_istat_code, to_char(c.founded_on, 'YYYY-MM-DD'), c.founded_precision, 'CER_FOUNDED',
            c.name || ' founded (' || coalesce(c.legal_form, 'costituita') || '); ' || f.name
              || ' is a founding comune' || case when f.lead then ' (lead, capofila)' else '' end,
            'EnergyCommunityFounder:' || f.pk, f.dataset_id, f.source_note
       from energy_community_founder f join energy_community c on c.code = f.community_code
      where f.kind = 'COMUNE' and f.comune_istat_code = any(?::text[]) and c.founded_on is not null
      order by 1, 2, 6`,
    [comuniParam(comuni), comuniParam(comuni), comuniParam(comuni)],
  );
  return rows.map((r) => {
    const [type, key] = r.entity.split(':');
    return {
      comune: r.comune,
      on: r.on,
      precision: r.precision,
      domain: 'energy',
      kind: r.kind,
      title: r.title,
      datasetId: r.dataset_id,
      sourceNote: r.source_note,
      entityId: toGlobalId(type, key),
    };
  });
}

/**
 * Weight of a name match: community names contain the comune's name ("... di Spino d'Adda"), so
 * a search for a place ranks the comune itself first.
 */
const NAMED_AFTER_A_PLACE = 0.9;

/** Energy communities whose name or site matches the query (Italian-aware scoring). */
export const energyCommunitySearch: SearchProvider = async (em, query) => {
  const rows = await em.execute<{ code: string; score: number }[]>(
    `select code, ${textScoreSql("name || ' ' || coalesce(site, '')")} as score
       from energy_community order by score desc, code limit ?`,
    [query.folded, query.folded, query.limit],
  );
  const hits = rows.filter((r) => r.score >= MIN_SCORE);
  if (!hits.length) return [];
  const found = await em.find(EnergyCommunity, { code: { $in: hits.map((h) => h.code) } });
  const byCode = new Map(found.map((c) => [c.code, c]));
  return hits.map((h) => ({
    node: byCode.get(h.code)!,
    score: Number(h.score) * NAMED_AFTER_A_PLACE,
    key: h.code,
  }));
};
