import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateResolver } from 'graphql-scalars';
import { badInput } from './errors.js';

/** The ISO calendar date scalar (`YYYY-MM-DD`), shared by every domain. */
export const DateScalar = DateResolver;

/** How precisely a date is known. */
export enum DatePrecision {
  DAY = 'DAY',
  MONTH = 'MONTH',
  HALF_YEAR = 'HALF_YEAR',
  YEAR = 'YEAR',
}
registerEnumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'How precisely a date is known.',
  valuesConfig: {
    DAY: { description: 'Known to the day.' },
    MONTH: { description: 'Known to the month: `on` is the first day of that month.' },
    HALF_YEAR: { description: 'Known to the half-year: `on` is 1 January or 1 July.' },
    YEAR: { description: 'Known to the year: `on` is 1 January.' },
  },
});

/** A date with the precision it is known to; never pretends to a day it does not know. */
@ObjectType({ description: 'A date with the precision it is known to.' })
export class PreciseDate {
  /** First day of the period the date is known to. */
  @Field(() => DateScalar, {
    description: 'The date; when precision is coarser than DAY, the first day of the period.',
  })
  on!: string;

  /** Precision of `on`. */
  @Field(() => DatePrecision, { description: 'How precisely the date is known.' })
  precision!: DatePrecision;

  /** Human reading of the date at its precision ("2023-09", "2024 H1"). */
  @Field(() => String, {
    description: 'The date written at its precision: 2023-02-21, 2023-09, 2024-H1 or 2024.',
  })
  get label(): string {
    const [y, m] = this.on.split('-');
    switch (this.precision) {
      case DatePrecision.DAY:
        return this.on;
      case DatePrecision.MONTH:
        return `${y}-${m}`;
      case DatePrecision.HALF_YEAR:
        return `${y}-H${Number(m) <= 6 ? 1 : 2}`;
      default:
        return y;
    }
  }

  static of(on: string, precision: DatePrecision): PreciseDate {
    return Object.assign(new PreciseDate(), { on, precision });
  }
}

/**
 * Last day (ISO) of the period a precise date stands for: the day itself, or the last day of
 * its month, half-year or year. A date known to the month "December 2024" may fall on any day
 * up to 2024-12-31, so range filters compare ranges, not first days.
 */
export function periodEnd(on: string, precision: DatePrecision): string {
  const [y, m] = on.split('-').map(Number);
  const months = { DAY: 0, MONTH: 1, HALF_YEAR: 6, YEAR: 12 }[precision];
  if (!months) return on;
  // Day 0 of the month after the period is its last day.
  return new Date(Date.UTC(y, m - 1 + months, 0)).toISOString().slice(0, 10);
}

/** SQL for {@link periodEnd}: the last day of the period of a date column and its precision. */
export function periodEndSql(on: string, precision: string): string {
  return `(case ${precision} when 'DAY' then ${on}
    when 'MONTH' then (${on} + interval '1 month' - interval '1 day')::date
    when 'HALF_YEAR' then (${on} + interval '6 months' - interval '1 day')::date
    else (${on} + interval '1 year' - interval '1 day')::date end)`;
}

/**
 * A `Date` argument as an ISO day. graphql-scalars' Date scalar hands resolvers a JS Date
 * (midnight UTC); compare days as strings, never Dates with strings.
 */
export function isoDay(value: Date | string | null | undefined): string | null {
  if (value == null) return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}

/**
 * The `from` and `until` days of a filter argument as ISO days (null when not given), refused
 * with BAD_USER_INPUT naming `<argument>.until` when `until` is before `from`.
 */
export function dayRange(
  filter: { from?: Date | string | null; until?: Date | string | null } | null | undefined,
  argument = 'filter',
): { from: string | null; until: string | null } {
  const from = isoDay(filter?.from);
  const until = isoDay(filter?.until);
  if (from && until && from > until)
    throw badInput(`${argument}.until`, `${until} is before ${argument}.from ${from}`);
  return { from, until };
}
