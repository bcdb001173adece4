import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Hazard, HazardLevel } from '../../../../src/domains/civil-protection/model/enums.js';
import { LEVELS, MEASURES } from '../../../../src/domains/civil-protection/rules/hazard.levels.js';

/*
 * The levels and measures are checked against ISPRA's own column dictionary
 * (seeds/data/civil-protection/idrogeo_pir_metadata_colonne.csv) and the data file's header.
 */
const DIR = 'seeds/data/civil-protection';
const dictionary = parse(readFileSync(`${DIR}/idrogeo_pir_metadata_colonne.csv`), {
  columns: true,
  bom: true,
}) as Record<string, string>[];
const byColumn = new Map(dictionary.map((r) => [r.var_id, r]));
const header = new Set(
  readFileSync(`${DIR}/idrogeo_pir_indicatori_comuni_cr.csv`, 'utf8')
    .split('\n')[0]
    .trim()
    .split(','),
);

/** ISPRA's words for the risk and the level. */
const RISK: Record<string, Hazard> = { Idraulico: Hazard.FLOOD, Frana: Hazard.HYDROGEOLOGICAL };
const LEVEL: Record<string, HazardLevel> = {
  'Molto Elevato': HazardLevel.VERY_HIGH,
  Elevato: HazardLevel.HIGH,
  Medio: HazardLevel.MEDIUM,
  Basso: HazardLevel.LOW,
  Attenzione: HazardLevel.ATTENTION,
};
/** Flood scenarios of D.Lgs. 49/2010 as SOURCES.md gives them: H = P3, M = P2, L = P1. */
const FLOOD_CODE: Record<string, string> = { H: 'P3', M: 'P2', L: 'P1' };

describe('LEVELS', () => {
  it('name a column of ISPRA\u2019s file for every level and measure, meaning what it says', () => {
    for (const def of LEVELS)
      for (const m of MEASURES) {
        const column = `${m.column}_${def.column}`;
        expect(header.has(column), column).toBe(true);
        const meta = byColumn.get(column);
        expect(meta, column).toBeDefined();
        expect(RISK[meta!.risk], column).toBe(def.hazard);
        expect(LEVEL[meta!.level], column).toBe(def.level);
        const code = def.hazard === Hazard.FLOOD ? FLOOD_CODE[meta!.clevel] : meta!.clevel;
        expect(code, column).toBe(def.code);
      }
  });

  it('cover every single level of ISPRA\u2019s file once (P3P4 is a sum, left out)', () => {
    const levels = new Set(
      dictionary
        .filter(
          (r) => r.var_id.startsWith('pop_') && r.metric === 'conteggio' && r.clevel !== 'P3P4',
        )
        .map((r) => r.var_id),
    );
    expect(new Set(LEVELS.map((d) => `pop_${d.column}`))).toEqual(levels);
  });

  it('have distinct export names, and labels in both languages', () => {
    expect(new Set(LEVELS.map((d) => d.slug)).size).toBe(LEVELS.length);
    for (const d of LEVELS) {
      expect(d.slug).toMatch(/^[a-z0-9_]+$/);
      expect(d.label).toContain(d.code);
      expect(d.label).toMatch(/\(.*pericolosit|\(aree di attenzione\)/);
    }
  });
});

describe('MEASURES', () => {
  it('are ISPRA\u2019s exposed elements, by their column prefix', () => {
    const words: Record<string, RegExp> = {
      pop: /^Popolazione/,
      fam: /^Famiglie/,
      edf: /^Edifici/,
      ulc: /^Unit/,
      bct: /^Beni Culturali/,
    };
    for (const m of MEASURES)
      expect(byColumn.get(m.column)?.description, m.key).toMatch(words[m.column]);
  });
});
