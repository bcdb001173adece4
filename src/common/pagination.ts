import {
  Reference,
  Utils,
  wrap,
  type EntityManager,
  type EntityName,
  type FilterQuery,
  type QueryOrderMap,
} from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import { ArgsType, Extensions, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from './errors.js';

/**
 * Relay paging for every connection of the hub, both ways and keyset-based:
 *
 * 1. a resolver reads its arguments with {@link readPage}, naming the shape of its cursor
 *    key (e.g. `key('string', 'int')`): sizes and cursors are checked before any SQL;
 * 2. it fetches `size + 1` rows in the page's direction past the cursors' keys: with
 *    {@link keysetSql} (hand-written SQL), {@link findPage} (the same keyset as a MikroORM
 *    filter, for entities) or {@link pageOfList} (a short list already in memory);
 * 3. {@link connectionOf} turns the rows into edges and `pageInfo`.
 *
 * A cursor is the row's sort key as a JSON array in base64url; bigint values are written as
 * strings. Every connection reads and writes cursors here, whatever fetches its rows.
 */

/** The largest page a client may ask for. */
export const MAX_PAGE = 500;

/** Page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE = 20;

/** Relay paging arguments, shared by every connection: forward and backward. */
@ArgsType()
export class PageArgs {
  /** Page size, counted from the start (or from `after`). */
  @Field(() => Int, {
    nullable: true,
    description: `Page size counted from the start (or from \`after\`), 0 to ${MAX_PAGE}; ${DEFAULT_PAGE} when neither \`first\` nor \`last\` is given.`,
  })
  first?: number | null;

  /** Opaque cursor of the last edge already seen. */
  @Field(() => String, {
    nullable: true,
    description: 'Return the edges after this cursor (an `endCursor` or an edge `cursor`).',
  })
  after?: string | null;

  /** Page size, counted from the end (or from `before`): pages backward. */
  @Field(() => Int, {
    nullable: true,
    description: `Page size counted from the end (or from \`before\`), 0 to ${MAX_PAGE}: pages backward. Not with \`first\`.`,
  })
  last?: number | null;

  /** Opaque cursor of the first edge already seen. */
  @Field(() => String, {
    nullable: true,
    description: 'Return the edges before this cursor (a `startCursor` or an edge `cursor`).',
  })
  before?: string | null;
}

/** Checks a page size against the cap; names the argument in the error. */
export function pageSize(n: number | undefined | null, arg = 'first', def = DEFAULT_PAGE): number {
  const size = n ?? def;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE)
    throw badInput(arg, `must be an integer from 0 to ${MAX_PAGE}, got ${size}`);
  return size;
}

/** Relay page information. */
@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more edges follow this page.' })
  hasNextPage!: boolean;
  @Field(() => Boolean, { description: 'Whether edges precede this page.' })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of the page.' })
  startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the page.' })
  endCursor!: string | null;
}

/**
 * The plain shape of a connection, built by {@link connectionOf}. `totalCount` may be a
 * promise: the connections count lazily, only when the client selects the field.
 */
export interface ConnectionShape<T> {
  totalCount: number | Promise<number>;
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/** Builds the Relay connection and edge types for a node type. */
export function Connection<T extends object>(node: ClassType<T>, name: string, what: string) {
  @ObjectType(`${name}Edge`, { description: `An edge to ${what}.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this edge.' })
    cursor!: string;
    @Field(() => node, { description: `The ${what}.` })
    node!: T;
  }
  @ObjectType(`${name}Connection`, {
    description: `A page of ${what}, keyset-paged both ways (first/after, last/before).`,
  })
  class Conn implements ConnectionShape<T> {
    @Field(() => Int, { description: 'Number of items matching, over all pages.' })
    totalCount!: number;
    // Sized by the `first` of the field that returned the connection (the cost estimate).
    @Extensions({ sizedByParent: true, maxItems: MAX_PAGE })
    @Field(() => [Edge], { description: 'The edges of this page.' })
    edges!: Edge[];
    @Field(() => PageInfo, { description: 'Where this page stands.' })
    pageInfo!: PageInfo;
  }
  return Conn;
}

/** Encodes a keyset position as an opaque cursor (bigint values as decimal strings). */
export const encodeCursor = (key: readonly unknown[]): string =>
  Buffer.from(
    JSON.stringify(key, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
  ).toString('base64url');

/** Decodes an opaque cursor, or throws `BAD_USER_INPUT` naming the argument. */
export function decodeCursor(cursor: string, arg = 'after'): unknown[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key)) return key;
  } catch {
    /* reported below */
  }
  throw badInput(arg, 'is not a cursor returned by this connection');
}

/** What one position of a cursor key holds. */
export type KeyPart = 'string' | 'int' | 'number' | 'date' | 'bigint' | 'string?' | 'int?';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const INT_MAX = 2147483647;

/** Whether a value fits its key position as the SQL column needs it (checked before SQL). */
const PART: Record<string, (v: unknown) => boolean> = {
  // Text without control characters, of a sane length.
  string: (v) => typeof v === 'string' && v.length <= 1000 && !CONTROL.test(v),
  // A PostgreSQL integer.
  int: (v) => Number.isInteger(v) && Math.abs(v as number) <= INT_MAX,
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  // A real calendar day.
  date: (v) => {
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  },
  // A bigint column: written as a decimal string (or a safe integer, by older cursors).
  bigint: (v) =>
    (Number.isSafeInteger(v) && (v as number) >= 0) ||
    (typeof v === 'string' && /^\d{1,18}$/.test(v)),
};

/** The shape of a connection's cursor key, checked before a cursor reaches SQL. */
export interface KeyShape {
  parts: readonly KeyPart[];
}

/** Declares the shape of a cursor key, e.g. `key('date', 'int')` for [funding date, id]. */
export const key = (...parts: KeyPart[]): KeyShape => ({ parts });

/** A page asked for, checked: how many rows, which way, between which keys. */
export interface Page {
  size: number;
  /** Paging backward (`last`): rows are fetched in reverse order, nearest `before` first. */
  backward: boolean;
  after: unknown[] | null;
  before: unknown[] | null;
  /** The cursors as given. */
  afterCursor: string | null;
  beforeCursor: string | null;
}

function readKey(cursor: string | null | undefined, arg: string, shape: KeyShape) {
  if (cursor == null) return null;
  const k = decodeCursor(cursor, arg);
  const fits = (v: unknown, p: KeyPart) =>
    v === null ? p.endsWith('?') : PART[p.replace('?', '')](v);
  if (k.length !== shape.parts.length || !shape.parts.every((p, i) => fits(k[i], p)))
    throw badInput(arg, 'is not a cursor returned by this connection');
  return k;
}

/**
 * Reads and checks paging arguments: `first` or `last` (not both; `defaultSize` when
 * neither), `after` and `before` of the given key shape. Errors name the argument.
 */
export function readPage(
  args: PageArgs,
  shape: KeyShape,
  defaultSize: number = DEFAULT_PAGE,
): Page {
  if (args.first != null && args.last != null)
    throw badInput('last', 'give either "first" or "last", not both');
  const backward = args.last != null;
  return {
    size: backward ? pageSize(args.last, 'last') : pageSize(args.first, 'first', defaultSize),
    backward,
    after: readKey(args.after, 'after', shape),
    before: readKey(args.before, 'before', shape),
    afterCursor: args.after ?? null,
    beforeCursor: args.before ?? null,
  };
}

/**
 * Builds the connection from the rows fetched for a page: up to `size + 1` rows in the
 * page's query order (reversed when paging backward), the extra row telling that more
 * rows lie that way. `totalCount` as a function is called only if the client asks.
 */
export function connectionOf<T>(
  rows: readonly T[],
  page: Page,
  keyOf: (row: T) => readonly unknown[],
  totalCount: number | (() => Promise<number>),
): ConnectionShape<T> {
  const items = rows.slice(0, page.size);
  if (page.backward) items.reverse();
  return pageConnection(items, rows.length > page.size, page, keyOf, totalCount);
}

/** The connection of a page's items (in connection order) and whether more lie beyond. */
function pageConnection<T>(
  items: readonly T[],
  more: boolean,
  page: Page,
  keyOf: (row: T) => readonly unknown[],
  totalCount: number | (() => Promise<number>),
): ConnectionShape<T> {
  const edges = items.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  const pageInfo: PageInfo = {
    // The side paged toward is known from the extra row, the side we came from by the
    // cursor given (Relay allows false there when that costs a query).
    hasNextPage: page.backward ? page.before != null : more,
    hasPreviousPage: page.backward ? more : page.after != null,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
  if (typeof totalCount === 'number') return { totalCount, edges, pageInfo };
  let count: Promise<number> | undefined;
  const shape = { edges, pageInfo } as ConnectionShape<T>;
  // GraphQL reads the property only when the client selects totalCount.
  Object.defineProperty(shape, 'totalCount', {
    enumerable: true,
    get: () => (count ??= totalCount()),
  });
  return shape;
}

/**
 * The keyset part of a hand-written query ordered by `columns`, all ascending in the
 * connection's order: the conditions (to AND into the WHERE clause), their parameters,
 * the ORDER BY list in the page's direction and the LIMIT (`size + 1`). `types` casts the
 * parameters where PostgreSQL cannot infer them (e.g. `['date', 'int']`).
 */
export function keysetSql(
  columns: readonly string[],
  page: Page,
  types: readonly (string | null)[] = [],
): { conditions: string[]; params: unknown[]; orderBy: string; limit: number } {
  const row = `(${columns.join(', ')})`;
  const values = `(${columns.map((_, i) => (types[i] ? `?::${types[i]}` : '?')).join(', ')})`;
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (page.after) {
    conditions.push(`${row} > ${values}`);
    params.push(...page.after);
  }
  if (page.before) {
    conditions.push(`${row} < ${values}`);
    params.push(...page.before);
  }
  const dir = page.backward ? 'desc' : 'asc';
  return {
    conditions,
    params,
    orderBy: columns.map((c) => `${c} ${dir}`).join(', '),
    limit: page.size + 1,
  };
}

/** The conditions of a query's WHERE clause and their bind parameters, in order. */
export class Conditions {
  readonly sql: string[] = [];
  readonly params: unknown[] = [];

  /** Adds a condition with the values of its `?` placeholders. */
  add(sql: string, ...values: unknown[]): void {
    this.sql.push(sql);
    this.params.push(...values);
  }
}

const whereOf = (conditions: readonly string[]) =>
  conditions.length ? `where ${conditions.join(' and ')}` : '';

/**
 * One keyset page (rows from {@link keysetSql}) of the codes of `from` (a table and its
 * alias) that meet `where`, and the count of every match: a second statement, asked only when
 * a page past the end comes back empty (see {@link connectionOf}).
 */
export async function pageOfCodes(
  em: SqlEntityManager,
  q: { code: string; from: string; where: Conditions },
  ks: ReturnType<typeof keysetSql>,
): Promise<{ codes: string[]; count: () => Promise<number> }> {
  const rows = await em.getConnection().execute<{ code: string }[]>(
    `select ${q.code} as code from ${q.from} ${whereOf([...q.where.sql, ...ks.conditions])}
      order by ${ks.orderBy} limit ?`,
    [...q.where.params, ...ks.params, ks.limit],
  );
  const count = async () => {
    const [r] = await em
      .getConnection()
      .execute<{ n: number }[]>(
        `select count(*)::int as n from ${q.from} ${whereOf(q.where.sql)}`,
        q.where.params,
      );
    return r.n;
  };
  return { codes: rows.map((r) => r.code), count };
}

/** Compares two cursor keys position by position (numbers numerically, else as strings). */
export function compareKeys(a: readonly unknown[], b: readonly unknown[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    const [s, t] = [String(x), String(y)];
    if (s !== t) return s < t ? -1 : 1;
  }
  return a.length - b.length;
}

/** A page of a list already loaded and sorted by `keyOf` (ascending, see compareKeys). */
export function pageOfList<T>(
  list: readonly T[],
  page: Page,
  keyOf: (item: T) => readonly unknown[],
): ConnectionShape<T> {
  const inWindow = list.filter(
    (item) =>
      (!page.after || compareKeys(keyOf(item), page.after) > 0) &&
      (!page.before || compareKeys(keyOf(item), page.before) < 0),
  );
  const rows = page.backward
    ? inWindow.slice(Math.max(0, inWindow.length - page.size - 1)).reverse()
    : inWindow.slice(0, page.size + 1);
  return connectionOf(rows, page, keyOf, list.length);
}

/** A sort value of an entity for a cursor: a related entity by its primary key. */
function sortValue(value: unknown): unknown {
  const v = Reference.isReference(value) ? value.unwrap() : value;
  return Utils.isEntity(v) ? wrap(v, true).getPrimaryKey() : v;
}

type Dir = 'asc' | 'desc';

/** A sort property of {@link keysetFilter}: its name, direction and whether it may be null. */
export interface SortProp {
  name: string;
  dir: Dir;
  nullable: boolean;
}

/**
 * The rows strictly beyond `key` in the given order (`asc`: greater, `desc`: smaller), as a
 * MikroORM filter: the keyset condition of {@link keysetSql}, written property by property.
 * PostgreSQL sorts nulls last ascending and first descending, so a nullable property counts
 * null as greater than any value.
 */
export function keysetFilter(
  props: readonly SortProp[],
  key: readonly unknown[],
): Record<string, unknown> {
  const branches: Record<string, unknown>[] = [];
  props.forEach((p, i) => {
    const v = key[i];
    const equal = props.slice(0, i).map((q, j) => ({ [q.name]: key[j] ?? null }));
    let step: Record<string, unknown> | null;
    if (v === null || v === undefined)
      // Only non-null values lie beyond a null, and only when nulls come first (descending).
      step = p.dir === 'desc' ? { [p.name]: { $ne: null } } : null;
    else {
      step = { [p.name]: p.dir === 'asc' ? { $gt: v } : { $lt: v } };
      if (p.dir === 'asc' && p.nullable) step = { $or: [step, { [p.name]: null }] };
    }
    if (step) branches.push(equal.length ? { $and: [...equal, step] } : step);
  });
  // No row lies beyond (only when every position is null and ascending): match nothing.
  return branches.length
    ? { $or: branches }
    : { $and: [{ [props[0].name]: null }, { [props[0].name]: { $ne: null } }] };
}

/**
 * A page of entities, keyset-paged by this module like every connection (MikroORM runs the
 * query; the cursors are this module's): `orderBy` must end with a unique property. Fetches
 * `size + 1` rows in the page's direction; the count runs only if asked for.
 */
export async function findPage<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  orderBy: QueryOrderMap<T>,
  page: Page,
): Promise<ConnectionShape<T>> {
  const meta = em.getMetadata().get<T>(Utils.className(entity));
  const props = Object.entries(orderBy as Record<string, unknown>).map(([name, d]) => ({
    name,
    dir: (String(d).toLowerCase().startsWith('desc') ? 'desc' : 'asc') as Dir,
    nullable: Boolean((meta.properties as Record<string, { nullable?: boolean }>)[name]?.nullable),
  }));
  const flip = (d: Dir): Dir => (d === 'asc' ? 'desc' : 'asc');
  const conditions: unknown[] = [where];
  if (page.after) conditions.push(keysetFilter(props, page.after));
  if (page.before)
    conditions.push(
      keysetFilter(
        props.map((p) => ({ ...p, dir: flip(p.dir) })),
        page.before,
      ),
    );
  const rows = await em.find(entity, { $and: conditions } as FilterQuery<T>, {
    orderBy: Object.fromEntries(
      props.map((p) => [p.name, page.backward ? flip(p.dir) : p.dir]),
    ) as QueryOrderMap<T>,
    limit: page.size + 1,
  });
  const keyOf = (e: T) => props.map((p) => sortValue((e as Record<string, unknown>)[p.name]));
  return connectionOf(rows, page, keyOf, () => em.count(entity, where));
}
