import { describe, expect, it } from 'vitest';
import {
  normalise,
  parseAddress,
  splitComune,
} from '../../../../src/domains/broadband/rules/address-text.js';
import { comune, COMUNI } from './places.js';

/** The comuni as the address search matches them: ISTAT code and folded name. */
const NAMES = COMUNI.map((c) => ({ istatCode: c.istatCode, nameKey: c.nameKey }));

describe('normalise', () => {
  it('folds case, accents and apostrophes of any kind, and expands abbreviations', () => {
    expect(normalise('V.LE Repubblica')).toBe('viale repubblica');
    expect(normalise('P.zza Garibaldi')).toBe('piazza garibaldi');
    expect(normalise('P.za Garibaldi')).toBe('piazza garibaldi');
    expect(normalise('P.le Rimembranze')).toBe('piazzale rimembranze');
    expect(normalise('C.so Matteotti')).toBe('corso matteotti');
    expect(normalise('V.lo Stretto')).toBe('vicolo stretto');
    expect(normalise('L.go Falcone')).toBe('largo falcone');
    expect(normalise('Loc. Vergonzana')).toBe('localita vergonzana');
    expect(normalise('Fraz. Ombriano')).toBe('localita ombriano');
    expect(normalise('Str. Provinciale')).toBe('strada provinciale');
    expect(normalise('S. Bernardino')).toBe('san bernardino');
    expect(normalise('Via Sant\u2019Agostino')).toBe('via sant agostino');
    expect(normalise("LOCALITA' MOTTE")).toBe('localita motte');
    expect(normalise('Località Motte')).toBe('localita motte');
  });

  it('splits a number from its exponent', () => {
    expect(normalise('via Roma 12a')).toBe('via roma 12 a');
    expect(normalise('via Roma 12/A')).toBe('via roma 12 a');
    expect(normalise('via Roma 12bis')).toBe('via roma 12 bis');
    // An exponent "v" stays a letter: it is not the abbreviation of "via" (a bug found here).
    expect(normalise('via Roma 12/v')).toBe('via roma 12 v');
  });
});

describe('parseAddress', () => {
  it('reads the example its error gives', () => {
    expect(parseAddress('v.le repubblica 12/a 26013')).toEqual({
      name: 'viale repubblica',
      streetType: null,
      number: 12,
      exponent: 'A',
      postalCode: '26013',
      tokens: ['viale', 'repubblica'],
    });
  });

  it('keeps the number and exponent of "12/v" (not "via")', () => {
    expect(parseAddress('via Roma 12/v Crema')).toMatchObject({
      number: 12,
      exponent: 'V',
      tokens: ['via', 'roma', 'crema'],
    });
  });

  it('reads bis and ter as exponents, and a street without a number', () => {
    expect(parseAddress('via Roma 3 bis')).toMatchObject({ number: 3, exponent: 'BIS' });
    expect(parseAddress('via Roma 3 ter')).toMatchObject({ number: 3, exponent: 'TER' });
    expect(parseAddress('via Roma')).toMatchObject({ number: null, exponent: null });
  });

  it('refuses text without a street name, absurd numbers and long text, naming the argument', () => {
    expect(() => parseAddress('12', 'text')).toThrow(
      'Argument "text": must contain a street name, e.g. "via roma 12 crema" or "v.le repubblica 12/a 26013"',
    );
    expect(() => parseAddress('!!', 'q')).toThrow(/^Argument "q": must contain a street name/);
    expect(() => parseAddress('via Roma 123456')).toThrow(
      'Argument "text": "123456" is neither a house number nor a 5-digit postal code',
    );
    expect(() => parseAddress('x'.repeat(201))).toThrow(
      'Argument "text": must be at most 200 characters, got 201',
    );
  });
});

describe('splitComune', () => {
  it('takes the comune ending last ("via crema 5 offanengo" is in Offanengo)', () => {
    const { query, comune: code } = splitComune(parseAddress('via crema 5 offanengo'), NAMES);
    expect(code).toBe(comune('Offanengo').istatCode);
    expect(query).toMatchObject({ name: 'crema', streetType: 'VIA', number: 5 });
  });

  it('leaves a comune\u2019s name that is the street\u2019s', () => {
    const { query, comune: code } = splitComune(parseAddress('via crema 5'), NAMES);
    expect(code).toBeNull();
    expect(query).toMatchObject({ name: 'crema', streetType: 'VIA' });
  });

  it('reads comuni named with several words and apostrophes', () => {
    const { query, comune: code } = splitComune(parseAddress("via roma 3 spino d'adda"), NAMES);
    expect(code).toBe(comune("Spino d'Adda").istatCode);
    expect(query.name).toBe('roma');
  });

  it('refuses a comune without a street', () => {
    expect(() => splitComune(parseAddress('crema 5'), NAMES)).toThrow(
      'Argument "text": must contain a street name besides the comune, e.g. "via roma 12 crema"',
    );
  });
});
