import { Prng } from './prng.js';

/** The published figures the sample is calibrated to (seeds/data/broadband/calibration.json). */
export interface Calibration {
  seed: string;
  territory: string;
  residentsPerCivicNumber: [number, number];
  whiteAreas: { comuni: number; units: number; networkKm: number; excluded: string[] };
  greyAreas: { comuni: number; civicNumbers: number; include: string[] };
}

/** What the plan needs to know of a comune. */
export interface ComuneInput {
  istatCode: string;
  population: number;
  member: boolean;
}

/** The calibrated targets of one comune. */
export interface ComunePlan {
  istatCode: string;
  addresses: number;
  /** Real-estate units to put in the white areas (0 when none). */
  whiteUnits: number;
  /** Civic numbers to put in the grey areas (0 when none). */
  greyAddresses: number;
  /** White-area network length in hundredths of a km. */
  whiteCentiKm: number;
}

/** Mean units per civic number of a comune with `n` civic numbers (see `unitsOf`). */
export const flatShare = (n: number) =>
  Math.min(0.35, Math.max(0.05, 0.05 + 0.1 * Math.log10(n / 100)));
export const meanUnits = (n: number) => (1 - flatShare(n)) * 1.25 + flatShare(n) * 7.5;

/** Splits `total` integer units by weights, exactly (largest remainder). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const raw = weights.map((w) => (sum ? (total * w) / sum : 0));
  const out = raw.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) if (left-- > 0) out[i]++;
  return out;
}

/** Water-fills `total` over weights without passing each cap; returns the amounts. */
function capped(total: number, weights: number[], caps: number[]): number[] {
  let lo = 0,
    hi = total / Math.max(1e-9, Math.min(...weights.filter((w) => w > 0)));
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    const s = weights.reduce((acc, w, j) => acc + Math.min(caps[j], w * mid), 0);
    if (s < total) lo = mid;
    else hi = mid;
  }
  return weights.map((w, j) => Math.min(caps[j], w * hi));
}

/**
 * Decides, from the seed alone, how many civic numbers each comune gets and which
 * consortium comuni get white-area and grey-area coverage, with totals matching the
 * published figures times `scale`. Which comuni get which plan is synthetic.
 */
export function planSample(cal: Calibration, comuni: ComuneInput[], scale: number): ComunePlan[] {
  const rng = new Prng(`${cal.seed}:plan`);
  const [lo, hi] = cal.residentsPerCivicNumber;
  const plans = comuni.map((c) => ({
    istatCode: c.istatCode,
    addresses: Math.max(
      1,
      Math.round(
        (c.population * scale) / new Prng(`${cal.seed}:${c.istatCode}:ratio`).range(lo, hi),
      ),
    ),
    whiteUnits: 0,
    greyAddresses: 0,
    whiteCentiKm: 0,
  }));
  const byCode = new Map(plans.map((p) => [p.istatCode, p]));
  const members = comuni
    .filter((c) => c.member)
    .map((c) => c.istatCode)
    .sort();

  const whiteSet = rng
    .shuffle(members.filter((c) => !cal.whiteAreas.excluded.includes(c)))
    .slice(0, cal.whiteAreas.comuni);
  const white = whiteSet.map((c) => byCode.get(c)!);
  const expectedUnits = white.map((p) => p.addresses * meanUnits(p.addresses));
  const weights = expectedUnits.map((u) => u * rng.range(0.5, 1.5));
  const amounts = capped(
    cal.whiteAreas.units * scale,
    weights,
    expectedUnits.map((u) => 0.8 * u),
  );
  const units = apportion(cal.whiteAreas.units * scale, amounts);
  white.forEach((p, i) => (p.whiteUnits = units[i]));
  const km = apportion(
    Math.round(cal.whiteAreas.networkKm * 100 * scale),
    units.map((u) => u ** 0.8 * rng.range(0.8, 1.2)),
  );
  white.forEach((p, i) => (p.whiteCentiKm = km[i]));

  const others = rng.shuffle(members.filter((c) => !cal.greyAreas.include.includes(c)));
  const greySet = [...cal.greyAreas.include, ...others].slice(0, cal.greyAreas.comuni);
  const grey = greySet.map((c) => byCode.get(c)!);
  // Room left once the white areas are taken (in civic numbers), kept well below the total.
  const room = grey.map((p) => 0.5 * (p.addresses - p.whiteUnits / meanUnits(p.addresses)));
  const greyAmounts = capped(
    cal.greyAreas.civicNumbers * scale,
    grey.map((p) => p.addresses * rng.range(0.5, 1.5)),
    room,
  );
  apportion(cal.greyAreas.civicNumbers * scale, greyAmounts).forEach(
    (n, i) => (grey[i].greyAddresses = n),
  );
  return plans;
}
