import { describe, expect, it } from 'vitest';
import { Hazard, HazardLevel } from '../../src/domains/civil-protection/model/enums.js';
import {
  hazardFigures,
  type ComuneHazardInput,
  type LevelInput,
} from '../../src/domains/civil-protection/rules/hazard.figures.js';

/*
 * The rules for what the hub does not know, on small made-up inputs (no real figures):
 * a sum over comuni of which one lacks figures is null with the reason, never partial.
 */

const origin = { datasetId: 'ispra', sourceNote: 'test' };
const years = {
  residents: 2011,
  families: 2011,
  buildings: 2011,
  businessUnits: 2011,
  culturalHeritage: 2021,
};

function level(hazard: Hazard, lvl: HazardLevel, residents: number | null): LevelInput {
  return {
    hazard,
    level: lvl,
    mapYear: 2020,
    areaKm2: '1.250',
    areaPercent: 10,
    residents,
    residentsPercent: residents == null ? null : 1,
    families: 2,
    familiesPercent: 1,
    buildings: 3,
    buildingsPercent: 1,
    businessUnits: 0,
    businessUnitsPercent: null,
    culturalHeritage: 0,
    culturalHeritagePercent: null,
  };
}

function comune(code: string, residents: number | null, held = true): ComuneHazardInput {
  return {
    istatCode: code,
    popLegal2011: 1000,
    idrogeo: held
      ? {
          origin,
          totals: { buildings: 300, businessUnits: 0, culturalHeritage: 0 },
          years,
          levels: [
            level(Hazard.FLOOD, HazardLevel.HIGH, residents),
            level(Hazard.FLOOD, HazardLevel.MEDIUM, residents),
            level(Hazard.FLOOD, HazardLevel.LOW, residents),
            level(Hazard.HYDROGEOLOGICAL, HazardLevel.VERY_HIGH, 0),
            level(Hazard.HYDROGEOLOGICAL, HazardLevel.HIGH, 0),
            level(Hazard.HYDROGEOLOGICAL, HazardLevel.MEDIUM, 0),
            level(Hazard.HYDROGEOLOGICAL, HazardLevel.LOW, 0),
            level(Hazard.HYDROGEOLOGICAL, HazardLevel.ATTENTION, 0),
          ],
        }
      : null,
  };
}

describe('hazard figures of a set of comuni', () => {
  it('sums exactly, and computes shares over the bases', () => {
    const f = hazardFigures([comune('000001', 10), comune('000002', 5)], origin);
    const p3 = f.flood[0];
    expect(p3.area.km2).toBe(2.5);
    expect(p3.residents).toMatchObject({ count: 15, percent: 0.75, unknownReason: null });
    expect(p3.buildings).toMatchObject({ count: 6, percent: 1 });
    expect(p3.families.percent).toBeNull();
    expect(p3.families.unknownReason).toMatch(/per comune only/);
    expect(p3.area.percent).toBeNull();
    expect(p3.businessUnits).toMatchObject({ count: 0, percent: null });
    expect(p3.businessUnits.unknownReason).toMatch(/0 of 0/);
  });

  it('gives null, never a partial sum, when a comune has no figures', () => {
    const f = hazardFigures([comune('000001', 10), comune('000002', 5, false)], origin);
    for (const l of [...f.flood, ...f.landslide]) {
      expect(l.residents.count).toBeNull();
      expect(l.area.km2).toBeNull();
      expect(l.residents.unknownReason).toMatch(/1 of these comuni \(000002\)/);
    }
    expect(f.exposureBase.buildings.count).toBeNull();
    // The legal population is ISTAT's, held for both.
    expect(f.exposureBase.residents.count).toBe(2000);
  });

  it('gives null when a figure is empty in the file, naming the comune', () => {
    const f = hazardFigures([comune('000001', 10), comune('000002', null)], origin);
    expect(f.flood[0].residents.count).toBeNull();
    expect(f.flood[0].residents.unknownReason).toMatch(/empty for 000002/);
    expect(f.flood[0].buildings.count).toBe(6);
  });

  it('gives no share of residents when a legal population is not held', () => {
    const f = hazardFigures(
      [comune('000001', 10), { ...comune('000002', 5), popLegal2011: null }],
      origin,
    );
    expect(f.exposureBase.residents.count).toBeNull();
    expect(f.exposureBase.residents.unknownReason).toMatch(/not held for 000002/);
    expect(f.flood[0].residents).toMatchObject({ count: 15, percent: null });
    expect(f.flood[0].residents.unknownReason).toMatch(/share is unknown.*000002/);
  });

  it('says so when the territory has no known comune', () => {
    const f = hazardFigures([], origin);
    expect(f.flood[0].residents).toMatchObject({ count: null, percent: null });
    expect(f.flood[0].residents.unknownReason).toMatch(/No comune/);
    expect(f.exposureBase.residents.count).toBeNull();
  });

  it("keeps a comune's own figures and ISPRA's shares for one comune", () => {
    const f = hazardFigures([comune('000001', 10)], origin);
    expect(f.flood[0].residents).toMatchObject({ count: 10, percent: 1, dataYear: 2011 });
    expect(f.flood[0].area).toMatchObject({ km2: 1.25, percent: 10, unknownReason: null });
    expect(f.flood[0].families).toMatchObject({ count: 2, percent: 1, unknownReason: null });
  });
});
