import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubContext } from '../../../common/context.js';
import { readRows } from '../../../common/read.js';
import { CoverageStatus, Plan, Technology } from '../model/enums.js';
import type { BroadbandFigures } from '../api/types.js';
import { comuniParam } from '../../../common/keys.js';

/** One aggregate cell: a key crossed with plan, technology, status and synthetic-ness. */
export interface Cell {
  key: string;
  plan: Plan;
  technology: Technology;
  status: CoverageStatus;
  synthetic: boolean;
  addresses: number;
  units: number;
  ftth: number;
  gigabit: number;
  mbps200: number;
}

/** What the figures are grouped by, as a SQL expression over `a`, `c` and `m`. */
export type StatsKey = 'comune' | 'plan' | 'technology' | 'status' | 'grouping';

const KEY_SQL: Record<StatsKey, string> = {
  comune: 'a.comune_istat_code',
  plan: 'a.plan::text',
  technology: 'a.technology::text',
  status: 'a.status::text',
  grouping: 'm.grouping_code',
};

/**
 * Recomputes the coverage cells (materialized view `broadband_cell`) after a write, and
 * bumps its data version when the cells changed (no trigger sees a refresh; the response
 * cache and the exports' ETags key on it).
 */
export async function refreshBroadbandStats(em: EntityManager): Promise<void> {
  // The version moves only when the cells change: a re-run of an import that changed no row
  // leaves every data version (exports' ETags, cached answers) as it was.
  const digest = `select md5(coalesce(string_agg(c::text, '|' order by c::text), '')) as d
                    from broadband_cell c`;
  const [before] = await em.execute<{ d: string }[]>(digest);
  await em.execute('refresh materialized view broadband_cell');
  const [after] = await em.execute<{ d: string }[]>(digest);
  if (before.d !== after.d) await em.execute(`select hub_bump_table('broadband_cell')`);
}

/**
 * Aggregates the per-address coverage records of some comuni in ONE statement, grouped by
 * a key and by plan, technology, status and whether the records are synthetic, from which
 * every figure is folded in memory. Reads the per-comune cells of the materialized view
 * `broadband_cell` (refreshed on every write).
 */
export async function aggregate(
  ctx: HubContext,
  comuni: readonly string[],
  key: StatsKey,
): Promise<Cell[]> {
  if (!comuni.length) return [];
  const join =
    key === 'grouping' ? 'join grouping_member m on m.comune_istat_code = a.comune_istat_code' : '';
  return readRows<Cell>(
    ctx,
    `select ${KEY_SQL[key]} as key, a.plan, a.technology, a.status, d.synthetic,
            sum(a.addresses)::int as addresses, sum(a.units)::int as units,
            sum(a.ftth)::int as ftth, sum(a.gigabit)::int as gigabit, sum(a.mbps200)::int as mbps200
       from broadband_cell a join dataset d on d.id = a.dataset_id ${join}
      where a.comune_istat_code = any(?::text[])
      group by 1, 2, 3, 4, 5`,
    [comuniParam(comuni)],
  );
}
/** The white-area network length of a comune, or why it is unknown. */
export interface NetworkKm {
  km: number | null;
  note: string;
}

/** Why a comune's white-area network length is null. */
export const KM_UNKNOWN = {
  member:
    'Unknown: no open data give the length of the white-area network per comune; the press gives about 360 km for the 52 Consorzio.IT comuni together (a claim that no open data can verify, see broadbandClaims).',
  outside:
    'Unknown: the comune is outside the territory of the white-area figures (the 52 Consorzio.IT comuni), and no open data give the length per comune.',
};

/**
 * White-area network km of some comuni, exact decimals from the database, with the note of
 * each figure (its origin) or the reason it is unknown (no row: null, never 0).
 */
export async function networkKm(
  ctx: HubContext,
  comuni: readonly string[],
): Promise<Map<string, NetworkKm>> {
  if (!comuni.length) return new Map();
  const rows = await readRows<{
    comune: string;
    km: string | null;
    note: string | null;
    member: boolean;
  }>(
    ctx,
    `select c.code as comune, w.km::text as km, w.source_note as note,
            exists (select 1 from grouping_member m where m.comune_istat_code = c.code
                      and m.grouping_code = 'consorzio-it') as member
       from unnest(?::text[]) as c(code)
       left join white_area_network w on w.comune_istat_code = c.code`,
    [comuniParam(comuni)],
  );
  return new Map(
    rows.map((r) => [
      r.comune,
      r.km == null
        ? { km: null, note: r.member ? KM_UNKNOWN.member : KM_UNKNOWN.outside }
        : { km: Number(r.km), note: r.note ?? '' },
    ]),
  );
}

/** Sums the known km of some comuni; null when none is known, with a note on the coverage. */
export function sumNetworkKm(values: (NetworkKm | undefined)[]): NetworkKm {
  const known = values.filter((v): v is NetworkKm => v?.km != null);
  if (!known.length)
    return {
      km: null,
      note: 'Unknown: no comune of the set has a white-area network length (no open data give it per comune).',
    };
  const km = sumKm(known.map((v) => v.km!));
  return {
    km,
    note:
      known.length === values.length
        ? `Sum over the ${known.length} comuni (${[...new Set(known.map((v) => v.note))].join('; ')}).`
        : `Sum over the ${known.length} of ${values.length} comuni whose length is known; unknown elsewhere (${[...new Set(known.map((v) => v.note))].join('; ')}).`,
  };
}

/**
 * part / whole rounded half up to 4 decimals in integer arithmetic, so that it equals
 * PostgreSQL's `round(part::numeric / whole, 4)` (the exports) exactly; null when whole is 0.
 */
export const share = (part: number, whole: number) =>
  whole ? Math.floor((20000 * part + whole) / (2 * whole)) / 10000 : null;

/**
 * Folds cells into figures. With no per-address coverage record at all, every count,
 * share and breakdown is null: the hub holds no such record for the set (the open data
 * give none), which is not zero.
 */
export function figures(cells: Cell[], km: NetworkKm): BroadbandFigures {
  const sum = (pick: (c: Cell) => number, where: (c: Cell) => boolean = () => true) =>
    cells.filter(where).reduce((s, c) => s + pick(c), 0);
  const base = { networkKm: km.km, networkKmNote: km.note };
  if (!cells.length)
    return {
      ...base,
      addressCount: null,
      unitCount: null,
      synthetic: null,
      coverage: null,
      byPlan: null,
      byTechnology: null,
      byStatus: null,
    };
  const units = sum((c) => c.units);
  const count = <K extends string>(values: K[], of: (c: Cell) => K) =>
    values.map((v) => ({
      addressCount: sum(
        (c) => c.addresses,
        (c) => of(c) === v,
      ),
      unitCount: sum(
        (c) => c.units,
        (c) => of(c) === v,
      ),
      value: v,
    }));
  return {
    ...base,
    addressCount: sum((c) => c.addresses),
    unitCount: units,
    synthetic: cells.some((c) => c.synthetic),
    coverage: {
      ftthShare: share(
        sum((c) => c.ftth),
        units,
      ),
      gigabitShare: share(
        sum((c) => c.gigabit),
        units,
      ),
      atLeast200MbpsShare: share(
        sum((c) => c.mbps200),
        units,
      ),
    },
    byPlan: count(Object.values(Plan), (c) => c.plan).map(({ value, ...n }) => ({
      plan: value,
      ...n,
    })),
    byTechnology: count(Object.values(Technology), (c) => c.technology).map(({ value, ...n }) => ({
      technology: value,
      ...n,
    })),
    byStatus: count(Object.values(CoverageStatus), (c) => c.status).map(({ value, ...n }) => ({
      status: value,
      ...n,
    })),
  };
}

/** Adds exact decimals given as numbers of km (two decimals) without float drift. */
export const sumKm = (values: number[]) =>
  values.reduce((s, v) => s + Math.round(v * 100), 0) / 100;
