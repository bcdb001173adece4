import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from './actor.js';
import type { RequestBudget } from './budget.js';

declare const REQUEST_VALUES: unique symbol;

/**
 * What a request keeps for itself (its loader sets, its caches), built lazily once per
 * request. Opaque: values go in and out only through a {@link LoaderSet} (or
 * {@link perRequest}), never by hand. Make one per request with {@link requestValues}.
 */
export interface RequestValues {
  readonly [REQUEST_VALUES]: true;
}

/** The values behind each request's opaque store (dropped with the request). */
const stores = new WeakMap<RequestValues, Map<unknown, unknown>>();

/** A fresh, empty store for a new request's context. */
export function requestValues(): RequestValues {
  const store = Object.freeze({}) as RequestValues;
  stores.set(store, new Map());
  return store;
}

/**
 * The per-request context: one forked EntityManager, the caller, and the request's
 * DataLoaders (built lazily, once per request, by the {@link LoaderSet}s that ask for them).
 */
export interface HubContext {
  em: EntityManager;
  actor: Actor;
  /** The hub's id of the request (UUID, also in the `x-request-id` response header). */
  requestId: string;
  /** The client's own `x-request-id`, when it sent a usable one (see src/server/request-id.ts). */
  clientRequestId?: string | null;
  /** The request's loader sets and caches (see {@link defineLoaders}). */
  loaders: RequestValues;
  /** What the request may still spend (rows, time); set for every GraphQL request. */
  budget?: RequestBudget;
}

/**
 * Returns the value built by `factory` for this request, building it on first use (the
 * factory itself is the key). Prefer {@link defineLoaders} for a domain's loader set.
 */
export function perRequest<T>(ctx: HubContext, factory: (ctx: HubContext) => T): T {
  const values = stores.get(ctx.loaders);
  if (!values) throw new Error('HubContext.loaders must be made by requestValues()');
  if (values.has(factory)) return values.get(factory) as T;
  const value = factory(ctx);
  values.set(factory, value);
  return value;
}

/** The typed accessor of a loader set: the request's instance, built on first use. */
export type LoaderSet<T> = (ctx: HubContext) => T;

/**
 * Declares a set of loaders (or any per-request value) built once per request:
 * `export const energyLoaders = defineLoaders((ctx) => ({ community: new DataLoader(...) }))`
 * gives `energyLoaders(ctx).community`, typed, with nothing cached across requests.
 */
export function defineLoaders<T>(factory: (ctx: HubContext) => T): LoaderSet<T> {
  return (ctx) => perRequest(ctx, factory);
}

/** Forgets every loader set and cache of the request (what it read before a write is stale). */
export function clearLoaders(ctx: HubContext): void {
  stores.get(ctx.loaders)?.clear();
}
