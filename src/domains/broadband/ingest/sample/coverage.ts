import { CoverageStatus, Plan, Technology } from '../../model/enums.js';
import type { Prng } from './prng.js';
import type { ComunePlan } from './plan.js';
import type { SampleRow } from './generate.js';

/** A generated street with its civic numbers and distance from the comune's centre. */
export interface Street {
  type: string;
  name: string;
  rows: SampleRow[];
  distance: number;
}

const STEPS = [
  CoverageStatus.PLANNED,
  CoverageStatus.DESIGNED,
  CoverageStatus.IN_WORKS,
  CoverageStatus.ACTIVATABLE,
];

const iso = (year: number, dayOfYear: number) =>
  new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

/** Commercial coverage of a street: larger towns have more fibre. */
export function commercial(rng: Prng, n: number) {
  const big = n > 3000;
  const technology = rng.pick<Technology>([
    [Technology.FTTH, big ? 30 : 6],
    [Technology.FTTC, big ? 50 : 46],
    [Technology.FWA, big ? 12 : 30],
    [Technology.ADSL, big ? 8 : 18],
  ]);
  const [down, up] = {
    FTTH: [1000, 300],
    FTTC: rng.next() < 0.6 ? [200, 20] : [100, 20],
    FWA: rng.next() < 0.5 ? [100, 20] : [30, 3],
    ADSL: rng.next() < 0.5 ? [20, 1] : [7, 1],
  }[technology];
  return {
    technology,
    down,
    up,
    plan: Plan.COMMERCIAL,
    operator: null,
    status: CoverageStatus.ACTIVATABLE,
    statusOn: null,
    history: [] as [CoverageStatus, string][],
  };
}

/** A status history up to a status, with dates inside the plan's years. */
function history(rng: Prng, status: CoverageStatus, firstYear: number): [CoverageStatus, string][] {
  const out: [CoverageStatus, string][] = [];
  let year = firstYear;
  let day = rng.int(0, 300);
  for (const step of STEPS.slice(0, STEPS.indexOf(status) + 1)) {
    out.push([step, iso(year, day)]);
    day += rng.int(120, 420);
    year += Math.floor(day / 365);
    day %= 365;
  }
  return out;
}

/** Puts outskirts streets in the white areas and then streets in the grey areas, to the plan's targets. */
export function assignPlans(rng: Prng, streets: Street[], plan: ComunePlan): void {
  // White areas: outskirts and hamlets first (streets by distance from the centre, shuffled a little).
  const byDistance = [...streets].sort(
    (a, b) => b.distance * rng.range(0.7, 1.3) - a.distance * rng.range(0.7, 1.3),
  );
  let units = plan.whiteUnits;
  const rest: SampleRow[][] = [];
  for (const s of byDistance) {
    const status = rng.pick([
      [CoverageStatus.ACTIVATABLE, 88],
      [CoverageStatus.IN_WORKS, 6],
      [CoverageStatus.DESIGNED, 4],
      [CoverageStatus.PLANNED, 2],
    ] as const);
    const steps = history(rng, status, 2017 + rng.int(0, 2));
    const other: SampleRow[] = [];
    for (const r of s.rows) {
      if (units <= 0) {
        other.push(r);
        continue;
      }
      units -= r.units;
      Object.assign(r, {
        technology: Technology.FTTH,
        down: 1000,
        up: 100,
        plan: Plan.WHITE_AREAS_BUL,
        operator: 'open-fiber',
        status,
        statusOn: steps.at(-1)![1],
        history: steps,
      });
    }
    if (other.length) rest.push(other);
  }
  let grey = plan.greyAddresses;
  for (const rows of rng.shuffle(rest)) {
    if (grey <= 0) break;
    const status = rng.pick([
      [CoverageStatus.ACTIVATABLE, 20],
      [CoverageStatus.IN_WORKS, 35],
      [CoverageStatus.DESIGNED, 30],
      [CoverageStatus.PLANNED, 15],
    ] as const);
    const steps = history(rng, status, 2022);
    for (const r of rows.slice(0, grey))
      Object.assign(r, {
        technology: Technology.FTTH,
        down: 1000,
        up: 200,
        plan: Plan.GREY_AREAS_1GIGA,
        operator: 'open-fiber',
        status,
        statusOn: steps.at(-1)![1],
        history: steps,
      });
    grey -= Math.min(grey, rows.length);
  }
}
