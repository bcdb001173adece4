import { GraphQLScalarType, Kind } from 'graphql';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Formats an exact decimal (as PostgreSQL `numeric` returns it, a string) with two
 * decimals, rounding half away from zero on the digits alone: no float ever touches it.
 */
export function formatMoney(value: string | number | bigint): string {
  const text = typeof value === 'string' ? value.trim() : String(value);
  if (!DECIMAL.test(text)) throw new TypeError(`Money: "${text}" is not a decimal number`);
  const negative = text.startsWith('-');
  const [intPart, frac = ''] = (negative ? text.slice(1) : text).split('.');
  let cents = BigInt(intPart + (frac + '00').slice(0, 2));
  if ((frac[2] ?? '0') >= '5') cents += 1n;
  const abs = cents.toString().padStart(3, '0');
  const out = `${abs.slice(0, -2)}.${abs.slice(-2)}`;
  return negative && cents !== 0n ? `-${out}` : out;
}

/** Money in EUR: a decimal string with two decimals ("79922.00"), exact end to end. */
export const MoneyScalar = new GraphQLScalarType({
  name: 'Money',
  description:
    'An amount in EUR as a decimal string with exactly two decimals, e.g. "79922.00". Exact: never a float.',
  serialize: (value) => formatMoney(value as string),
  parseValue: (value) => {
    if (typeof value !== 'string' || !DECIMAL.test(value))
      throw new TypeError('Money must be a decimal string such as "1000.00"');
    return formatMoney(value);
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || !DECIMAL.test(ast.value))
      throw new TypeError('Money must be a decimal string such as "1000.00"');
    return formatMoney(ast.value);
  },
});
