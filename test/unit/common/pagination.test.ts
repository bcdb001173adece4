import { Cursor } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import type { HubError } from '../../../src/common/errors.js';
import {
  compareKeys,
  connectionOf,
  decodeCursor,
  DEFAULT_PAGE,
  encodeCursor,
  key,
  keysetSql,
  MAX_PAGE,
  pageOfList,
  pageSize,
  readPage,
  type Page,
} from '../../../src/common/pagination.js';

/** The error a call throws (a HubError carries `code` and `extensions`). */
function thrown(f: () => unknown): HubError {
  try {
    f();
  } catch (e) {
    return e as HubError;
  }
  throw new Error('expected an error');
}

const NOT_A_CURSOR = 'is not a cursor returned by this connection';

describe('cursors', () => {
  it('are the sort key as a JSON array in base64url, the format MikroORM reads', () => {
    const k = ['2024-03-12', 7];
    expect(encodeCursor(k)).toBe(Buffer.from('["2024-03-12",7]').toString('base64url'));
    expect(encodeCursor(k)).toBe(Cursor.encode(k));
    expect(Cursor.decode(encodeCursor(k))).toEqual(k);
    expect(decodeCursor(encodeCursor(k))).toEqual(k);
  });

  it('write bigint values as decimal strings (JSON has no bigint)', () => {
    expect(decodeCursor(encodeCursor([9007199254740993n]))).toEqual(['9007199254740993']);
  });

  it('refuse anything else with BAD_USER_INPUT naming the argument', () => {
    for (const bad of ['', 'not base64!', Buffer.from('{"a":1}').toString('base64url'), 'e30'])
      expect(thrown(() => decodeCursor(bad, 'before'))).toMatchObject({
        message: `Argument "before": ${NOT_A_CURSOR}`,
        extensions: { code: 'BAD_USER_INPUT', argument: 'before' },
      });
  });
});

describe('pageSize', () => {
  it(`takes 0 to ${MAX_PAGE}, the default when not given`, () => {
    expect(pageSize(undefined)).toBe(DEFAULT_PAGE);
    expect(pageSize(null, 'first', 7)).toBe(7);
    expect(pageSize(0)).toBe(0);
    expect(pageSize(MAX_PAGE)).toBe(MAX_PAGE);
  });

  it('refuses negative, fractional and oversized sizes, naming the argument', () => {
    for (const n of [-1, 1.5, MAX_PAGE + 1, Number.NaN])
      expect(thrown(() => pageSize(n, 'last')).message).toBe(
        `Argument "last": must be an integer from 0 to ${MAX_PAGE}, got ${n}`,
      );
  });
});

describe('readPage', () => {
  const shape = key('date', 'int');

  it('reads forward and backward pages', () => {
    const after = encodeCursor(['2022-09-19', 32]);
    expect(readPage({ first: 5, after }, shape)).toEqual({
      size: 5,
      backward: false,
      after: ['2022-09-19', 32],
      before: null,
      afterCursor: after,
      beforeCursor: null,
    });
    expect(readPage({ last: 3 }, shape)).toMatchObject({ size: 3, backward: true });
    expect(readPage({}, shape, 50)).toMatchObject({ size: 50, backward: false });
  });

  it('refuses first and last together', () => {
    expect(thrown(() => readPage({ first: 1, last: 1 }, shape)).message).toBe(
      'Argument "last": give either "first" or "last", not both',
    );
  });

  it('refuses a cursor whose key does not fit the shape, before any SQL', () => {
    const bad: unknown[][] = [
      ['2022-09-19'], // too short
      ['2022-09-19', 32, 1], // too long
      ['2022-02-30', 32], // not a calendar day
      ['19/09/2022', 32], // not ISO
      ['2022-09-19', 1.5], // not an integer
      ['2022-09-19', 2147483648], // past a PostgreSQL integer
      ['2022-09-19', '32'], // a string for an int
      [null, 32], // null where the shape allows none
    ];
    for (const k of bad)
      expect(
        thrown(() => readPage({ first: 1, after: encodeCursor(k) }, shape)),
        JSON.stringify(k),
      ).toMatchObject({ message: `Argument "after": ${NOT_A_CURSOR}` });
  });

  it('checks each kind of key part as its SQL column needs it', () => {
    const ok = (parts: Parameters<typeof key>, k: unknown[]) =>
      readPage({ first: 1, before: encodeCursor(k) }, key(...parts)).before;
    expect(ok(['string?', 'int?'], [null, null])).toEqual([null, null]);
    expect(ok(['bigint'], ['123456789012345678'])).toEqual(['123456789012345678']);
    expect(ok(['bigint'], [42])).toEqual([42]);
    expect(ok(['number'], [0.25])).toEqual([0.25]);
    const no = (parts: Parameters<typeof key>, k: unknown[]) =>
      thrown(() => readPage({ first: 1, before: encodeCursor(k) }, key(...parts))).message;
    expect(no(['bigint'], ['1234567890123456789'])).toMatch(NOT_A_CURSOR);
    expect(no(['bigint'], [-1])).toMatch(NOT_A_CURSOR);
    expect(no(['string'], ['a\u0000b'])).toMatch(NOT_A_CURSOR);
    expect(no(['string'], ['x'.repeat(1001)])).toMatch(NOT_A_CURSOR);
  });
});

describe('keysetSql', () => {
  it('builds row comparisons, the order in the page direction and size + 1 rows', () => {
    const page = readPage(
      { last: 10, after: encodeCursor(['2022-01-01', 1]), before: encodeCursor(['2023-01-01', 9]) },
      key('date', 'int'),
    );
    expect(keysetSql(['g.funded_on', 'g.pk'], page, ['date', null])).toEqual({
      conditions: ['(g.funded_on, g.pk) > (?::date, ?)', '(g.funded_on, g.pk) < (?::date, ?)'],
      params: ['2022-01-01', 1, '2023-01-01', 9],
      orderBy: 'g.funded_on desc, g.pk desc',
      limit: 11,
    });
    expect(keysetSql(['c.name'], readPage({}, key('string')))).toEqual({
      conditions: [],
      params: [],
      orderBy: 'c.name asc',
      limit: DEFAULT_PAGE + 1,
    });
  });
});

describe('compareKeys', () => {
  it('compares numbers as numbers and everything else as text, position by position', () => {
    expect(compareKeys([2], [10])).toBeLessThan(0);
    expect(compareKeys(['2'], ['10'])).toBeGreaterThan(0);
    expect(compareKeys(['Crema', 1], ['Crema', 2])).toBeLessThan(0);
    expect(compareKeys(['a', 1], ['a', 1])).toBe(0);
    expect(compareKeys(['a'], ['a', 1])).toBeLessThan(0);
  });
});

describe('pageOfList and connectionOf', () => {
  // Six items sorted by their key [n].
  const list = [1, 2, 3, 4, 5, 6];
  const keyOf = (n: number) => [n];
  const page = (args: Parameters<typeof readPage>[0]): Page => readPage(args, key('int'));
  const nodes = (c: { edges: { node: number }[] }) => c.edges.map((e) => e.node);

  it('pages forward with hasNextPage from the extra row', () => {
    const first = pageOfList(list, page({ first: 2 }), keyOf);
    expect(nodes(first)).toEqual([1, 2]);
    expect(first.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor([1]),
      endCursor: encodeCursor([2]),
    });
    expect(first.totalCount).toBe(6);
    const next = pageOfList(list, page({ first: 10, after: first.pageInfo.endCursor }), keyOf);
    expect(nodes(next)).toEqual([3, 4, 5, 6]);
    expect(next.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('pages backward in connection order, the nearest rows to `before` last', () => {
    const last = pageOfList(list, page({ last: 2 }), keyOf);
    expect(nodes(last)).toEqual([5, 6]);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const prev = pageOfList(list, page({ last: 3, before: last.pageInfo.startCursor }), keyOf);
    expect(nodes(prev)).toEqual([2, 3, 4]);
    expect(prev.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const start = pageOfList(list, page({ last: 5, before: encodeCursor([2]) }), keyOf);
    expect(nodes(start)).toEqual([1]);
    expect(start.pageInfo.hasPreviousPage).toBe(false);
  });

  it('answers an empty page with null cursors', () => {
    const empty = pageOfList(list, page({ first: 0 }), keyOf);
    expect(empty.edges).toEqual([]);
    expect(empty.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });

  it('counts only when totalCount is read', () => {
    let calls = 0;
    const count = () => {
      calls++;
      return Promise.resolve(42);
    };
    const c = connectionOf([1, 2, 3], page({ first: 2 }), keyOf, count);
    expect(calls).toBe(0);
    expect(nodes(c)).toEqual([1, 2]);
    return Promise.resolve(c.totalCount).then((n) => {
      expect(n).toBe(42);
      void c.totalCount;
      expect(calls).toBe(1);
    });
  });
});
