import type { RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config.js';
import { actorOf } from './actor.js';

/** The rate-limit tiers: anonymous callers (per IP address) and each key role (per key). */
type Tier = 'ANONYMOUS' | 'PARTNER' | 'ANALYST' | 'EDITOR' | 'ADMIN';

/** Requests per window of each tier, from the configuration (0 = no limit). */
const limitOf = (c: Config): Record<Tier, number> => ({
  ANONYMOUS: c.HUB_RATE_ANONYMOUS,
  PARTNER: c.HUB_RATE_PARTNER,
  ANALYST: c.HUB_RATE_ANALYST,
  EDITOR: c.HUB_RATE_EDITOR,
  ADMIN: c.HUB_RATE_ADMIN,
});

/**
 * Express middleware limiting GraphQL requests per caller: anonymous callers by IP
 * address, key holders by key, with a limit per role (HUB_RATE_*, per
 * HUB_RATE_WINDOW_SECONDS). Over the limit: 429 RATE_LIMITED with Retry-After. Each
 * app builds its own counters (in memory: one process; use a shared store when scaling out).
 * Runs after `authenticate`, which has resolved the caller.
 */
export function rateLimit(config: Config): RequestHandler {
  const limits = limitOf(config);
  const limiters = new Map<Tier, RateLimiterMemory>();
  for (const [tier, points] of Object.entries(limits) as [Tier, number][])
    if (points > 0)
      limiters.set(
        tier,
        new RateLimiterMemory({ points, duration: config.HUB_RATE_WINDOW_SECONDS }),
      );
  return async (req, res, next) => {
    const actor = actorOf(req);
    const tier: Tier = actor.kind === 'key' ? actor.role : 'ANONYMOUS';
    const limiter = limiters.get(tier);
    if (!limiter) return next();
    const key = actor.kind === 'key' ? `key:${actor.keyId}` : `ip:${req.ip ?? 'unknown'}`;
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
      const seconds = Math.ceil(e.msBeforeNext / 1000);
      headers(e)
        .set('Retry-After', String(seconds))
        .status(429)
        .json({
          errors: [
            {
              message: `Rate limit of ${limits[tier]} requests per ${config.HUB_RATE_WINDOW_SECONDS} s for ${tier === 'ANONYMOUS' ? 'anonymous callers' : `${tier} keys`} reached; retry in ${seconds} s.`,
              extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds },
            },
          ],
        });
    }
  };
}
