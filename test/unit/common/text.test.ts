import { describe, expect, it } from 'vitest';
import { foldName } from '../../../src/common/text.js';

describe('foldName', () => {
  it('folds the names of comuni of the province the ways people write them', () => {
    // Names from seeds/data/hub/comuni_cr_summary.csv (ISTAT).
    expect(foldName("Spino d'Adda")).toBe('spino d adda');
    expect(foldName('Spino d\u2019Adda')).toBe('spino d adda');
    expect(foldName('SPINO D ADDA')).toBe('spino d adda');
    expect(foldName("Corte de' Cortesi con Cignone")).toBe('corte de cortesi con cignone');
    expect(foldName('Cappella Cantone')).toBe('cappella cantone');
  });

  it('drops accents, whether composed or decomposed', () => {
    // Infratel writes LOCALITA', ANNCSU LOCALITÀ.
    expect(foldName('LOCALITÀ')).toBe('localita');
    expect(foldName('LOCALITA\u0300')).toBe('localita');
    expect(foldName("LOCALITA'")).toBe('localita');
    expect(foldName('Città')).toBe('citta');
  });

  it('collapses punctuation and spaces, and keeps digits', () => {
    expect(foldName('  VIA  XX   SETTEMBRE ')).toBe('via xx settembre');
    expect(foldName('Via IV Novembre, 12/a')).toBe('via iv novembre 12 a');
    expect(foldName('S.P. 415')).toBe('s p 415');
  });

  it('folds text without letters or digits to the empty string', () => {
    expect(foldName('')).toBe('');
    expect(foldName(" '-./ ")).toBe('');
  });
});
