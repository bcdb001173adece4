import type { EntityManager } from '@mikro-orm/postgresql';
import { CoverageStatus, Plan, Technology } from './enums.js';
import type { BroadbandFigures } from './broadband.types.js';

/** One aggregate cell: a key crossed with plan, technology and status. */
interface Cell {
  key: string;
  plan: Plan;
  technology: Technology;
  status: CoverageStatus;
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

/** Recomputes the coverage cells (materialized view `broadband_cell`) after a write. */
export async function refreshBroadbandStats(em: EntityManager): Promise<void> {
  await em.execute('refresh materialized view broadband_cell');
}

/**
 * Aggregates the civic addresses of some comuni in ONE statement, grouped by a key and
 * by plan, technology and status, from which every figure is folded in memory. Reads the
 * per-comune cells of the materialized view `broadband_cell` (refreshed on every write).
 */
export async function aggregate(
  em: EntityManager,
  comuni: readonly string[],
  key: StatsKey,
): Promise<Cell[]> {
  if (!comuni.length) return [];
  const join =
    key === 'grouping' ? 'join grouping_member m on m.comune_istat_code = a.comune_istat_code' : '';
  return em.execute<Cell[]>(
    `select ${KEY_SQL[key]} as key, a.plan, a.technology, a.status,
            sum(a.addresses)::int as addresses, sum(a.units)::int as units,
            sum(a.ftth)::int as ftth, sum(a.gigabit)::int as gigabit, sum(a.mbps200)::int as mbps200
       from broadband_cell a ${join}
      where a.comune_istat_code = any(string_to_array(?, ','))
      group by 1, 2, 3, 4`,
    [comuni.join(',')],
  );
}
/** White-area network km of some comuni, exact decimals summed by the database per comune. */
export async function networkKm(
  em: EntityManager,
  comuni: readonly string[],
): Promise<Map<string, number>> {
  if (!comuni.length) return new Map();
  const rows = await em.execute<{ comune: string; km: string }[]>(
    `select comune_istat_code as comune, km from white_area_network
      where comune_istat_code = any(string_to_array(?, ','))`,
    [comuni.join(',')],
  );
  return new Map(rows.map((r) => [r.comune, Number(r.km)]));
}

const share = (part: number, whole: number) =>
  whole ? Math.round((part / whole) * 10000) / 10000 : null;

/** Folds cells into figures (empty cells give zero counts and null shares). */
export function figures(cells: Cell[], km: number | null): BroadbandFigures {
  const sum = (pick: (c: Cell) => number, where: (c: Cell) => boolean = () => true) =>
    cells.filter(where).reduce((s, c) => s + pick(c), 0);
  const units = sum((c) => c.units);
  return {
    addressCount: sum((c) => c.addresses),
    unitCount: units,
    networkKm: km,
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
    byPlan: Object.values(Plan).map((plan) => ({
      plan,
      addressCount: sum(
        (c) => c.addresses,
        (c) => c.plan === plan,
      ),
      unitCount: sum(
        (c) => c.units,
        (c) => c.plan === plan,
      ),
    })),
    byTechnology: Object.values(Technology).map((technology) => ({
      technology,
      addressCount: sum(
        (c) => c.addresses,
        (c) => c.technology === technology,
      ),
      unitCount: sum(
        (c) => c.units,
        (c) => c.technology === technology,
      ),
    })),
    byStatus: Object.values(CoverageStatus).map((status) => ({
      status,
      addressCount: sum(
        (c) => c.addresses,
        (c) => c.status === status,
      ),
      unitCount: sum(
        (c) => c.units,
        (c) => c.status === status,
      ),
    })),
  };
}

/** Adds exact decimals given as numbers of km (two decimals) without float drift. */
export const sumKm = (values: number[]) =>
  values.reduce((s, v) => s + Math.round(v * 100), 0) / 100;
