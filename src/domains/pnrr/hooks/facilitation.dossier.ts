import type { HubContext } from '../../../common/context.js';
import type { NodeLoader, TimelineEvent } from '../../../common/domain.js';
import { toGlobalId } from '../../../common/node.js';
import { facilitationLoaders } from '../data/facilitation.loaders.js';
import { meetingEventRows } from '../data/facilitation.loaders.js';

/** Facilitation sessions by the key inside their global id (`node(id)`). */
export const facilitationNodes: Record<string, NodeLoader> = {
  FacilitationMeeting: (ctx, key) => facilitationLoaders(ctx).meeting.load(key),
};

/**
 * The facilitation sessions held or announced in each comune, as timeline events of the
 * pnrr domain (one statement for any number of comuni).
 */
export async function facilitationTimeline(
  ctx: HubContext,
  comuni: readonly string[],
): Promise<TimelineEvent[]> {
  if (!comuni.length) return [];
  const rows = await meetingEventRows(ctx, comuni);
  return rows.map((r) => ({
    comune: r.comune,
    on: r.on,
    precision: r.precision,
    domain: 'pnrr',
    kind: 'FACILITATION_MEETING',
    title: r.title,
    datasetId: r.dataset_id,
    sourceNote: r.source_note,
    entityId: toGlobalId('FacilitationMeeting', r.code),
  }));
}
