import type { HubContext } from '../../../common/context.js';
import { DatePrecision } from '../../../common/dates.js';
import type { TimelineEvent } from '../../../common/domain.js';
import { toGlobalId } from '../../../common/node.js';
import { timelineRows } from '../data/summary.js';

/**
 * Broadband events with a known date, for any number of comuni in two statements: the
 * plan year of fibre and FWA in the white-areas plan (known to the year) with the state of
 * works, and the publication of each mapping with what it lists in the comune.
 */
export async function broadbandTimeline(
  ctx: HubContext,
  comuni: readonly string[],
): Promise<TimelineEvent[]> {
  if (!comuni.length) return [];
  const [plan, mappings] = await timelineRows(ctx, comuni);
  const events: TimelineEvent[] = [];
  for (const p of plan) {
    const where = p.place === p.name ? '' : ` (${p.place}, former comune)`;
    for (const [tech, year, state] of [
      ['fibre', p.fibre_year, p.fibre_state],
      ['FWA', p.fwa_year, p.fwa_state],
    ] as const)
      if (year)
        events.push({
          comune: p.comune,
          on: `${year}-01-01`,
          precision: DatePrecision.YEAR,
          domain: 'broadband',
          kind: 'BROADBAND_PLAN_YEAR',
          title: `White-areas plan (Piano BUL): ${tech} planned for ${year}${where}; state of works ${state ?? 'not given'} (${p.dated})`,
          datasetId: p.dataset_id,
          sourceNote: p.source_note,
          entityId: null,
        });
  }
  for (const m of mappings) {
    const n = m.a + m.b + m.c;
    events.push({
      comune: m.comune,
      on: m.on,
      precision: m.precision,
      domain: 'broadband',
      kind: 'BROADBAND_MAPPING_PUBLISHED',
      title: `${m.name} published: ${n} civic number(s) of the comune listed as not expected above ${m.threshold} Mbit/s by ${m.horizon ?? 'its horizon year'} (A ${m.a}, B ${m.b}, C ${m.c})`,
      datasetId: m.dataset_id,
      sourceNote: m.source_note,
      entityId: toGlobalId('BroadbandMapping', m.code),
    });
  }
  return events;
}
