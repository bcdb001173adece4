import { foldName } from '../../../../common/text.js';
import type { CoverageStatus, Plan, Technology } from '../../model/enums.js';
import { contains, distanceMeters, offset, type Shape } from '../../rules/geo.js';
import { Prng } from './prng.js';
import { assignPlans, commercial, type Street } from './coverage.js';
import { flatShare, type ComunePlan } from './plan.js';

/** Street-name lists (seeds/data/broadband/street-names.json). */
export interface StreetNames {
  core: [string, string][];
  names: string[];
  hamlets: string[];
}

/** A comune as the generator sees it. */
export interface ComuneGeo {
  istatCode: string;
  postalCode: string;
  centroid: [number, number];
  areaKm2: number;
  shape: Shape;
}

/** One civic number with its coverage, ready to insert. */
export interface SampleRow {
  code: string;
  comune: string;
  streetType: string;
  streetName: string;
  nameKey: string;
  number: number;
  exponent: string;
  postalCode: string;
  lat: number;
  lon: number;
  units: number;
  technology: Technology;
  down: number;
  up: number;
  plan: Plan;
  operator: string | null;
  status: CoverageStatus;
  statusOn: string | null;
  history: [CoverageStatus, string][];
}

const DUG_MIX = [
  ['VIA', 78],
  ['VICOLO', 6],
  ['STRADA', 5],
  ['VIALE', 4],
  ['PIAZZA', 3],
  ['LARGO', 2],
  ['CORSO', 2],
] as const;

/** A point of the comune, near the centre (town) or anywhere (countryside). */
function pointIn(rng: Prng, c: ComuneGeo, rural: boolean): [number, number] {
  const sd = Math.max(250, 220 * Math.sqrt(c.areaKm2));
  for (let i = 0; i < 200; i++) {
    const [lat, lon] = rural
      ? [rng.range(c.shape.box[1], c.shape.box[3]), rng.range(c.shape.box[0], c.shape.box[2])]
      : offset(c.centroid[0], c.centroid[1], rng.normal() * sd, rng.normal() * sd);
    if (contains(c.shape, lon, lat)) return [lat, lon];
  }
  for (;;) {
    const lat = rng.range(c.shape.box[1], c.shape.box[3]);
    const lon = rng.range(c.shape.box[0], c.shape.box[2]);
    if (contains(c.shape, lon, lat)) return [lat, lon];
  }
}

/** Units of a civic number: houses 1–2, blocks of flats more, more flats in larger towns. */
function unitsOf(rng: Prng, n: number, hamlet: boolean): number {
  if (hamlet) return rng.int(1, 3);
  if (rng.next() < flatShare(n))
    return Math.min(60, 3 + Math.floor(Math.exp(rng.normal() * 0.7) * 3.5));
  return rng.next() < 0.75 ? 1 : 2;
}

/** Street list of a comune: the common core first, then names drawn from the lists. */
function streetsOf(rng: Prng, names: StreetNames, count: number): [string, string][] {
  const out = names.core.slice(0, Math.min(count, names.core.length));
  const seen = new Set(out.map(([t, n]) => `${t}|${n}`));
  const hamlets = rng.shuffle(names.hamlets).slice(0, Math.max(1, Math.round(count / 15)));
  for (const h of hamlets)
    if (out.length < count) {
      out.push(['LOCALITÀ', h]);
      seen.add(`LOCALITÀ|${h}`);
    }
  const pool = rng.shuffle(names.names);
  for (let i = 0; out.length < count && i < pool.length * 4; i++) {
    const type = i < pool.length ? rng.pick(DUG_MIX) : rng.pick(DUG_MIX.slice(1));
    const name = pool[i % pool.length];
    if (!seen.has(`${type}|${name}`)) {
      out.push([type, name]);
      seen.add(`${type}|${name}`);
    }
  }
  return out;
}

/**
 * Generates the civic numbers of one comune with their coverage, deterministically from
 * the seed: streets along lines inside the boundary, numbers on both sides, units, then
 * white-area streets (outskirts first) and grey-area streets until the plan's targets.
 */
export function generateComune(
  seed: string,
  plan: ComunePlan,
  c: ComuneGeo,
  names: StreetNames,
): SampleRow[] {
  const rng = new Prng(`${seed}:${c.istatCode}:${plan.addresses}`);
  const n = plan.addresses;
  const perStreet = 8 + 4 * Math.log10(Math.max(10, n));
  const streetList = streetsOf(rng, names, Math.max(3, Math.round(n / perStreet)));
  const weights = streetList.map(([t]) =>
    t === 'LOCALITÀ' ? 0.15 : t === 'PIAZZA' || t === 'LARGO' ? 0.4 : Math.exp(rng.normal() * 0.6),
  );
  const sum = weights.reduce((s, w) => s + w, 0);
  let seq = 0;
  const streets: Street[] = [];
  let left = n;
  streetList.forEach(([type, name], i) => {
    const k =
      i === streetList.length - 1
        ? left
        : Math.min(left, Math.max(1, Math.round((n * weights[i]) / sum)));
    left -= k;
    if (k <= 0) return;
    const hamlet = type === 'LOCALITÀ';
    const [lat0, lon0] = pointIn(rng, c, hamlet);
    const bearing = rng.range(0, Math.PI);
    const spacing = hamlet ? 25 : rng.range(8, 16);
    const rows: SampleRow[] = [];
    const service = commercial(rng, n);
    let number = 1;
    for (let j = 0; j < k; j++) {
      const prev = rows.at(-1)?.exponent;
      const exponent =
        prev !== undefined && prev !== 'B' && rng.next() < 0.04 ? (prev ? 'B' : 'A') : '';
      if (!exponent && j > 0) number += rng.next() < 0.85 ? 1 : rng.int(2, 4);
      const along = (number / 2) * spacing;
      const side = (number % 2 ? 1 : -1) * 9;
      let [lat, lon] = offset(
        lat0,
        lon0,
        along * Math.cos(bearing) - side * Math.sin(bearing),
        along * Math.sin(bearing) + side * Math.cos(bearing),
      );
      if (!contains(c.shape, lon, lat)) [lat, lon] = pointIn(rng, c, true);
      rows.push({
        code: `SYN-${c.istatCode}-${String(++seq).padStart(7, '0')}`,
        comune: c.istatCode,
        streetType: type,
        streetName: name,
        nameKey: foldName(name),
        number,
        exponent,
        postalCode: c.postalCode,
        lat: Math.round(lat * 1e6) / 1e6,
        lon: Math.round(lon * 1e6) / 1e6,
        units: unitsOf(rng, n, hamlet),
        ...service,
      });
    }
    streets.push({
      type,
      name,
      rows,
      distance: distanceMeters(lat0, lon0, c.centroid[0], c.centroid[1]),
    });
  });
  assignPlans(rng, streets, plan);
  return streets.flatMap((s) => s.rows);
}
