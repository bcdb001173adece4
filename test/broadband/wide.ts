import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import {
  BroadbandComuniCoverageDocument,
  BroadbandComuniGapsDocument,
  BroadbandComuniPlanDocument,
} from '../generated/graphql.js';
import type { createTestHub } from '../support/hub.js';

type Run = Awaited<ReturnType<typeof createTestHub>>['run'];
type Value = string | number | boolean | null | undefined;

/**
 * Every `bb_*` column of the wide table, as the API field of the same meaning gives it for
 * a comune (the column descriptions name the fields). A column missing here fails the test,
 * so that no new column goes unchecked.
 */
async function apiColumns(run: Run): Promise<Map<string, Record<string, Value>>> {
  const [gaps, plan, coverage] = await Promise.all([
    run(BroadbandComuniGapsDocument, { grouping: 'province-cr' }),
    run(BroadbandComuniPlanDocument, { grouping: 'province-cr' }),
    run(BroadbandComuniCoverageDocument, { grouping: 'province-cr' }),
  ]);
  for (const r of [gaps, plan, coverage]) expect(r.errors).toBeUndefined();
  const out = new Map<string, Record<string, Value>>();
  for (const { node } of gaps.data!.comuni.edges) {
    const g = node.broadband.gaps;
    const cat = (c: string) => g?.byCategory.find((x) => x.category === c)?.count;
    out.set(node.istatCode, {
      bb_gaps_mapping: g?.mapping.code,
      bb_gaps_listed_count: g?.listedCount,
      bb_gaps_category_a: cat('A'),
      bb_gaps_category_b: cat('B'),
      bb_gaps_category_c: cat('C'),
      bb_gaps_anncsu_civic_numbers: g?.anncsuCivicNumbers,
      bb_gaps_share_of_anncsu: g?.shareOfAnncsu,
      bb_gaps_share_note: g?.shareNote,
    });
  }
  for (const { node } of plan.data!.comuni.edges) {
    const b = node.broadband;
    const list = (pick: (p: NonNullable<typeof b.plan>[number]) => Value) =>
      b.plan ? b.plan.map((p) => pick(p) ?? '').join(';') : null;
    const one = (pick: (p: NonNullable<typeof b.plan>[number]) => Value) =>
      b.plan ? [...new Set(b.plan.map(pick))].join(';') || null : null;
    Object.assign(out.get(node.istatCode)!, {
      bb_fibre_in_plan: b.fibreInPlan,
      bb_fwa_in_plan: b.fwaInPlan,
      bb_plan_places: list((p) => p.place),
      bb_plan_fibre_state: list((p) => p.fibre.state),
      bb_plan_fibre_year: list((p) => p.fibre.planYear),
      bb_plan_fwa_state: list((p) => p.fwa.state),
      bb_plan_fwa_year: list((p) => p.fwa.planYear),
      bb_plan_as_of: one((p) => p.asOf),
      bb_plan_known_by: one((p) => p.knownBy),
    });
  }
  for (const { node } of coverage.data!.comuni.edges) {
    const b = node.broadband;
    const plan = (p: string) => b.byPlan?.find((x) => x.plan === p);
    Object.assign(out.get(node.istatCode)!, {
      bb_addresses: b.addressCount,
      bb_units: b.unitCount,
      bb_coverage_synthetic: b.synthetic,
      bb_white_area_network_km: b.networkKm,
      bb_white_area_network_km_note: b.networkKmNote,
      bb_ftth_share: b.coverage?.ftthShare,
      bb_gigabit_share: b.coverage?.gigabitShare,
      bb_200mbps_share: b.coverage?.atLeast200MbpsShare,
      ...Object.fromEntries(
        ['WHITE_AREAS_BUL', 'GREY_AREAS_1GIGA', 'COMMERCIAL'].flatMap((p) => [
          [`bb_${p.toLowerCase()}_addresses`, plan(p)?.addressCount],
          [`bb_${p.toLowerCase()}_units`, plan(p)?.unitCount],
        ]),
      ),
    });
  }
  return out;
}

/** A CSV cell read as the API would give it: empty is null, t/f are booleans. */
function same(csv: string, api: Value): boolean {
  if (api == null) return csv === '';
  if (typeof api === 'boolean') return csv === String(api) || csv === (api ? 't' : 'f');
  if (typeof api === 'number') return csv !== '' && Number(csv) === api;
  return csv === api;
}

/**
 * Fetches the wide table and compares every bb_* column of every comune with the API.
 * Returns the rows, for further checks.
 */
export async function expectWideEqualsApi(
  fetchCsv: () => Promise<string>,
  run: Run,
): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = parse(await fetchCsv(), { columns: true });
  const api = await apiColumns(run);
  const columns = Object.keys(rows[0]).filter((c) => c.startsWith('bb_'));
  const checked = Object.keys(api.get('019035')!);
  expect(columns.sort()).toEqual(checked.sort());
  expect(rows).toHaveLength(api.size);
  const differences: string[] = [];
  for (const row of rows)
    for (const c of columns) {
      const want = api.get(row.istat_code)![c];
      if (!same(row[c], want))
        differences.push(`${row.istat_code} ${c}: csv "${row[c]}" api ${JSON.stringify(want)}`);
    }
  expect(differences.slice(0, 10)).toEqual([]);
  return rows;
}
