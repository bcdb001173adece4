import { Extensions } from 'type-graphql';
import { badInput, HubError } from './errors.js';

/**
 * How big a field's answer can be, declared on the field (GraphQL field extensions) and read
 * by the cost estimate (src/server/limits/cost.ts) and the runtime guard
 * (src/server/limits/instrument.ts): every list field declares one (a test checks it).
 */
export interface SizeExtensions {
  /** Hard cap of a list: it never holds more (a larger one is refused, never cut). */
  maxItems?: number;
  /** The argument that sets the size: an Int (e.g. `first`) or a list (its length). */
  sizeArg?: string;
  /** A connection's `edges`: sized by the `first` of the field that returned the connection. */
  sizedByParent?: boolean;
}

/**
 * A check of a field's arguments that needs no I/O (e.g. that a global id names a known
 * type), run with every other argument check before the operation executes: it throws a
 * BAD_USER_INPUT naming the argument, and the whole request is refused (HTTP 400).
 */
export interface ArgumentExtensions {
  checkArguments?: (args: Record<string, unknown>) => void;
}

/** Declares a pre-execution check of a field's arguments ({@link ArgumentExtensions}). */
export const CheckArguments = (check: (args: Record<string, unknown>) => void) =>
  Extensions({ checkArguments: check } satisfies ArgumentExtensions);

/** Longest text an input field or argument takes, when above {@link MAX_STRING_LENGTH}. */
export interface LengthExtensions {
  maxLength?: number;
}

/**
 * Longest string any argument takes unless its field declares more: codes, names,
 * search texts and cursors are far shorter; long free texts (a plan's procedures) say so.
 */
export const MAX_STRING_LENGTH = 1000;

/**
 * Lists of comuni (members of a grouping, comuni of a lot or of a community...) hold at most
 * this many: the hub holds the comuni of the province of Cremona (113 in ISTAT's list).
 */
export const MAX_COMUNI = 150;

/** A list field with a documented hard cap of `n` items. */
export const MaxItems = (n: number) => Extensions({ maxItems: n } satisfies SizeExtensions);

/** A list whose size is set by the argument `arg` (Int: the count; list: its length). */
export const SizedBy = (arg: string, max: number) =>
  Extensions({ sizeArg: arg, maxItems: max } satisfies SizeExtensions);

/** An input field or argument that takes texts up to `n` characters. */
export const MaxLength = (n: number) => Extensions({ maxLength: n } satisfies LengthExtensions);

/** Checks a `first` argument of a capped list: 0 to `max`, or BAD_USER_INPUT naming it. */
export function listSize(first: number | null | undefined, max: number, argument = 'first') {
  const n = first ?? max;
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw badInput(argument, `must be an integer from 0 to ${max}, got ${n}`);
  return n;
}

/**
 * A list past its documented cap: a defect of the hub (the list needs paging), reported as
 * such rather than cut short, which would be a silent lie.
 */
export const capExceeded = (field: string, n: number, max: number) =>
  new HubError(
    'INTERNAL_SERVER_ERROR',
    `${field} holds ${n} items, more than its documented cap of ${max}: a defect of the hub (the list needs paging); please report it.`,
    { limit: 'listCap', max },
  );

/**
 * The first `first` items (0 to `max`, default `max`) of a list capped at `max`. Load up to
 * `max + 1` items: a list past its cap is refused ({@link capExceeded}), never cut.
 */
export function firstItems<T>(
  items: readonly T[],
  first: number | null | undefined,
  max: number,
  field: string,
): T[] {
  const n = listSize(first, max);
  if (items.length > max) throw capExceeded(field, items.length, max);
  return items.slice(0, n);
}

/** Number of values of a string enum (a list with one row per value is capped by it). */
export const enumSize = (e: Record<string, string>) => Object.keys(e).length;
