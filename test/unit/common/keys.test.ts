import { describe, expect, it } from 'vitest';
import {
  comuniLiteral,
  comuniParam,
  intKey,
  isIstatCode,
  textArrayParam,
  withIntKey,
} from '../../../src/common/keys.js';

describe('intKey', () => {
  it('reads 1 to 9 digits as a number', () => {
    expect(intKey('0')).toBe(0);
    expect(intKey('42')).toBe(42);
    expect(intKey('999999999')).toBe(999999999);
  });
  it('refuses what is not a PostgreSQL integer key', () => {
    for (const k of ['', '-1', '1.5', '1e3', ' 1', '1 ', '0x10', '1234567890', 'abc'])
      expect(intKey(k)).toBeNull();
  });
  it('withIntKey loads only a real key', async () => {
    const seen: number[] = [];
    const load = (pk: number) => (seen.push(pk), Promise.resolve(`row ${pk}`));
    expect(await withIntKey('7', load)).toBe('row 7');
    expect(await withIntKey('x7', load)).toBeNull();
    expect(seen).toEqual([7]);
  });
});

describe('ISTAT codes', () => {
  it('are six digits', () => {
    expect(isIstatCode('019035')).toBe(true);
    for (const c of ['19035', '0190350', '01903a', '', ' 019035'])
      expect(isIstatCode(c)).toBe(false);
  });
});

describe('binding a list of comuni', () => {
  it('is one text[] parameter', () => {
    expect(comuniParam(['019035', '019036'])).toBe('{"019035","019036"}');
    expect(comuniParam([])).toBe('{}');
  });
  it('quotes any text safely', () => {
    expect(textArrayParam(['a,b', 'say "hi"', 'back\\slash'])).toBe(
      '{"a,b","say \\"hi\\"","back\\\\slash"}',
    );
  });
  it('is a checked literal where parameters cannot be bound (COPY)', () => {
    expect(comuniLiteral(['019035', '019036'])).toBe("'{019035,019036}'::text[]");
    expect(comuniLiteral([])).toBe("'{}'::text[]");
    expect(() => comuniLiteral(['019035', "1'); drop table comune; --"])).toThrow(
      /not an ISTAT code/,
    );
  });
});
