import { describe, expect, it } from 'vitest';
import {
  DatePrecision,
  isoDay,
  periodEnd,
  periodEndSql,
  PreciseDate,
} from '../../../src/common/dates.js';

/*
 * A precise date is the first day of the period it is known to (src/common/dates.ts, the
 * DatePrecision enum's descriptions): MONTH starts on day 1, HALF_YEAR on 1 January or
 * 1 July, YEAR on 1 January.
 */
describe('PreciseDate.label', () => {
  it('writes the date at its precision: 2023-02-21, 2023-09, 2024-H1 or 2024', () => {
    expect(PreciseDate.of('2023-02-21', DatePrecision.DAY).label).toBe('2023-02-21');
    expect(PreciseDate.of('2023-09-01', DatePrecision.MONTH).label).toBe('2023-09');
    expect(PreciseDate.of('2024-01-01', DatePrecision.HALF_YEAR).label).toBe('2024-H1');
    expect(PreciseDate.of('2024-07-01', DatePrecision.HALF_YEAR).label).toBe('2024-H2');
    expect(PreciseDate.of('2024-01-01', DatePrecision.YEAR).label).toBe('2024');
  });

  it('keeps the date and precision it was given', () => {
    const d = PreciseDate.of('2025-08-01', DatePrecision.MONTH);
    expect(d).toBeInstanceOf(PreciseDate);
    expect({ on: d.on, precision: d.precision }).toEqual({
      on: '2025-08-01',
      precision: DatePrecision.MONTH,
    });
  });
});

describe('periodEnd', () => {
  it('is the day itself for a date known to the day', () => {
    expect(periodEnd('2024-02-29', DatePrecision.DAY)).toBe('2024-02-29');
  });

  it('is the last day of the month, leap years included', () => {
    expect(periodEnd('2024-02-01', DatePrecision.MONTH)).toBe('2024-02-29');
    expect(periodEnd('2023-02-01', DatePrecision.MONTH)).toBe('2023-02-28');
    expect(periodEnd('2024-04-01', DatePrecision.MONTH)).toBe('2024-04-30');
    expect(periodEnd('2024-12-01', DatePrecision.MONTH)).toBe('2024-12-31');
  });

  it('is 30 June or 31 December for a half-year, 31 December for a year', () => {
    expect(periodEnd('2024-01-01', DatePrecision.HALF_YEAR)).toBe('2024-06-30');
    expect(periodEnd('2024-07-01', DatePrecision.HALF_YEAR)).toBe('2024-12-31');
    expect(periodEnd('2024-01-01', DatePrecision.YEAR)).toBe('2024-12-31');
  });

  it('agrees with the SQL it documents, case by case', () => {
    const sql = periodEndSql('d.on', 'd.precision');
    expect(sql).toMatch(/^\(case d\.precision when 'DAY' then d\.on/);
    for (const p of ['MONTH', 'HALF_YEAR'] as const) expect(sql).toContain(`when '${p}' then`);
    expect(sql).toContain("interval '1 month' - interval '1 day'");
    expect(sql).toContain("interval '6 months' - interval '1 day'");
    expect(sql).toMatch(/else \(d\.on \+ interval '1 year' - interval '1 day'\)::date end\)$/);
  });
});

describe('isoDay', () => {
  it('reads the Date the Date scalar hands resolvers (midnight UTC) as its day', () => {
    expect(isoDay(new Date(Date.UTC(2025, 7, 17)))).toBe('2025-08-17');
  });

  it('keeps the day of an ISO string and unknown as null', () => {
    expect(isoDay('2025-08-17')).toBe('2025-08-17');
    expect(isoDay('2022-05-31T07:07:48.000+0000')).toBe('2022-05-31');
    expect(isoDay(null)).toBeNull();
    expect(isoDay(undefined)).toBeNull();
  });
});
