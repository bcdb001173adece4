import { describe, expect, it } from 'vitest';
import { euros, fits } from '../../../../src/domains/pnrr/rules/claim.reconcile.js';

describe('euros (amounts in the claims\u2019 notes)', () => {
  it('writes whole euros with thousands separators, cents only when there are some', () => {
    expect(euros('1234567.00')).toBe('1,234,567');
    expect(euros('79922')).toBe('79,922');
    expect(euros('71885.45')).toBe('71,885.45');
    expect(euros('999')).toBe('999');
    expect(euros('0')).toBe('0');
    expect(euros('-1234567.5')).toBe('-1,234,567.50');
  });
});

describe('fits (does a computed amount fit a claim\u2019s range?)', () => {
  // The amount lies between c and c + u (u: grants whose state is not known); bounds included.
  it('is true when every possible amount lies in the range', () => {
    expect(fits(100n, 0n, 90n, 110n)).toBe(true);
    expect(fits(90n, 20n, 90n, 110n)).toBe(true);
  });

  it('is false when every possible amount lies outside', () => {
    expect(fits(120n, 0n, 90n, 110n)).toBe(false);
    expect(fits(80n, 5n, 90n, 110n)).toBe(false);
  });

  it('is null (not known) when the uncertain part straddles a bound', () => {
    expect(fits(100n, 20n, 90n, 110n)).toBeNull();
    expect(fits(85n, 10n, 90n, 110n)).toBeNull();
  });
});
