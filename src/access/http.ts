import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Request, RequestHandler, Response } from 'express';
import { ANONYMOUS, type Actor } from '../common/actor.js';
import { HubError } from '../common/errors.js';
import { httpStatusOf, sendError } from '../common/http-errors.js';
import { findActorByKey } from './keys.js';

/** Actors already resolved for a request (by {@link authenticate}), so lookup runs once. */
const resolved = new WeakMap<Request, Actor>();

const refuse = (message: string) =>
  new HubError('UNAUTHENTICATED', message, {
    http: { status: httpStatusOf('UNAUTHENTICATED') },
  });

/**
 * Who is calling: anonymous without an `Authorization` header, the key's actor with
 * `Authorization: Bearer <key>`. A malformed header, an unknown or a revoked key is
 * UNAUTHENTICATED (never silently anonymous: a client with a bad key must find out).
 */
export async function resolveActor(req: Request, em: EntityManager): Promise<Actor> {
  const known = resolved.get(req);
  if (known) return known;
  const header = req.headers.authorization;
  let actor: Actor = ANONYMOUS;
  if (header !== undefined) {
    const match = /^Bearer +(\S+) *$/i.exec(header);
    if (!match) throw refuse('The Authorization header must be "Bearer <key>".');
    const found = await findActorByKey(em, match[1]);
    if (!found) throw refuse('Unknown or revoked API key.');
    actor = found;
  }
  resolved.set(req, actor);
  return actor;
}

/** The actor {@link authenticate} found for this request (anonymous when none). */
export const actorOf = (req: Request): Actor => resolved.get(req) ?? ANONYMOUS;

/** Counts failed authentications and refuses callers over the limit (see rate-limit.ts). */
export interface AuthFailureGuard {
  /** Answers 429 and returns true when the caller's address is over the limit. */
  refuseIfBlocked(req: Request, res: Response): Promise<boolean>;
  /** Counts one failed authentication of the caller's address. */
  failed(req: Request): Promise<void>;
}

/**
 * Express middleware: resolves the caller once, before GraphQL runs, and answers
 * 401 UNAUTHENTICATED (with `WWW-Authenticate: Bearer`) for a bad key. With a `guard`,
 * each failure is counted and an address over the limit is refused with 429 before its
 * key is looked up.
 */
export function authenticate(orm: MikroORM, guard?: AuthFailureGuard): RequestHandler {
  return async (req, res, next) => {
    try {
      if (
        guard &&
        !resolved.has(req) &&
        req.headers.authorization !== undefined &&
        (await guard.refuseIfBlocked(req, res))
      )
        return;
      await resolveActor(req, orm.em.fork());
      next();
    } catch (e) {
      if (!(e instanceof HubError) || e.code !== 'UNAUTHENTICATED') return next(e);
      await guard?.failed(req).catch(() => undefined);
      sendError(res, e);
    }
  };
}
