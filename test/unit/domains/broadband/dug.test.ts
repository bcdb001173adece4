import { describe, expect, it } from 'vitest';
import { foldName } from '../../../../src/common/text.js';
import { dugOf, splitStreet } from '../../../../src/domains/broadband/rules/dug.js';
import { INFRATEL } from './places.js';

describe('splitStreet', () => {
  it('splits every street of Infratel\u2019s list for the province into its type and name', () => {
    const streets = [...new Set(INFRATEL.map((r) => r.strada))];
    expect(streets.length).toBeGreaterThan(1000);
    for (const street of streets) {
      const s = splitStreet(street);
      expect(s, street).not.toBeNull();
      // The type is the first word as published (accents and apostrophes aside).
      const first = street.split(' ')[0];
      expect(foldName(s!.type), street).toBe(foldName(first));
      expect(s!.name, street).toBe(street.slice(first.length).trim());
    }
  });

  it('gives the stored forms of the types written with an apostrophe', () => {
    expect(splitStreet("LOCALITA' CASE SPARSE")).toEqual({ type: 'LOCALITÀ', name: 'CASE SPARSE' });
    expect(splitStreet("CA' BIANCA")).toEqual({ type: "CA'", name: 'BIANCA' });
    expect(splitStreet('VIA GIUSEPPE GARIBALDI')).toEqual({
      type: 'VIA',
      name: 'GIUSEPPE GARIBALDI',
    });
  });

  it('is null without a known street type or without a name', () => {
    expect(splitStreet('GARIBALDI')).toBeNull();
    expect(splitStreet('GIUSEPPE GARIBALDI')).toBeNull();
    expect(splitStreet('VIA')).toBeNull();
    expect(splitStreet("VIA '")).toBeNull();
    expect(splitStreet('')).toBeNull();
  });
});

describe('dugOf', () => {
  it('reads the abbreviations people type', () => {
    expect(dugOf('loc')).toBe('LOCALITÀ');
    expect(dugOf('fraz')).toBe('FRAZIONE');
    expect(dugOf('str')).toBe('STRADA');
    expect(dugOf('cascina')).toBe('CASCINA');
    expect(dugOf('roma')).toBeNull();
  });
});
