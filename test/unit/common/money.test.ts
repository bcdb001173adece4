import { Kind, parseValue } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatMoney, MoneyScalar } from '../../../src/common/money.js';

/*
 * Money is an exact decimal in EUR with two decimals, rounded half away from zero on the
 * digits (src/common/money.ts): amounts come from PostgreSQL `numeric` as strings and from
 * PA digitale 2026's files as "14000.0" or "71885.45".
 */
describe('formatMoney', () => {
  it('writes the amounts of the PA digitale 2026 files with two decimals', () => {
    // importo_finanziamento as the candidature_* files give it (seeds/data/pnrr).
    expect(formatMoney('14000.0')).toBe('14000.00');
    expect(formatMoney('71885.45')).toBe('71885.45');
    expect(formatMoney('79922')).toBe('79922.00');
    expect(formatMoney(' 47427.0 ')).toBe('47427.00');
  });

  it('takes numbers and bigints as their decimal text', () => {
    expect(formatMoney(14000)).toBe('14000.00');
    expect(formatMoney(0)).toBe('0.00');
    expect(formatMoney(10n)).toBe('10.00');
    // 0.1 + 0.2 is 0.30000000000000004 as a float: the text rounds to 0.30.
    expect(formatMoney(0.1 + 0.2)).toBe('0.30');
  });

  it('rounds half away from zero on the digits, where a float would go wrong', () => {
    expect(formatMoney('0.005')).toBe('0.01');
    expect(formatMoney('0.004')).toBe('0.00');
    expect(formatMoney('0.995')).toBe('1.00');
    expect(formatMoney('-0.005')).toBe('-0.01');
    expect(formatMoney('-2.675')).toBe('-2.68');
    // As a float 1.005 is 1.00499999999999989...: toFixed(2) gives "1.00"; the digits say 1.01.
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(formatMoney('1.005')).toBe('1.01');
    // Beyond 2^53: every digit kept.
    expect(formatMoney('123456789012345678.994')).toBe('123456789012345678.99');
    expect(formatMoney('9007199254740993.5')).toBe('9007199254740993.50');
  });

  it('never writes a negative zero', () => {
    expect(formatMoney('-0.004')).toBe('0.00');
    expect(formatMoney('-0')).toBe('0.00');
    expect(formatMoney('-0.00')).toBe('0.00');
  });

  it('refuses text that is not a plain decimal, quoting it', () => {
    for (const bad of ['', ' ', '12,50', '1e3', '1.000,00', '.5', '5.', '+5', 'EUR 5', 'NaN'])
      expect(() => formatMoney(bad), bad).toThrow(
        new TypeError(`Money: "${bad.trim()}" is not a decimal number`),
      );
    expect(() => formatMoney(Number.NaN)).toThrow(/"NaN" is not a decimal number/);
    expect(() => formatMoney(1e21)).toThrow(/"1e\+21" is not a decimal number/);
  });
});

describe('MoneyScalar', () => {
  it('serializes what PostgreSQL returns as two-decimal text', () => {
    expect(MoneyScalar.serialize('79922')).toBe('79922.00');
    expect(MoneyScalar.serialize('71885.4500')).toBe('71885.45');
  });

  it('takes decimal strings from variables and literals, and only those', () => {
    expect(MoneyScalar.parseValue('1000')).toBe('1000.00');
    expect(MoneyScalar.parseValue('1000.5')).toBe('1000.50');
    expect(MoneyScalar.parseLiteral(parseValue('"12.345"'))).toBe('12.35');
    for (const bad of [1000, '1,000.00', null, '1e3'])
      expect(() => MoneyScalar.parseValue(bad), String(bad)).toThrow(
        'Money must be a decimal string such as "1000.00"',
      );
    const int = parseValue('1000');
    expect(int.kind).toBe(Kind.INT);
    expect(() => MoneyScalar.parseLiteral(int)).toThrow(/decimal string/);
  });
});
