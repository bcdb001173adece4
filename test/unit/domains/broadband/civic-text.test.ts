import { describe, expect, it } from 'vitest';
import type { HubError } from '../../../../src/common/errors.js';
import { readCivic } from '../../../../src/domains/broadband/rules/civic-text.js';
import { COMUNI, comune, sharing } from './places.js';

/** The BAD_USER_INPUT message readCivic gives for a text. */
function refusal(text: string): string {
  try {
    readCivic(text, COMUNI);
  } catch (e) {
    const err = e as HubError;
    expect(err.extensions, text).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'address' });
    return err.message;
  }
  throw new Error(`"${text}" was read as an address`);
}

const crema = comune('Crema');

describe('readCivic reads a civic number of a comune', () => {
  it('reads the issue\u2019s examples', () => {
    expect(readCivic('via Roma 12, Crema', COMUNI)).toEqual({
      street: 'via roma',
      streetType: 'VIA',
      streetName: 'roma',
      number: 12,
      exponent: null,
      comune: crema,
      comuneReadAs: 'name "Crema"',
    });
    // 26013 is Crema's postal code and no other comune's (comuni_cr_summary.csv).
    expect(sharing('26013')).toEqual([crema]);
    expect(readCivic('V. ROMA 12/a 26013', COMUNI)).toMatchObject({
      streetType: 'VIA',
      streetName: 'roma',
      number: 12,
      exponent: 'A',
      comune: crema,
      comuneReadAs: 'postal code 26013',
    });
  });

  it('reads a published street with an apostrophe and a comune told by the start of its name', () => {
    // Infratel lists CASCINA CA' DE' TOCCHI 1 in Acquanegra Cremonese.
    const q = readCivic('cascina Ca\u2019 de\u2019 Tocchi 1 Acquanegra', COMUNI);
    expect(q).toMatchObject({
      street: 'cascina ca de tocchi',
      streetType: 'CASCINA',
      streetName: 'ca de tocchi',
      number: 1,
      comune: comune('Acquanegra Cremonese'),
      comuneReadAs: 'name "acquanegra" (start of Acquanegra Cremonese)',
    });
  });

  it('takes the comune before the street, the province after it', () => {
    for (const text of ['Crema, via Roma 12', 'Crema (CR) via Roma 12', 'via Roma 12 Crema CR'])
      expect(readCivic(text, COMUNI), text).toMatchObject({ street: 'via roma', comune: crema });
    expect(readCivic('via Roma 12, Crema, Cremona', COMUNI).comune).toEqual(crema);
    expect(readCivic('via Roma 12, Cremona', COMUNI).comune).toEqual(comune('Cremona'));
    expect(readCivic('via Roma 12, 26013 Crema', COMUNI).comuneReadAs).toBe(
      'name "Crema" and postal code 26013',
    );
  });

  it('reads exponents in their usual forms', () => {
    const exp = (text: string) => readCivic(text, COMUNI).exponent;
    expect(exp('via Roma 12 bis, Crema')).toBe('BIS');
    expect(exp('via Roma 12/B, Crema')).toBe('B');
    expect(exp('via Roma 12 / 3, Crema')).toBe('3');
    expect(exp('via Roma 12/d1, Crema')).toBe('D1');
    expect(exp('via Roma 12b Crema')).toBe('B');
    // "12/v": a letter exponent, not the abbreviation of "via".
    expect(exp('via Roma 12/v, Crema')).toBe('V');
    // A short exponent before the comune (Infratel lists e.g. "52/PT", piano terra).
    expect(exp("via Roma 52 PT, Corte de' Cortesi con Cignone")).toBe('PT');
  });

  it('reads civics without a number (senza numero civico) as a null number', () => {
    for (const text of [
      'via Roma snc, Crema',
      'via Roma s.n.c. Crema',
      'via Roma senza numero Crema',
    ])
      expect(readCivic(text, COMUNI), text).toMatchObject({ number: null, exponent: null });
  });

  it('reads street types people abbreviate', () => {
    const type = (text: string) => readCivic(text, COMUNI).streetType;
    expect(type('v.le Repubblica 3 Crema')).toBe('VIALE');
    expect(type('p.zza Garibaldi 3 Crema')).toBe('PIAZZA');
    expect(type('loc. Vergonzana 3 Crema')).toBe('LOCALITÀ');
    expect(type('fraz. Ombriano 3 Crema')).toBe('FRAZIONE');
    expect(type('c.so Matteotti 3 Crema')).toBe('CORSO');
    // A one-word street has no street type.
    expect(type('Roma 3 Crema')).toBeNull();
  });
});

describe('readCivic refuses what it cannot read, saying what is missing', () => {
  it('text that is not an address', () => {
    for (const text of ['', '   ', '!!! ???', '12345', 'snc'])
      expect(refusal(text), text).toMatch(/^Argument "address": is not an address/);
    expect(refusal('x'.repeat(201))).toBe(
      'Argument "address": must be at most 200 characters, got 201',
    );
  });

  it('an address without a house number, a comune or a street', () => {
    expect(refusal('via Roma')).toMatch(/has no house number/);
    expect(refusal('via Roma 12')).toMatch(/does not say which comune/);
    expect(refusal('12, Crema')).toMatch(/has no street name before the house number/);
  });

  it('a comune outside the province, or a postal code that is not its own', () => {
    expect(refusal('via Roma 12, Milano')).toBe(
      'Argument "address": "milano" is not the name of a comune of the province of Cremona',
    );
    expect(refusal('via Roma 12, 00100')).toMatch(/postal code 00100 is not one of the province/);
    const cremona = comune('Cremona');
    expect(refusal(`via Roma 12, Crema ${cremona.postalCodes[0]}`)).toBe(
      `Argument "address": postal code ${cremona.postalCodes[0]} is not that of Crema (26013)`,
    );
    expect(refusal('via Roma 12, 26013 26100')).toMatch(
      /more than one postal code \(26013, 26100\)/,
    );
  });

  it('a comune that cannot be told apart, with the count from ISTAT\u2019s list', () => {
    const ripalta = COMUNI.filter((c) => c.nameKey.startsWith('ripalta '));
    expect(ripalta.length).toBeGreaterThan(1);
    expect(refusal('via Roma 1 Ripalta')).toBe(
      `Argument "address": cannot tell the comune apart: "ripalta" begins the names of ${ripalta.length} comuni (${ripalta.map((c) => c.name).join(', ')}): write the comune's full name`,
    );
    const shared = sharing('26010');
    expect(shared.length).toBeGreaterThan(1);
    expect(refusal('via Roma 12, 26010')).toMatch(
      new RegExp(`postal code 26010 is shared by ${shared.length} comuni .*add the comune's name$`),
    );
  });

  it('numbers after the house number that are not a postal code', () => {
    expect(refusal('via Roma 12 Crema 123456')).toBe(
      'Argument "address": cannot read "crema 123456" after the house number as a comune',
    );
  });

  it('takes the last number as the house number: street names hold numbers', () => {
    // Infratel lists e.g. STRADA PROVINCIALE 20 and VIA II AGOSTO.
    expect(readCivic('strada provinciale 20 5, Crema', COMUNI)).toMatchObject({
      street: 'strada provinciale 20',
      streetType: 'STRADA',
      number: 5,
    });
  });
});
