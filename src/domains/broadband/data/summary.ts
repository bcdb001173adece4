import type { DatePrecision } from '../../../common/dates.js';
import { readRows } from '../../../common/read.js';
import type { HubContext } from '../../../common/context.js';
import { Comune } from '../../../core/model/comune.entity.js';
import { hubLoaders } from '../../../core/data/loaders.js';
import { GroupingMember, TerritorialGrouping } from '../../../core/model/grouping.entity.js';
import { resolveTerritory } from '../../../core/data/territory.js';
import { BroadbandSummaryRow, type BroadbandFigures } from '../api/types.js';
import { CoverageStatus, Plan, Technology, BroadbandGroupBy } from '../model/enums.js';
import {
  gapFacts,
  gapFigures,
  planFigures,
  planRows,
  type GapFacts,
  type PlanFactRow,
} from './gaps.stats.js';
import { aggregate, figures, networkKm, sumNetworkKm, type StatsKey } from './stats.js';
import { comuniParam } from '../../../common/keys.js';
import { isIstatCode } from '../../../common/keys.js';

const KEY: Record<BroadbandGroupBy, StatsKey> = {
  COMUNE: 'comune',
  PLAN: 'plan',
  TECHNOLOGY: 'technology',
  STATUS: 'status',
  GROUPING: 'grouping',
};

const PLAN_LABEL: Record<Plan, string> = {
  WHITE_AREAS_BUL: 'White areas (aree bianche, Piano BUL)',
  GREY_AREAS_1GIGA: 'Grey areas (aree grigie, Italia a 1 Giga)',
  COMMERCIAL: 'Commercial networks',
};

/** The real figures of a row's comuni (null for keys that are not sets of comuni). */
function real(facts: GapFacts, plan: PlanFactRow[], comuni: readonly string[] | null) {
  if (!comuni) return { gaps: null, plan: null };
  const current = facts.mappings.find((m) => m.code === facts.current);
  return {
    gaps: current ? gapFigures(facts, current, comuni) : null,
    plan: planFigures(plan, comuni),
  };
}

const toRow = (
  key: string,
  label: string,
  f: BroadbandFigures,
  extra: Pick<BroadbandSummaryRow, 'gaps' | 'plan'>,
): BroadbandSummaryRow =>
  Object.assign(new BroadbandSummaryRow(), f, {
    key,
    label,
    ftthShare: f.coverage?.ftthShare ?? null,
    gigabitShare: f.coverage?.gigabitShare ?? null,
    atLeast200MbpsShare: f.coverage?.atLeast200MbpsShare ?? null,
    ...extra,
  });

const NOT_A_SET = 'Does not apply: the row is not a set of comuni.';

/** Builds `broadbandSummary`: a constant number of statements whatever the territory and grouping. */
export async function summarise(ctx: HubContext, territory: string, groupBy: BroadbandGroupBy) {
  const comuni = await resolveTerritory(ctx, territory);
  const [cells, km, facts, plan] = await Promise.all([
    aggregate(ctx, comuni, KEY[groupBy]),
    networkKm(ctx, comuni),
    gapFacts(ctx, comuni),
    planRows(ctx, comuni),
  ]);
  const totalKm = sumNetworkKm(comuni.map((c) => km.get(c)));
  const loaders = hubLoaders(ctx);
  const named = isIstatCode(territory)
    ? (await loaders.comune.load(territory))?.name
    : (await loaders.grouping.load(territory))?.name;
  const byKey = new Map<string, typeof cells>();
  for (const c of cells) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  let keys: {
    key: string;
    label: string;
    comuni: readonly string[] | null;
    km: ReturnType<typeof sumNetworkKm>;
  }[];
  const none = { km: null, note: NOT_A_SET };
  switch (groupBy) {
    case BroadbandGroupBy.COMUNE: {
      const found = await loaders.comune.loadMany(comuni);
      keys = found
        .filter((c): c is Comune => c instanceof Comune)
        .map((c) => ({
          key: c.istatCode,
          label: c.name,
          comuni: [c.istatCode],
          km: km.get(c.istatCode)!,
        }));
      break;
    }
    case BroadbandGroupBy.GROUPING: {
      const codes = (
        await ctx.em.execute<{ code: string }[]>(
          `select distinct grouping_code as code from grouping_member
            where comune_istat_code = any(?::text[]) order by 1`,
          [comuniParam(comuni)],
        )
      ).map((r) => r.code);
      const [lists, groupings] = await Promise.all([
        loaders.membersOfGrouping.loadMany(codes),
        loaders.grouping.loadMany(codes),
      ]);
      const inTerritory = new Set(comuni);
      keys = codes.flatMap((code, i) => {
        const g = groupings[i];
        const list = lists[i];
        if (!(g instanceof TerritorialGrouping) || !Array.isArray(list)) return [];
        const members = list
          .map((m: GroupingMember) => m.comune.unwrap().istatCode)
          .filter((c) => inTerritory.has(c));
        return [
          {
            key: code,
            label: g.name,
            comuni: members,
            km: sumNetworkKm(members.map((c) => km.get(c))),
          },
        ];
      });
      break;
    }
    case BroadbandGroupBy.PLAN:
      keys = Object.values(Plan).map((p) => ({
        key: p,
        label: PLAN_LABEL[p],
        comuni: null,
        km: p === Plan.WHITE_AREAS_BUL ? totalKm : none,
      }));
      break;
    case BroadbandGroupBy.TECHNOLOGY:
      keys = Object.values(Technology).map((t) => ({ key: t, label: t, comuni: null, km: none }));
      break;
    default:
      keys = Object.values(CoverageStatus).map((s) => ({
        key: s,
        label: s,
        comuni: null,
        km: none,
      }));
  }
  return {
    territory,
    groupBy,
    total: toRow(territory, named ?? territory, figures(cells, totalKm), real(facts, plan, comuni)),
    rows: keys.map((k) =>
      toRow(k.key, k.label, figures(byKey.get(k.key) ?? [], k.km), real(facts, plan, k.comuni)),
    ),
  };
}

export interface PlanEventRow {
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

export interface MappingEventRow {
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

/** The plan rows and the mappings' counts of the comuni, as timeline rows: two statements for any number of comuni. */
export function timelineRows(ctx: HubContext, comuni: readonly string[]) {
  return Promise.all([
    readRows<PlanEventRow>(
      ctx,
      `select p.comune_istat_code as comune, p.place, c.name, p.fibre_plan_year as fibre_year,
              p.fibre_state_text as fibre_state, p.fwa_plan_year as fwa_year, p.fwa_state_text as fwa_state,
              coalesce('as of ' || to_char(p.as_of, 'YYYY-MM-DD'), 'published by ' || to_char(p.known_by, 'YYYY-MM-DD'), 'undated') as dated,
              p.dataset_id, p.source_note
         from broadband_plan_status p join comune c on c.istat_code = p.comune_istat_code
        where p.comune_istat_code = any(?::text[]) order by 1, 2`,
      [comuniParam(comuni)],
    ),
    readRows<MappingEventRow>(
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
}
