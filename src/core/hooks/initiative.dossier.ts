import type { HubContext } from '../../common/context.js';
import type { NodeLoader, SearchProvider, TimelineEvent } from '../../common/domain.js';
import { toGlobalId } from '../../common/node.js';
import { BELOW_PLACES, tableSearch } from '../data/search.js';
import { Initiative } from '../model/initiative.entity.js';
import { initiativeLoaders } from '../data/initiative.loaders.js';
import { findOrganizationMember, initiativeEventRows } from '../data/initiative.query.js';
import { withIntKey } from '../../common/keys.js';

/** Initiatives and organisation members by the key inside their global id (`node(id)`). */
export const initiativeNodes: Record<string, NodeLoader> = {
  Initiative: (ctx, key) => initiativeLoaders(ctx).initiative.load(key),
  OrganizationMember: (ctx, key) => withIntKey(key, (pk) => findOrganizationMember(ctx, pk)),
};

/**
 * Dated initiatives as events of the comuni they concern (one statement for any number of
 * comuni). The event's domain is the initiative's (e.g. "pnrr" for the ReGiS training), else
 * "hub"; its kind is the initiative's kind.
 */
export async function initiativeTimeline(
  ctx: HubContext,
  comuni: readonly string[],
): Promise<TimelineEvent[]> {
  if (!comuni.length) return [];
  const rows = await initiativeEventRows(ctx, comuni);
  return rows.map((r) => ({
    comune: r.comune,
    on: r.on,
    precision: r.precision,
    domain: r.domain,
    kind: r.kind,
    title: r.title,
    datasetId: r.dataset_id,
    sourceNote: r.source_note,
    entityId: toGlobalId('Initiative', r.code),
  }));
}

/** Initiatives whose title matches the query (they name places: "... in Crema"). */
export const initiativeSearch: SearchProvider = tableSearch({
  entity: Initiative,
  table: 'initiative',
  keyColumn: 'code',
  text: 'title',
  key: (i) => i.code,
  weight: BELOW_PLACES,
});
