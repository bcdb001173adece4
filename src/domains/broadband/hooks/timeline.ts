import { readRows } from '../../../common/read.js';
import type { HubContext } from '../../../common/context.js';
import { DatePrecision } from '../../../common/dates.js';
import type { TimelineEvent } from '../../../common/domain.js';
import { toGlobalId } from '../../../common/node.js';
import { comuniParam } from '../../../common/keys.js';

interface PlanRow {
  comune: string;
  place: string;
  name: string;
  fibre_year: number | null;
  fibre_state: string | null;
  fwa_year: number | null;
  fwa_state: string | null;
  dated: string;
  dataset_id: string;
  source_note: string | null;
}

interface MappingRow {
  comune: string;
  code: string;
  name: string;
  on: string;
  precision: DatePrecision;
  threshold: number;
  horizon: number | null;
  a: number;
  b: number;
  c: number;
  dataset_id: string;
  source_note: string | null;
}

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
  const [plan, mappings] = await Promise.all([
    readRows<PlanRow>(
      ctx,
      `select p.comune_istat_code as comune, p.place, c.name, p.fibre_plan_year as fibre_year,
              p.fibre_state_text as fibre_state, p.fwa_plan_year as fwa_year, p.fwa_state_text as fwa_state,
              coalesce('as of ' || to_char(p.as_of, 'YYYY-MM-DD'), 'published by ' || to_char(p.known_by, 'YYYY-MM-DD'), 'undated') as dated,
              p.dataset_id, p.source_note
         from broadband_plan_status p join comune c on c.istat_code = p.comune_istat_code
        where p.comune_istat_code = any(?::text[]) order by 1, 2`,
      [comuniParam(comuni)],
    ),
    readRows<MappingRow>(
      ctx,
      `select c.istat_code as comune, m.code, m.name, to_char(m.published_on, 'YYYY-MM-DD') as "on",
              m.published_precision as precision, m.threshold_mbps as threshold, m.horizon_year as horizon,
              count(o.pk) filter (where o.category = 'A')::int as a,
              count(o.pk) filter (where o.category = 'B')::int as b,
              count(o.pk) filter (where o.category = 'C')::int as c,
              m.dataset_id, m.source_note
         from broadband_mapping m cross join comune c
         left join coverage_observation o on o.mapping_code = m.code and o.comune_istat_code = c.istat_code
        where c.istat_code = any(?::text[]) and m.published_on is not null
          and exists (select 1 from coverage_observation x where x.mapping_code = m.code)
        group by 1, 2`,
      [comuniParam(comuni)],
    ),
  ]);
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
