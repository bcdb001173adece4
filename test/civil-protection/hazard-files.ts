import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';

/*
 * Expected hazard figures computed straight from the seed copies of the raw files
 * (ISPRA IdroGEO, DPC, ISTAT), with exact integer arithmetic, independently of the hub's
 * code: the tests compare the API, the summaries and the exports with these.
 */

const csv = (path: string): Record<string, string>[] =>
  parse(readFileSync(`seeds/data/${path}`), { columns: true, skip_empty_lines: true, bom: true });

export const ISPRA = 'ispra-idrogeo-indicatori-comuni';
export const DPC = 'dpc-classificazione-sismica-2025-05';
export const ISTAT = 'istat-elenco-comuni';

export const idrogeoRows = csv('civil-protection/idrogeo_pir_indicatori_comuni_cr.csv');
export const seismicRows = csv('civil-protection/classificazione_sismica_2025-05_cr.csv');
const metadata = new Map(
  csv('civil-protection/idrogeo_pir_metadata_colonne.csv').map((m) => [m.var_id, m]),
);
const comuni = csv('hub/comuni_cr_summary.csv');
export const legalPopulation = new Map(
  comuni.map((c) => [c.com_istat_code, Number(c.pop_legal_2011)]),
);
export const groupingRows = csv('hub/cremasco_comuni.csv');
export const plansRows = csv('civil-protection/plans.csv');

const idrogeoBy = new Map(idrogeoRows.map((r, i) => [r.codice_istat, { r, line: i + 2 }]));

/** The levels as ISPRA's file names them: API hazard and level, class code, column suffix. */
export const LEVELS = [
  { hazard: 'FLOOD', level: 'HIGH', code: 'P3', col: 'id_H' },
  { hazard: 'FLOOD', level: 'MEDIUM', code: 'P2', col: 'id_M' },
  { hazard: 'FLOOD', level: 'LOW', code: 'P1', col: 'id_L' },
  { hazard: 'HYDROGEOLOGICAL', level: 'VERY_HIGH', code: 'P4', col: 'fr_P4' },
  { hazard: 'HYDROGEOLOGICAL', level: 'HIGH', code: 'P3', col: 'fr_P3' },
  { hazard: 'HYDROGEOLOGICAL', level: 'MEDIUM', code: 'P2', col: 'fr_P2' },
  { hazard: 'HYDROGEOLOGICAL', level: 'LOW', code: 'P1', col: 'fr_P1' },
  { hazard: 'HYDROGEOLOGICAL', level: 'ATTENTION', code: 'AA', col: 'fr_AA' },
] as const;

/** API measure, ISPRA column prefix, export column slug. */
export const MEASURES = [
  { key: 'residents', col: 'pop', slug: 'residents' },
  { key: 'families', col: 'fam', slug: 'families' },
  { key: 'buildings', col: 'edf', slug: 'buildings' },
  { key: 'businessUnits', col: 'ulc', slug: 'business_units' },
  { key: 'culturalHeritage', col: 'bct', slug: 'cultural_heritage' },
] as const;
export type MeasureKey = (typeof MEASURES)[number]['key'];
/** Expected count, share and data year of one kind of element. */
export interface Exposed {
  count: number;
  percent: number | null;
  dataYear: number;
}

/** Year ISPRA's column dictionary gives a column. */
export const yearOf = (column: string) => Number(metadata.get(column)!.year);

/**
 * Year of the data each kind of element is counted on: the dictionary's year of the
 * comune-wide count for buildings, business units and cultural heritage; 2011 (ISTAT
 * census) for residents and families, whose shares are over the 2011 population (the
 * dictionary's 2020 is the year of the file's own totals, which are not those bases).
 */
export const dataYears: Record<MeasureKey, number> = {
  residents: 2011,
  families: 2011,
  buildings: yearOf('edf'),
  businessUnits: yearOf('ulc'),
  culturalHeritage: yearOf('bct'),
};

/** A decimal string in thousandths, exactly (km² in the file have at most 3 decimals). */
export function milli(value: string): bigint {
  const [int, frac = ''] = value.split('.');
  if (frac.length > 3) throw new Error(`${value}: more than 3 decimals`);
  return BigInt(int) * 1000n + BigInt(frac.padEnd(3, '0'));
}

/** 100 × part / whole rounded half up to 3 decimals, exactly. */
export function percent(part: bigint, whole: bigint): number {
  const thousandths = (200_000n * part + whole) / (2n * whole);
  return Number(thousandths) / 1000;
}

/** Base of the shares of a measure for a comune; null where ISPRA gives none (families). */
export function baseOf(code: string, key: MeasureKey): bigint | null {
  const { r } = idrogeoBy.get(code)!;
  if (key === 'residents') return BigInt(legalPopulation.get(code)!);
  if (key === 'families') return null;
  return BigInt(r[MEASURES.find((m) => m.key === key)!.col]);
}

/** Expected figures of one level of one comune, as the file gives them. */
export function comuneLevel(code: string, level: (typeof LEVELS)[number]) {
  const { r, line } = idrogeoBy.get(code)!;
  const measures = Object.fromEntries(
    MEASURES.map((m) => {
      const base = baseOf(code, m.key);
      return [
        m.key,
        {
          count: Number(r[`${m.col}_${level.col}`]),
          // A share of 0 of 0 is undefined: null, not ISPRA's 0.
          percent: base === 0n ? null : Number(r[`${m.col}_${level.col}_p`]),
          dataYear: dataYears[m.key],
        },
      ];
    }),
  ) as Record<MeasureKey, Exposed>;
  return {
    hazard: level.hazard,
    level: level.level,
    code: level.code,
    mapYear: yearOf(`area_${level.col}`),
    area: { km2: Number(r[`area_${level.col}`]), percent: Number(r[`area_${level.col}_p`]) },
    ...measures,
    line,
  };
}

/** Expected figures of one level over a set of comuni: exact sums and shares. */
export function setLevel(codes: readonly string[], level: (typeof LEVELS)[number]) {
  const rows = codes.map((c) => idrogeoBy.get(c)!.r);
  const measures = Object.fromEntries(
    MEASURES.map((m) => {
      const count = rows.reduce((a, r) => a + BigInt(r[`${m.col}_${level.col}`]), 0n);
      const bases = codes.map((c) => baseOf(c, m.key));
      const base = bases.includes(null) ? null : bases.reduce((a, b) => a! + b!, 0n)!;
      return [
        m.key,
        {
          count: Number(count),
          percent: base == null || base === 0n ? null : percent(count, base),
          dataYear: dataYears[m.key],
        },
      ];
    }),
  ) as Record<MeasureKey, Exposed>;
  const km = rows.reduce((a, r) => a + milli(r[`area_${level.col}`]), 0n);
  return {
    hazard: level.hazard,
    level: level.level,
    code: level.code,
    area: { km2: Number(km) / 1000, percent: null },
    ...measures,
  };
}

/** Seismic zone of a comune from the DPC file. */
export const zoneOf = (code: string) =>
  seismicRows.find((r) => r.codice_istat === code)!.zona_sismica;

/** The hazard kinds the files map in a comune (a positive area, or a seismic zone). */
export function mappedHazards(code: string): string[] {
  const { r } = idrogeoBy.get(code)!;
  const any = (cols: string[]) => cols.some((c) => milli(r[`area_${c}`]) > 0n);
  return [
    ...(any(['id_H', 'id_M', 'id_L']) ? ['FLOOD'] : []),
    ...(any(['fr_P4', 'fr_P3', 'fr_P2', 'fr_P1', 'fr_AA']) ? ['HYDROGEOLOGICAL'] : []),
    ...(zoneOf(code) ? ['SEISMIC'] : []),
  ];
}

/** ISTAT codes of a grouping of the hub's seed (territory files and the plans file). */
export function membersOf(grouping: string): string[] {
  if (grouping === 'province-cr') return comuni.map((c) => c.com_istat_code).sort();
  if (grouping === 'area-omogenea-cremasca')
    return groupingRows
      .filter((r) => r.cremasco_ambito_48 === '1')
      .map((r) => r.com_istat_code)
      .sort();
  if (grouping === 'consorzio-it')
    return groupingRows
      .filter((r) => r.consorzio_it_52_inferred === '1')
      .map((r) => r.com_istat_code)
      .sort();
  if (grouping === 'ppc-2023-casaletto-ceredano') return plansRows.map((r) => r.istat_code).sort();
  throw new Error(`no seed file lists the members of ${grouping}`);
}
