import { describe, expect, it } from 'vitest';
import { romeDateTime } from '../../../../../src/domains/pnrr/rules/rome-time.js';

/*
 * Italy keeps CET (UTC+01:00) in winter and CEST (UTC+02:00) from the last Sunday of March
 * at 02:00 to the last Sunday of October at 03:00 (EU directive 2000/84/EC).
 */
describe('romeDateTime', () => {
  it('gives +01:00 in winter and +02:00 in summer', () => {
    expect(romeDateTime('2025-12-04', '20:30')).toBe('2025-12-04T20:30:00+01:00');
    expect(romeDateTime('2025-07-15', '09:00')).toBe('2025-07-15T09:00:00+02:00');
  });

  it('changes on the last Sundays of March and October', () => {
    // 2025: 30 March and 26 October.
    expect(romeDateTime('2025-03-29', '12:00')).toBe('2025-03-29T12:00:00+01:00');
    expect(romeDateTime('2025-03-30', '01:59')).toBe('2025-03-30T01:59:00+01:00');
    expect(romeDateTime('2025-03-30', '03:00')).toBe('2025-03-30T03:00:00+02:00');
    expect(romeDateTime('2025-10-26', '01:00')).toBe('2025-10-26T01:00:00+02:00');
    expect(romeDateTime('2025-10-26', '04:00')).toBe('2025-10-26T04:00:00+01:00');
  });

  it('names an instant that is the wall-clock time in Rome', () => {
    for (const [day, time] of [
      ['2024-02-29', '18:00'],
      ['2024-08-01', '00:15'],
      ['2025-12-31', '23:59'],
    ]) {
      const instant = new Date(romeDateTime(day, time));
      const wall = new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Europe/Rome',
        dateStyle: 'short',
        timeStyle: 'short',
      }).format(instant);
      expect(wall).toBe(`${day} ${time}`);
    }
  });
});
