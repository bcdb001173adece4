import { ArgsType, Extensions, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Cursor } from '@mikro-orm/core';
import { badInput } from './errors.js';

/** The largest page a client may ask for. */
export const MAX_PAGE = 500;

/** Relay forward-paging arguments, shared by every connection. */
@ArgsType()
export class PageArgs {
  /** Page size. */
  @Field(() => Int, { defaultValue: 20, description: `Page size, 0 to ${MAX_PAGE}.` })
  first: number = 20;

  /** Opaque cursor of the last edge already seen. */
  @Field(() => String, {
    nullable: true,
    description: 'Return the edges after this cursor (an `endCursor` or an edge `cursor`).',
  })
  after?: string | null;
}

/** Checks `first` against the cap; names the argument in the error. */
export function pageSize(first: number | undefined | null): number {
  const n = first ?? 20;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE)
    throw badInput('first', `must be an integer from 0 to ${MAX_PAGE}, got ${n}`);
  return n;
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

/** The plain shape of a connection, built by {@link fromCursor} or {@link fromRows}. */
export interface ConnectionShape<T> {
  totalCount: number;
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
  @ObjectType(`${name}Connection`, { description: `A page of ${what}, keyset-paged.` })
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

/**
 * What each position of a keyset cursor holds, as its SQL column needs it: `text` (no control
 * characters), `int` (PostgreSQL integer), `bigint` (digits, as a number or a string), `date`
 * (a real calendar day, YYYY-MM-DD); a trailing `?` allows null.
 */
export type CursorPart = 'text' | 'int' | 'bigint' | 'date' | 'text?' | 'int?';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const INT_MAX = 2147483647;

function fits(value: unknown, part: CursorPart): boolean {
  if (value === null) return part.endsWith('?');
  switch (part.replace('?', '')) {
    case 'text':
      return typeof value === 'string' && value.length <= 1000 && !CONTROL.test(value);
    case 'int':
      return Number.isInteger(value) && Math.abs(value as number) <= INT_MAX;
    case 'bigint':
      return (
        (Number.isSafeInteger(value) && (value as number) >= 0) ||
        (typeof value === 'string' && /^\d{1,18}$/.test(value))
      );
    case 'date': {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
      const d = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
    }
    default:
      return false;
  }
}

/** The values of a decoded cursor, checked against the shape its connection writes. */
function checkKey(key: unknown, shape: readonly CursorPart[]): unknown[] {
  if (!Array.isArray(key) || key.length !== shape.length || !key.every((v, i) => fits(v, shape[i])))
    throw badInput('after', 'is not a cursor returned by this connection');
  return key;
}

/**
 * Checks an `after` argument meant for MikroORM's `findByCursor` before it reaches SQL,
 * against the shape of the connection's order (e.g. `['text']` for an order by ISTAT code):
 * a forged or corrupted cursor is a `BAD_USER_INPUT` naming the argument, never SQL that
 * PostgreSQL refuses.
 */
export function checkOrmCursor(
  after: string | null | undefined,
  shape: readonly CursorPart[],
): string | undefined {
  if (after == null) return undefined;
  let key: unknown;
  try {
    key = Cursor.decode(after);
  } catch {
    /* reported below */
  }
  checkKey(key, shape);
  return after;
}

/** Turns a MikroORM keyset cursor into a Relay connection. */
export function fromCursor<T extends object>(cursor: Cursor<T>, after?: string | null) {
  return {
    totalCount: cursor.totalCount ?? 0,
    edges: cursor.items.map((node) => ({ cursor: cursor.from(node), node: node as T })),
    pageInfo: {
      hasNextPage: cursor.hasNextPage,
      hasPreviousPage: Boolean(after),
      startCursor: cursor.startCursor,
      endCursor: cursor.endCursor,
    },
  } satisfies ConnectionShape<T>;
}

/** Encodes a keyset position as an opaque cursor. */
export const encodeCursor = (key: unknown[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

/**
 * Decodes an opaque cursor, or throws `BAD_USER_INPUT` naming `after`. With a `shape`, each
 * value is checked against what its SQL column needs ({@link CursorPart}).
 */
export function decodeCursor(after: string, shape?: readonly CursorPart[]): unknown[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    /* reported below */
  }
  if (shape) return checkKey(key, shape);
  if (Array.isArray(key) && key.every((v) => v === null || typeof v !== 'object')) return key;
  throw badInput('after', 'is not a cursor returned by this connection');
}

/**
 * Builds a connection from rows fetched with `first + 1` (to know whether more follow),
 * for keyset queries written by hand.
 */
export function fromRows<T>(
  rows: T[],
  first: number,
  totalCount: number,
  key: (row: T) => unknown[],
  after?: string | null,
): ConnectionShape<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(key(node)), node }));
  return {
    totalCount,
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
