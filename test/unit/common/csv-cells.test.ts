import { describe, expect, it } from 'vitest';
import {
  cell,
  enumCell,
  preciseDateCells,
  refCell,
  required,
  uniqueKeys,
} from '../../../src/common/csv-cells.js';
import { DatePrecision } from '../../../src/common/dates.js';
import { RowError } from '../../../src/common/importer.js';

/** The RowError a call throws, as "column: message [CODE]". */
function rejection(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RowError);
    const r = e as RowError;
    return `${r.column}: ${r.message} [${r.code}]`;
  }
  throw new Error('the cell was accepted');
}

describe('cell and required', () => {
  it('trim, and an absent column is empty', () => {
    expect(cell({ nome: '  Crema ' }, 'nome')).toBe('Crema');
    expect(cell({}, 'nome')).toBe('');
    expect(required({ nome: ' Crema' }, 'nome')).toBe('Crema');
    expect(rejection(() => required({ nome: '   ' }, 'nome'))).toBe('nome: is empty [EMPTY]');
  });
});

describe('enumCell', () => {
  it('reads a value in any case, blank when optional', () => {
    expect(enumCell({ p: 'month' }, 'p', DatePrecision)).toBe(DatePrecision.MONTH);
    expect(enumCell({ p: '' }, 'p', DatePrecision, true)).toBeNull();
  });

  it('lists the accepted values when refusing', () => {
    expect(rejection(() => enumCell({ p: 'week' }, 'p', DatePrecision))).toBe(
      'p: "week" is not one of DAY, MONTH, HALF_YEAR, YEAR [INVALID_VALUE]',
    );
    expect(rejection(() => enumCell({}, 'p', DatePrecision))).toBe(
      'p: is empty; expected one of DAY, MONTH, HALF_YEAR, YEAR [EMPTY]',
    );
  });
});

describe('refCell', () => {
  const comuni = new Set(['019035', '019036']);
  it('takes a known code, blank when optional', () => {
    expect(refCell({ c: '019035' }, 'c', comuni, 'ISTAT code')).toBe('019035');
    expect(refCell({ c: '' }, 'c', comuni, 'ISTAT code', true)).toBeNull();
  });
  it('names the unknown code and what it should be', () => {
    expect(rejection(() => refCell({ c: '019999' }, 'c', comuni, 'ISTAT code'))).toBe(
      'c: unknown ISTAT code "019999" [UNKNOWN_REFERENCE]',
    );
    expect(rejection(() => refCell({}, 'c', comuni, 'ISTAT code'))).toBe(
      'c: is empty; expected a ISTAT code [EMPTY]',
    );
  });
});

describe('preciseDateCells', () => {
  const read = (on: string, precision = '') =>
    preciseDateCells({ on, precision }, 'on', 'precision');

  it('reads a day, and a period by its first day (DatePrecision\u2019s definition)', () => {
    expect(read('2023-02-21')).toEqual({ on: '2023-02-21', precision: DatePrecision.DAY });
    expect(read('2023-09-01', 'MONTH')).toEqual({ on: '2023-09-01', precision: 'MONTH' });
    expect(read('2024-07-01', 'half_year')).toEqual({ on: '2024-07-01', precision: 'HALF_YEAR' });
    expect(read('2024-01-01', 'YEAR')).toEqual({ on: '2024-01-01', precision: 'YEAR' });
  });

  it('refuses a day a coarser precision would pretend to know', () => {
    for (const [on, p] of [
      ['2023-09-15', 'MONTH'],
      ['2024-03-01', 'HALF_YEAR'],
      ['2024-07-02', 'HALF_YEAR'],
      ['2024-02-01', 'YEAR'],
    ])
      expect(rejection(() => read(on, p))).toBe(
        `on: "${on}" with precision ${p} must be the first day of the period (e.g. 2023-02-01 for MONTH) [INCONSISTENT]`,
      );
  });

  it('refuses what is not a calendar day (month 13 threw a RangeError before this test)', () => {
    for (const on of ['2023-02-29', '2023-13-01', '21/02/2023', '2023-2-1', '1899-12-31'])
      expect(rejection(() => read(on))).toBe(
        `on: "${on}" is not a date in the form YYYY-MM-DD [INVALID_DATE]`,
      );
    expect(rejection(() => read(''))).toBe('on: is empty; expected a date YYYY-MM-DD [EMPTY]');
    expect(rejection(() => read('2023-01-01', 'WEEK'))).toMatch(/^precision: "WEEK" is not one of/);
  });
});

describe('uniqueKeys', () => {
  it('names the line that first held the key', () => {
    const check = uniqueKeys('codice', 'code');
    check('A', 2);
    check('B', 3);
    expect(rejection(() => check('A', 4))).toBe('codice: same code as line 2 [DUPLICATE]');
  });
});
