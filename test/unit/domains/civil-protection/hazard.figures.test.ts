import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  hazardFigures,
  percentOf,
  type ComuneHazardInput,
  type LevelInput,
} from '../../../../src/domains/civil-protection/rules/hazard.figures.js';
import { HazardLevel } from '../../../../src/domains/civil-protection/model/enums.js';
import { LEVELS, MEASURES } from '../../../../src/domains/civil-protection/rules/hazard.levels.js';

/*
 * ISPRA IdroGEO's indicators per comune (seeds/data/civil-protection) and ISTAT's legal
 * population 2011 (seeds/data/hub): the figures are checked against ISPRA's own columns.
 */
const csv = (path: string): Record<string, string>[] =>
  parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true });
const ISPRA = csv('seeds/data/civil-protection/idrogeo_pir_indicatori_comuni_cr.csv');
const SUMMARY = csv('seeds/data/hub/comuni_cr_summary.csv');
const legal = new Map(SUMMARY.map((r) => [r.com_istat_code, Number(r.pop_legal_2011)]));
const num = (v: string | undefined) => (v == null || v === '' ? null : Number(v));
const code = (r: Record<string, string>) => r.codice_istat.padStart(6, '0');
const ORIGIN = { datasetId: 'ispra-idrogeo-indicatori-comuni', sourceNote: null };

/** One comune's input, read from ISPRA's row the way the hub stores it. */
function input(r: Record<string, string>): ComuneHazardInput {
  const levels = LEVELS.map((def) => {
    const l: LevelInput = {
      hazard: def.hazard,
      level: def.level,
      mapYear: null,
      areaKm2: r[`area_${def.column}`] || null,
      areaPercent: num(r[`area_${def.column}_p`]),
    };
    for (const m of MEASURES) {
      l[m.key] = num(r[`${m.column}_${def.column}`]);
      l[`${m.key}Percent`] = num(r[`${m.column}_${def.column}_p`]);
    }
    return l;
  });
  return {
    istatCode: code(r),
    popLegal2011: legal.get(code(r)) ?? null,
    idrogeo: {
      origin: ORIGIN,
      totals: { buildings: num(r.edf), businessUnits: num(r.ulc), culturalHeritage: num(r.bct) },
      years: {
        residents: 2020,
        families: 2020,
        buildings: 2011,
        businessUnits: 2011,
        culturalHeritage: 2021,
      },
      levels,
    },
  };
}

/** ISPRA's base of each share: legal population 2011 for residents, the file's totals else. */
const BASE: Record<string, (r: Record<string, string>) => number | null> = {
  pop: (r) => legal.get(code(r)) ?? null,
  edf: (r) => num(r.edf),
  ulc: (r) => num(r.ulc),
  bct: (r) => num(r.bct),
};

describe('percentOf', () => {
  it('gives every share ISPRA publishes from its count and base (rounded half up, 3 decimals)', () => {
    let checked = 0;
    for (const r of ISPRA)
      for (const def of LEVELS)
        for (const [column, base] of Object.entries(BASE)) {
          const part = num(r[`${column}_${def.column}`]);
          const share = num(r[`${column}_${def.column}_p`]);
          const whole = base(r);
          if (part == null || share == null || !whole) continue;
          expect(percentOf(part, whole), `${code(r)} ${column}_${def.column}`).toBe(share);
          checked++;
        }
    expect(checked).toBeGreaterThan(3000);
  });
});

describe('hazardFigures', () => {
  const crema = ISPRA.find((r) => code(r) === '019035')!;
  const floodHigh = LEVELS.findIndex((d) => d.column === 'id_H');

  it('gives one comune ISPRA\u2019s own counts and shares', () => {
    const f = hazardFigures([input(crema)], ORIGIN);
    const high = f.flood.find((l) => l.level === HazardLevel.HIGH)!;
    expect(high.code).toBe(LEVELS[floodHigh].code);
    expect(high.residents).toMatchObject({
      count: num(crema.pop_id_H),
      percent: num(crema.pop_id_H_p),
    });
    expect(high.area).toMatchObject({ km2: num(crema.area_id_H), percent: num(crema.area_id_H_p) });
    expect(f.exposureBase.residents.count).toBe(legal.get('019035'));
    expect(f.flood).toHaveLength(3);
    expect(f.landslide).toHaveLength(5);
  });

  it('sums a set of comuni exactly, and computes the shares ISPRA can be divided by', () => {
    // The 48 comuni of the Area Omogenea Cremasca (seeds/data/hub/cremasco_comuni.csv).
    const ambito = new Set(
      csv('seeds/data/hub/cremasco_comuni.csv')
        .filter((r) => r.cremasco_ambito_48 === '1')
        .map((r) => r.com_istat_code),
    );
    const rows = ISPRA.filter((r) => ambito.has(code(r)));
    expect(rows).toHaveLength(48);
    const f = hazardFigures(rows.map(input), ORIGIN);
    const high = f.flood.find((l) => l.level === HazardLevel.HIGH)!;
    const residents = rows.reduce((a, r) => a + Number(r.pop_id_H), 0);
    const base = rows.reduce((a, r) => a + legal.get(code(r))!, 0);
    expect(high.residents.count).toBe(residents);
    expect(high.residents.percent).toBe(Math.round((100_000 * residents) / base) / 1000);
    // Areas summed in thousandths of a km², as ISPRA writes them: no float drift.
    const thousandths = rows.reduce((a, r) => a + Math.round(Number(r.area_id_H) * 1000), 0);
    expect(high.area.km2).toBe(thousandths / 1000);
    expect(high.area.percent).toBeNull();
    expect(high.area.unknownReason).toMatch(/share of area per comune only/);
    expect(high.families.percent).toBeNull();
    expect(high.families.unknownReason).toMatch(/families of the 2011 census/);
  });

  it('leaves a sum unknown, with the reason, when a comune has no figures', () => {
    const f = hazardFigures(
      [input(crema), { istatCode: '019999', popLegal2011: 10, idrogeo: null }],
      ORIGIN,
    );
    const high = f.flood.find((l) => l.level === HazardLevel.HIGH)!;
    expect(high.residents.count).toBeNull();
    expect(high.residents.unknownReason).toBe(
      'The hub holds no ISPRA IdroGEO figures for 1 of these comuni (019999), so the sum is unknown.',
    );
  });
});
