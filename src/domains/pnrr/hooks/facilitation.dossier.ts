import { readRows } from '../../../common/read.js';
import type { HubContext } from '../../../common/context.js';
import type { DatePrecision } from '../../../common/dates.js';
import type { NodeLoader, TimelineEvent } from '../../../common/domain.js';
import { toGlobalId } from '../../../common/node.js';
import { facilitationLoaders } from '../data/facilitation.loaders.js';
import { comuniParam } from '../../../common/keys.js';

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
  const rows = await readRows<{
    comune: string;
    on: string;
    precision: DatePrecision;
    title: string;
    code: string;
    dataset_id: string;
    source_note: string | null;
  }>(
    ctx,
    `select m.comune_istat_code as comune, to_char(m."on", 'YYYY-MM-DD') as "on", m.precision,
            'Digital facilitation: ' || m.title
              || coalesce(', ' || to_char(m.start_time, 'HH24:MI'), '')
              || coalesce(', ' || m.venue, '')
              || case when m.status = 'ANNOUNCED' then ' (announced)' else '' end as title,
            m.code, m.dataset_id, m.source_note
       from pnrr_facilitation_meeting m
      where m.comune_istat_code = any(?::text[])
      order by 1, 2, m.code`,
    [comuniParam(comuni)],
  );
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
