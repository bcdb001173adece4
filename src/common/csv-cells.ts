import { DatePrecision } from './dates.js';
import { RowError } from './importer.js';
import { isIstatCode } from './keys.js';

/*
 * Cell readers shared by the CSV importers: each names the column and the rejection code
 * in its RowError, so a rejected row says where the problem is and what kind it is.
 */

/** A trimmed cell, '' when absent. */
export const cell = (r: Record<string, string>, column: string) => (r[column] ?? '').trim();

/** A required cell. */
export function required(r: Record<string, string>, column: string): string {
  const v = cell(r, column);
  if (!v) throw new RowError(column, 'is empty', 'EMPTY');
  return v;
}

/** A required cell holding a 6-digit ISTAT code (the reference code of a comune). */
export function istatCell(r: Record<string, string>, column: string): string {
  const v = required(r, column);
  if (!isIstatCode(v))
    throw new RowError(column, `"${v}" is not a 6-digit ISTAT code`, 'INVALID_CODE');
  return v;
}

/** A cell holding one of an enum's values (or blank when `optional`). */
export function enumCell<T extends string>(
  r: Record<string, string>,
  column: string,
  values: Record<string, T>,
  optional = false,
): T | null {
  const v = cell(r, column).toUpperCase();
  if (!v && optional) return null;
  if (!v)
    throw new RowError(
      column,
      `is empty; expected one of ${Object.values(values).join(', ')}`,
      'EMPTY',
    );
  const found = Object.values(values).find((x) => x === v);
  if (!found)
    throw new RowError(
      column,
      `"${cell(r, column)}" is not one of ${Object.values(values).join(', ')}`,
    );
  return found;
}

/** A code that must be in a reference set (blank allowed when `optional`). */
export function refCell(
  r: Record<string, string>,
  column: string,
  known: Set<string>,
  what: string,
  optional = false,
): string | null {
  const v = cell(r, column);
  if (!v && optional) return null;
  if (!v) throw new RowError(column, `is empty; expected a ${what}`, 'EMPTY');
  if (!known.has(v)) throw new RowError(column, `unknown ${what} "${v}"`, 'UNKNOWN_REFERENCE');
  return v;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * An ISO date with its precision (blank precision: DAY). A date known to the month,
 * half-year or year must be the first day of its period, so that nothing pretends to a day.
 */
export function preciseDateCells(
  r: Record<string, string>,
  dateColumn: string,
  precisionColumn: string,
): { on: string; precision: DatePrecision } {
  const on = cell(r, dateColumn);
  if (!on) throw new RowError(dateColumn, 'is empty; expected a date YYYY-MM-DD', 'EMPTY');
  const m = ISO.exec(on);
  // "2023-13-01" is an Invalid Date: toISOString would throw a RangeError, not a RowError.
  const day = new Date(`${on}T00:00:00Z`);
  const valid =
    m &&
    !Number.isNaN(day.getTime()) &&
    day.toISOString().slice(0, 10) === on &&
    Number(m[1]) > 1900;
  if (!valid)
    throw new RowError(dateColumn, `"${on}" is not a date in the form YYYY-MM-DD`, 'INVALID_DATE');
  const precision = cell(r, precisionColumn)
    ? enumCell(r, precisionColumn, DatePrecision)!
    : DatePrecision.DAY;
  const [, , mm, dd] = m;
  const firstOfPeriod =
    precision === DatePrecision.DAY ||
    (dd === '01' &&
      (precision === DatePrecision.MONTH ||
        (precision === DatePrecision.HALF_YEAR && (mm === '01' || mm === '07')) ||
        (precision === DatePrecision.YEAR && mm === '01')));
  if (!firstOfPeriod)
    throw new RowError(
      dateColumn,
      `"${on}" with precision ${precision} must be the first day of the period (e.g. 2023-02-01 for MONTH)`,
      'INCONSISTENT',
    );
  return { on, precision };
}

/** Rejects a second row with the same natural key (`what`), naming the first line. */
export function uniqueKeys(column: string, what: string) {
  const seen = new Map<string, number>();
  return (key: string, line: number) => {
    const first = seen.get(key);
    if (first) throw new RowError(column, `same ${what} as line ${first}`, 'DUPLICATE');
    seen.set(key, line);
  };
}
