import { describe, expect, it } from 'vitest';
import { foldName } from '../../../../src/common/text.js';
import {
  matchLevel,
  matchStreet,
  StreetMatchLevel,
  type ListedStreet,
} from '../../../../src/domains/broadband/rules/civic-match.js';
import { readCivic } from '../../../../src/domains/broadband/rules/civic-text.js';
import { splitStreet } from '../../../../src/domains/broadband/rules/dug.js';
import { COMUNI, comune, streetsOf } from './places.js';

/** The published streets of a comune, as the coverage check lists them. */
function listed(name: string): ListedStreet[] {
  return streetsOf(comune(name).istatCode).map((text) => {
    const s = splitStreet(text)!;
    return { streetType: s.type, nameKey: foldName(s.name), streetText: text };
  });
}

const ask = (text: string, name: string) =>
  matchStreet(readCivic(`${text}, ${name}`, COMUNI), listed(name));

describe('matchStreet on the streets Infratel lists', () => {
  it('finds a published street written as published, or by its name alone', () => {
    expect(ask("cascina Ca' de' Tocchi 1", 'Acquanegra Cremonese')).toMatchObject({
      kind: 'one',
      street: { streetText: "CASCINA CA' DE' TOCCHI" },
      level: StreetMatchLevel.LITERAL,
    });
    // The typed first word is part of the name: "Ca' de' Tocchi" is the cascina.
    expect(ask("Ca' de' Tocchi 1", 'Acquanegra Cremonese')).toMatchObject({
      kind: 'one',
      street: { streetText: "CASCINA CA' DE' TOCCHI" },
      level: StreetMatchLevel.NAME,
    });
  });

  it('ignores words that do not tell streets apart and reads numbers as roman numerals', () => {
    const crema = listed('Crema');
    expect(crema.map((s) => s.streetText)).toContain('VIALE SANTA MARIA DELLA CROCE');
    expect(ask('viale Santa Maria Croce 3', 'Crema')).toMatchObject({
      kind: 'one',
      street: { streetText: 'VIALE SANTA MARIA DELLA CROCE' },
      level: StreetMatchLevel.EXACT,
    });
    // "S." stands for Santa as much as San (a bug found by this test: it read only San).
    for (const text of ['viale S. Maria della Croce 3', 'v.le S.Maria d. Croce 3'])
      expect(ask(text, 'Crema'), text).toMatchObject({
        kind: 'one',
        street: { streetText: 'VIALE SANTA MARIA DELLA CROCE' },
        level: StreetMatchLevel.EXACT,
      });
    const withXxv = COMUNI.find((c) => streetsOf(c.istatCode).includes('VIA XXV APRILE'))!;
    expect(ask('via 25 Aprile 3', withXxv.name)).toMatchObject({
      kind: 'one',
      street: { streetText: 'VIA XXV APRILE' },
      level: StreetMatchLevel.EXACT,
    });
  });

  it('finds a street from some of its words, and from a typo in a long word', () => {
    expect(ask('via Erba 14', 'Crema')).toMatchObject({
      kind: 'one',
      street: { streetText: 'VIA PIERO ERBA' },
      level: StreetMatchLevel.WORDS,
    });
    expect(ask('via Serenisima 2', 'Crema')).toMatchObject({
      kind: 'one',
      street: { streetText: 'VIA SERENISSIMA' },
      level: StreetMatchLevel.SIMILAR,
    });
    // Short words must match exactly: one edit in "oldi" is another street.
    expect(ask('via Oldo 2', 'Crema').kind).toBe('none');
  });

  it('does not read a "via" as a "piazza" of the same name, and offers it as similar', () => {
    const torre = "Torre de' Picenardi";
    const streets = listed(torre).map((s) => s.streetText);
    expect(streets).toEqual(expect.arrayContaining(['VIA ROMA', 'PIAZZA ROMA']));
    expect(ask('piazza Roma 1', torre)).toMatchObject({
      kind: 'one',
      street: { streetText: 'PIAZZA ROMA' },
      level: StreetMatchLevel.LITERAL,
    });
    // "Roma" alone names both: ambiguous at the best level.
    const both = ask('Roma 1', torre);
    expect(both.kind).toBe('many');
    if (both.kind === 'many')
      expect(both.streets.map((s) => s.streetText).sort()).toEqual(['PIAZZA ROMA', 'VIA ROMA']);
    // Crema lists VIA CREMONA, no PIAZZA CREMONA.
    const none = ask('piazza Cremona 1', 'Crema');
    expect(none).toEqual({
      kind: 'none',
      similar: listed('Crema').filter((s) => s.streetText === 'VIA CREMONA'),
    });
  });

  it('treats a località and a frazione as the same kind of place', () => {
    const q = readCivic('frazione Motte 2, Crema', COMUNI);
    const s: ListedStreet = {
      streetType: 'LOCALITÀ',
      nameKey: 'motte',
      streetText: "LOCALITA' MOTTE",
    };
    expect(matchLevel(q, s)).toBe(StreetMatchLevel.NAME);
    const v: ListedStreet = { streetType: 'VIA', nameKey: 'motte', streetText: 'VIA MOTTE' };
    expect(matchLevel(q, v)).toBeNull();
  });
});
