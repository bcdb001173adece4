/*
 * Readers of the keys and reference codes the hub passes around as text: the key inside a
 * global id, an ISTAT code, a list of comuni bound into SQL. Pure: no I/O.
 */

/** A 6-digit ISTAT code of a comune, e.g. "019035". */
export const ISTAT_CODE = /^\d{6}$/;

/** Whether a text is a 6-digit ISTAT code. */
export const isIstatCode = (code: string): boolean => ISTAT_CODE.test(code);

/**
 * The integer primary key inside a global id's key, or null when the key is not one (1 to 9
 * digits: always a PostgreSQL integer, never a float or a negative number).
 */
export const intKey = (key: string): number | null => (/^\d{1,9}$/.test(key) ? Number(key) : null);

/**
 * A list of texts as ONE bind parameter of type `text[]` (`{"a","b"}`), for `= any(?::text[])`.
 * It works the same through `em.execute` (which would expand a JS array into a list) and
 * through `readRows`.
 */
export const textArrayParam = (values: readonly string[]): string =>
  `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/**
 * THE way to bind a list of comuni (ISTAT codes) into SQL run with parameters (`execute`,
 * `readRows`): write `column = any(?::text[])` and pass
 * `comuniParam(codes)` as its parameter. An empty list matches nothing.
 */
export const comuniParam = (codes: readonly string[]): string => textArrayParam(codes);

/**
 * A SQL `text[]` literal of ISTAT codes, e.g. `'{019035,019036}'::text[]`, for statements
 * that cannot bind parameters (the COPY of the exports). Every code is checked first, so
 * nothing but digits reaches the SQL text.
 */
export function comuniLiteral(codes: readonly string[]): string {
  const bad = codes.find((c) => !isIstatCode(c));
  if (bad !== undefined) throw new Error(`not an ISTAT code: ${JSON.stringify(bad)}`);
  return `'{${codes.join(',')}}'::text[]`;
}

/** Loads by the integer key inside a global id's key; null, without a query, when it is none. */
export function withIntKey<T>(
  key: string,
  load: (pk: number) => Promise<T | null>,
): Promise<T | null> {
  const pk = intKey(key);
  return pk === null ? Promise.resolve(null) : load(pk);
}
