import type { HubContext } from '../../../common/context.js';
import { readRows } from '../../../common/read.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  BroadbandGaps,
  BroadbandPlanFigures,
  GapCategoryCount,
  PlanStateCount,
} from '../api/types.js';
import { GAP_CATEGORY_MEANING, GapCategory, PlanWorkState } from '../model/enums.js';
import { ANNCSU_LOW_PER_RESIDENT } from '../model/anncsu.entity.js';
import { BroadbandMapping, CURRENT_MAPPING_SQL } from '../model/mapping.entity.js';
import { share } from './stats.js';
import { comuniParam } from '../../../common/keys.js';

/** The current mapping (the newest with observations), or null when none is loaded. */
export async function currentMapping(em: EntityManager): Promise<BroadbandMapping | null> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select * from broadband_mapping where code = ${CURRENT_MAPPING_SQL}`,
  );
  return rows.length ? em.map(BroadbandMapping, rows[0]) : null;
}

/** Observation counts of a comune by mapping and category. */
export interface GapCount {
  comune: string;
  mapping: string;
  category: GapCategory;
  n: number;
}

/** The ANNCSU count of a comune, and its residents (to judge whether it is complete). */
export interface AnncsuFact {
  comune: string;
  total: number;
  residents: number | null;
}

/** Everything the gap figures of some comuni need: three small statements. */
export interface GapFacts {
  mappings: BroadbandMapping[];
  current: string | null;
  counts: GapCount[];
  anncsu: Map<string, AnncsuFact>;
}

/** Loads the mappings, the observation counts and the ANNCSU counts of some comuni. */
export async function gapFacts(ctx: HubContext, comuni: readonly string[]): Promise<GapFacts> {
  const list = comuniParam(comuni);
  const { em } = ctx;
  const [mappingRows, counts, anncsu] = await Promise.all([
    readRows<Record<string, unknown> & { is_current: boolean }>(
      ctx,
      `select m.*, m.code = ${CURRENT_MAPPING_SQL} as is_current from broadband_mapping m
        where exists (select 1 from coverage_observation o where o.mapping_code = m.code)
        order by m.year desc`,
    ),
    readRows<GapCount>(
      ctx,
      `select comune_istat_code as comune, mapping_code as mapping, category, count(*)::int as n
         from coverage_observation where comune_istat_code = any(?::text[])
        group by 1, 2, 3`,
      [list],
    ),
    readRows<AnncsuFact>(
      ctx,
      `select n.comune_istat_code as comune, n.total, c.pop_resident2021 as residents
         from anncsu_civic_count n join comune c on c.istat_code = n.comune_istat_code
        where n.comune_istat_code = any(?::text[])`,
      [list],
    ),
  ]);
  return {
    mappings: mappingRows.map(({ is_current: _c, ...r }) => em.map(BroadbandMapping, r)),
    current: (mappingRows.find((r) => r.is_current)?.code as string | undefined) ?? null,
    counts,
    anncsu: new Map(anncsu.map((a) => [a.comune, a])),
  };
}

/** The notes of a single comune's share, shared by the API and the exports. */
export const SHARE_NOTES = {
  unknown:
    'Unknown: ANNCSU\u2019s count of civic numbers is not available for this comune (35 of the 113 comuni have none).',
  belowListed: (total: string, listed: string) =>
    `Not given: ANNCSU registers ${total} civic number(s) here, fewer than the ${listed} the mapping lists, so its count is incomplete.`,
  doubtful: `ANNCSU registers very few civic numbers per resident in this comune (below ${ANNCSU_LOW_PER_RESIDENT}): the archive is probably incomplete there, so the share is probably too high.`,
};

/**
 * Folds a mapping's figures over some comuni. The share of the ANNCSU civic numbers uses
 * only the comuni whose count is known and not below the listed civics (a smaller count
 * cannot be complete); a count very low per resident is kept but said to be doubtful.
 */
export function gapFigures(
  facts: GapFacts,
  mapping: BroadbandMapping,
  comuni: readonly string[],
): BroadbandGaps {
  const set = new Set(comuni);
  const counts = facts.counts.filter((c) => c.mapping === mapping.code && set.has(c.comune));
  const listedIn = (comune: string) =>
    counts.filter((c) => c.comune === comune).reduce((s, c) => s + c.n, 0);
  const byCategory = Object.values(GapCategory).map((category) =>
    Object.assign(new GapCategoryCount(), {
      category,
      meaning: GAP_CATEGORY_MEANING[category],
      count: counts.filter((c) => c.category === category).reduce((s, c) => s + c.n, 0),
    }),
  );
  const listedCount = byCategory.reduce((s, c) => s + c.count, 0);
  const known = comuni.flatMap((c) => {
    const a = facts.anncsu.get(c);
    return a ? [{ ...a, listed: listedIn(c) }] : [];
  });
  const usable = known.filter((a) => a.total >= a.listed);
  const doubtful = usable.filter(
    (a) => a.residents != null && a.total / a.residents < ANNCSU_LOW_PER_RESIDENT,
  );
  const anncsuCivicNumbers = known.length ? known.reduce((s, a) => s + a.total, 0) : null;
  let shareOfAnncsu: number | null = null;
  let shareNote: string | null = null;
  const one = comuni.length === 1;
  if (!known.length)
    shareNote = one
      ? SHARE_NOTES.unknown
      : 'Unknown: ANNCSU\u2019s count of civic numbers is available for none of these comuni.';
  else if (!usable.length)
    shareNote = one
      ? SHARE_NOTES.belowListed(String(known[0].total), String(known[0].listed))
      : 'Not given: in every comune with an ANNCSU count, the count is below the listed civics (incomplete).';
  else {
    const listed = usable.reduce((s, a) => s + a.listed, 0);
    const total = usable.reduce((s, a) => s + a.total, 0);
    shareOfAnncsu = share(listed, total);
    const notes: string[] = [];
    if (!one && usable.length < comuni.length)
      notes.push(
        `Over the ${usable.length} of ${comuni.length} comuni whose ANNCSU count is known and not below the listed civics (${listed} listed of ${total} registered).`,
      );
    if (doubtful.length)
      notes.push(
        one
          ? SHARE_NOTES.doubtful
          : `ANNCSU registers very few civic numbers per resident in ${doubtful.length} of them (below ${ANNCSU_LOW_PER_RESIDENT}): the archive is probably incomplete there, so the share is probably too high.`,
      );
    shareNote = notes.length ? notes.join(' ') : null;
  }
  return Object.assign(new BroadbandGaps(), {
    mapping,
    current: mapping.code === facts.current,
    comuneCount: comuni.length,
    listedCount,
    byCategory,
    anncsuCivicNumbers,
    anncsuKnownComuni: known.length,
    shareOfAnncsu,
    shareNote,
  });
}

/** The plan rows (one per place) the plan figures fold. */
export interface PlanFactRow {
  comune: string;
  fibre_in_plan: boolean;
  fibre_state: PlanWorkState | null;
  fwa_in_plan: boolean;
  fwa_state: PlanWorkState | null;
}

/** Loads the plan rows of some comuni (one statement). */
export function planRows(ctx: HubContext, comuni: readonly string[]): Promise<PlanFactRow[]> {
  return readRows<PlanFactRow>(
    ctx,
    `select comune_istat_code as comune, fibre_in_plan, fibre_state, fwa_in_plan, fwa_state
       from broadband_plan_status where comune_istat_code = any(?::text[])`,
    [comuniParam(comuni)],
  );
}

/** Folds the plan over some comuni (null when the file has no row for any of them). */
export function planFigures(
  rows: PlanFactRow[],
  comuni: readonly string[],
): BroadbandPlanFigures | null {
  const set = new Set(comuni);
  const mine = rows.filter((r) => set.has(r.comune));
  if (!mine.length) return null;
  const by = new Map<string, PlanFactRow[]>();
  for (const r of mine) by.set(r.comune, [...(by.get(r.comune) ?? []), r]);
  const tech = (
    inPlan: (r: PlanFactRow) => boolean,
    state: (r: PlanFactRow) => PlanWorkState | null,
  ) => {
    const comuniIn = [...by.values()].filter((rs) => rs.some(inPlan));
    const completed = comuniIn.filter((rs) =>
      rs.filter(inPlan).every((r) => state(r) === PlanWorkState.COMPLETED),
    ).length;
    const states = new Map<PlanWorkState | null, number>();
    for (const r of mine.filter(inPlan)) states.set(state(r), (states.get(state(r)) ?? 0) + 1);
    const byState = [...Object.values(PlanWorkState), null]
      .filter((s) => states.has(s))
      .map((s) => Object.assign(new PlanStateCount(), { state: s, places: states.get(s)! }));
    return { inPlan: comuniIn.length, completed, byState };
  };
  const fibre = tech(
    (r) => r.fibre_in_plan,
    (r) => r.fibre_state,
  );
  const fwa = tech(
    (r) => r.fwa_in_plan,
    (r) => r.fwa_state,
  );
  return Object.assign(new BroadbandPlanFigures(), {
    comuniWithData: by.size,
    fibreInPlan: fibre.inPlan,
    fibreCompleted: fibre.completed,
    fwaInPlan: fwa.inPlan,
    fwaCompleted: fwa.completed,
    fibreByState: fibre.byState,
    fwaByState: fwa.byState,
  });
}
