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

const active = "c.status = 'ACTIVATABLE'";

const KEY_SQL: Record<StatsKey, string> = {
  comune: 'a.comune_istat_code',
  plan: 'c.plan::text',
  technology: 'c.technology::text',
  status: 'c.status::text',
  grouping: 'm.grouping_code',
};

/**
 * Aggregates the civic addresses of some comuni in ONE statement, grouped by a key and
 * by plan, technology and status, from which every figure is folded in memory.
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
    `select ${KEY_SQL[key]} as key, c.plan, c.technology, c.status,
            count(*)::int as addresses, sum(a.units)::int as units,
            coalesce(sum(a.units) filter (where ${active} and c.technology = 'FTTH'), 0)::int as ftth,
            coalesce(sum(a.units) filter (where ${active} and c.max_download_mbps >= 1000), 0)::int as gigabit,
            coalesce(sum(a.units) filter (where ${active} and c.max_download_mbps >= 200), 0)::int as mbps200
       from civic_address a join address_coverage c on c.address_pk = a.pk ${join}
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
