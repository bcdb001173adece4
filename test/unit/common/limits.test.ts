import { describe, expect, it } from 'vitest';
import {
  capExceeded,
  enumSize,
  firstItems,
  listSize,
  MAX_COMUNI,
} from '../../../src/common/limits.js';
import { DatePrecision } from '../../../src/common/dates.js';

describe('listSize', () => {
  it('takes 0 to the cap, the cap when not given', () => {
    expect(listSize(undefined, 150)).toBe(150);
    expect(listSize(null, 150)).toBe(150);
    expect(listSize(0, 150)).toBe(0);
    expect(listSize(150, 150)).toBe(150);
  });

  it('refuses what lies outside, naming the argument', () => {
    for (const n of [-1, 151, 2.5])
      expect(() => listSize(n, 150, 'top')).toThrow(
        `Argument "top": must be an integer from 0 to 150, got ${n}`,
      );
  });
});

describe('firstItems', () => {
  it('returns the first items of a list within its cap', () => {
    expect(firstItems([1, 2, 3], 2, 5, 'Query.x')).toEqual([1, 2]);
    expect(firstItems([1, 2, 3], null, 5, 'Query.x')).toEqual([1, 2, 3]);
  });

  it('refuses a list past its cap as a defect of the hub, never cutting it', () => {
    const err = capExceeded('Grouping.members', 151, MAX_COMUNI);
    expect(err.extensions).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      limit: 'listCap',
      max: 150,
    });
    expect(err.message).toBe(
      'Grouping.members holds 151 items, more than its documented cap of 150: a defect of the hub (the list needs paging); please report it.',
    );
    const items = Array.from({ length: MAX_COMUNI + 1 }, (_, i) => i);
    expect(() => firstItems(items, 1, MAX_COMUNI, 'Grouping.members')).toThrow(err.message);
  });
});

describe('MAX_COMUNI', () => {
  it('holds every comune of the province of Cremona (113 in ISTAT\u2019s list)', async () => {
    const { readFileSync } = await import('node:fs');
    const rows = readFileSync('seeds/data/hub/comuni_cr_summary.csv', 'utf8').trim().split('\n');
    expect(rows.length - 1).toBe(113);
    expect(MAX_COMUNI).toBeGreaterThanOrEqual(113);
  });
});

describe('enumSize', () => {
  it('counts the values of a string enum', () => {
    expect(enumSize(DatePrecision)).toBe(4);
  });
});
