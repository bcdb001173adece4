import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from './actor.js';
import type { RequestBudget } from './budget.js';

/**
 * The per-request context: one forked EntityManager, the caller, and the request's
 * DataLoaders (built lazily, once per request, by {@link perRequest}).
 */
export interface HubContext {
  em: EntityManager;
  actor: Actor;
  /** The hub's id of the request (UUID, also in the `x-request-id` response header). */
  requestId: string;
  /** The client's own `x-request-id`, when it sent a usable one (see src/server/request-id.ts). */
  clientRequestId?: string | null;
  loaders: Map<unknown, unknown>;
  /** What the request may still spend (rows, time); set for every GraphQL request. */
  budget?: RequestBudget;
}

/**
 * Returns the value built by `factory` for this request, building it on first use.
 * Domains keep their loader sets behind it, so nothing is cached across requests.
 */
export function perRequest<T>(ctx: HubContext, factory: (ctx: HubContext) => T): T {
  let value = ctx.loaders.get(factory) as T | undefined;
  if (value === undefined) {
    value = factory(ctx);
    ctx.loaders.set(factory, value);
  }
  return value;
}
