import type { Request, RequestHandler, Response } from 'express';
import {
  RateLimiterMemory,
  RateLimiterRes,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Config } from '../config.js';
import { httpError, sendError } from '../common/http-errors.js';
import { actorOf, type AuthFailureGuard } from '../access/http.js';
import { ROLES, type Actor, type Role } from '../common/actor.js';

/** The rate-limit tiers: anonymous callers (per IP address) and each key role (per key). */
type Tier = 'ANONYMOUS' | Role;

/** Every tier: anonymous, then the roles of {@link ROLES}. */
const TIERS: readonly Tier[] = ['ANONYMOUS', ...ROLES];

/** The tier of a caller: its key's role, or ANONYMOUS. */
const tierOf = (actor: Actor): Tier => (actor.kind === 'key' ? actor.role : 'ANONYMOUS');

/** Requests per window of each tier, from the configuration (HUB_RATE_<TIER>; 0 = no limit). */
const limitOf = (c: Config): Record<Tier, number> =>
  Object.fromEntries(TIERS.map((tier) => [tier, c[`HUB_RATE_${tier}`]])) as Record<Tier, number>;

/**
 * Where the counters live. Every limiter of the hub is made here, from the options
 * rate-limiter-flexible's stores share (keyPrefix, points, duration): in memory today (one
 * process); a hub run as several processes passes a store that makes `RateLimiterRedis`
 * (same options plus `storeClient`) and nothing else changes.
 */
export interface LimiterStore {
  limiter(options: IRateLimiterOptions & { keyPrefix: string }): RateLimiterAbstract;
}

/** Counters in this process's memory. */
export const memoryStore: LimiterStore = { limiter: (options) => new RateLimiterMemory(options) };

/** Called on every refusal with the name of the limit (`extensions.limit`, README Safety). */
export type RefusalListener = (limit: string) => void;

/** The client's address: the socket's, or the proxy's forwarded one under HUB_TRUST_PROXY. */
export const clientIp = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/** Answers 429 RATE_LIMITED with `Retry-After` (seconds) and a message naming the limit. */
function tooMany(res: Response, r: RateLimiterRes, limit: string, message: string) {
  const seconds = Math.max(1, Math.ceil(r.msBeforeNext / 1000));
  sendError(
    res,
    httpError('RATE_LIMITED', `${message}; retry in ${seconds} s.`, {
      limit,
      retryAfterSeconds: seconds,
    }),
  );
}

/** The hub's limiters, made once per app on one store. */
export interface Limits {
  /** GraphQL requests per caller and role (HUB_RATE_<ROLE>). Runs after `authenticate`. */
  requests: RequestHandler;
  /** Failed authentications per client IP (HUB_RATE_AUTH_FAILURES); for `authenticate`. */
  authFailures: AuthFailureGuard | undefined;
  /** Export downloads per key (HUB_RATE_EXPORTS). Runs after `authenticate`. */
  exports: RequestHandler;
  /** Export downloads without a key, per client IP (HUB_RATE_EXPORTS_ANONYMOUS). */
  anonymousExports: RequestHandler;
}

/**
 * Builds the limiters. Over a limit the answer is 429 `RATE_LIMITED` with `Retry-After`,
 * `extensions.limit` naming the limit (`requests`, `authFailures`, `exports`) and
 * `extensions.retryAfterSeconds`.
 */
export function createLimits(
  config: Config,
  opts: { store?: LimiterStore; onRefusal?: RefusalListener } = {},
): Limits {
  const store = opts.store ?? memoryStore;
  const refused = opts.onRefusal ?? (() => undefined);
  return {
    requests: requestLimit(config, store, refused),
    authFailures: authFailureLimit(config, store, refused),
    exports: exportLimit(config, store, refused),
    anonymousExports: anonymousExportLimit(config, store, refused),
  };
}

/**
 * GraphQL requests per caller: anonymous callers by IP address, key holders by key, with a
 * limit per role (HUB_RATE_*, per HUB_RATE_WINDOW_SECONDS). Sets the RateLimit-* headers.
 */
function requestLimit(config: Config, store: LimiterStore, refused: RefusalListener) {
  const limits = limitOf(config);
  const limiters = new Map<Tier, RateLimiterAbstract>();
  for (const tier of TIERS) {
    const points = limits[tier];
    if (points > 0)
      limiters.set(
        tier,
        store.limiter({
          keyPrefix: `hub-rate-${tier.toLowerCase()}`,
          points,
          duration: config.HUB_RATE_WINDOW_SECONDS,
        }),
      );
  }
  const handler: RequestHandler = async (req, res, next) => {
    const actor = actorOf(req);
    const tier = tierOf(actor);
    const limiter = limiters.get(tier);
    if (!limiter) return next();
    const key = actor.kind === 'key' ? `key:${actor.keyId}` : `ip:${clientIp(req)}`;
    const headers = (r: RateLimiterRes) =>
      res.set({
        'RateLimit-Limit': String(limits[tier]),
        'RateLimit-Remaining': String(Math.max(0, r.remainingPoints)),
        'RateLimit-Reset': String(Math.ceil(r.msBeforeNext / 1000)),
      });
    try {
      headers(await limiter.consume(key));
      next();
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) return next(e);
      headers(e);
      const limit = 'requests';
      refused(limit);
      tooMany(
        res,
        e,
        limit,
        `Rate limit of ${limits[tier]} requests per ${config.HUB_RATE_WINDOW_SECONDS} s for ${tier === 'ANONYMOUS' ? 'anonymous callers' : `${tier} keys`} reached`,
      );
    }
  };
  return handler;
}

/**
 * Failed authentications per client IP address: after HUB_RATE_AUTH_FAILURES of them within
 * HUB_RATE_AUTH_WINDOW_SECONDS, every request from that address that carries an
 * `Authorization` header is refused (429) until the window ends, before any key is looked
 * up. Requests without credentials are not affected (the anonymous limit applies to them),
 * and a success does not reset the count (a valid key must not launder guesses).
 */
function authFailureLimit(
  config: Config,
  store: LimiterStore,
  refused: RefusalListener,
): AuthFailureGuard | undefined {
  const points = config.HUB_RATE_AUTH_FAILURES;
  if (points <= 0) return undefined;
  const window = config.HUB_RATE_AUTH_WINDOW_SECONDS;
  const limiter = store.limiter({ keyPrefix: 'hub-auth-failures', points, duration: window });
  return {
    async refuseIfBlocked(req, res) {
      const r = await limiter.get(`ip:${clientIp(req)}`);
      if (!r || r.consumedPoints < points) return false;
      refused('authFailures');
      tooMany(
        res,
        r,
        'authFailures',
        `Too many failed authentications from this address (${points} per ${window} s, HUB_RATE_AUTH_FAILURES); requests with credentials are refused until the window ends`,
      );
      return true;
    },
    async failed(req) {
      // The next request sees the count; consume() rejects once over the limit, which is fine.
      await limiter.consume(`ip:${clientIp(req)}`).catch((e: unknown) => {
        if (!(e instanceof RateLimiterRes)) throw e;
      });
    },
  };
}

/**
 * Export downloads (`GET /export/<file>`) per key: HUB_RATE_EXPORTS per
 * HUB_RATE_EXPORT_WINDOW_SECONDS. The list (`GET /export`) is not counted.
 */
function exportLimit(config: Config, store: LimiterStore, refused: RefusalListener) {
  const points = config.HUB_RATE_EXPORTS;
  const window = config.HUB_RATE_EXPORT_WINDOW_SECONDS;
  const limiter =
    points > 0 ? store.limiter({ keyPrefix: 'hub-exports', points, duration: window }) : null;
  const handler: RequestHandler = async (req, res, next) => {
    const actor = actorOf(req);
    if (!limiter || actor.kind !== 'key' || req.method !== 'GET' || req.path === '/') return next();
    try {
      await limiter.consume(`key:${actor.keyId}`);
      next();
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) return next(e);
      refused('exports');
      tooMany(
        res,
        e,
        'exports',
        `Export limit of ${points} downloads per ${window} s for this key reached (HUB_RATE_EXPORTS)`,
      );
    }
  };
  return handler;
}

/**
 * Export downloads without a key (open exports, metadata, the catalogue and the data
 * package) per client IP address: HUB_RATE_EXPORTS_ANONYMOUS per
 * HUB_RATE_EXPORT_WINDOW_SECONDS, refused as the `exports` limit. The list (`GET /export`)
 * is not counted; key holders are counted by `exports` instead.
 */
function anonymousExportLimit(config: Config, store: LimiterStore, refused: RefusalListener) {
  const points = config.HUB_RATE_EXPORTS_ANONYMOUS;
  const window = config.HUB_RATE_EXPORT_WINDOW_SECONDS;
  const limiter =
    points > 0
      ? store.limiter({ keyPrefix: 'hub-exports-anonymous', points, duration: window })
      : null;
  const handler: RequestHandler = async (req, res, next) => {
    const actor = actorOf(req);
    if (!limiter || actor.kind === 'key' || req.method !== 'GET' || req.path === '/') return next();
    try {
      await limiter.consume(`ip:${clientIp(req)}`);
      next();
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) return next(e);
      refused('exports');
      tooMany(
        res,
        e,
        'exports',
        `Export limit of ${points} downloads per ${window} s without a key for this address reached (HUB_RATE_EXPORTS_ANONYMOUS)`,
      );
    }
  };
  return handler;
}
