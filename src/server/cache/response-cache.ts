import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, RequestHandler } from 'express';
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { HubContext } from '../../common/context.js';
import { actorOf } from '../../access/http.js';
import type { KeyValueStore } from './store.js';
import type { DataVersionWatcher } from './version.js';

/*
 * The response cache (README "Running at scale"). An answer is stored under a key made of:
 * the schema it was computed with, the data version current when its request started
 * (DataVersionWatcher), the operation (SHA-256 of the document, as persisted queries name
 * it), the operation name and the variables. A new data version makes every older key
 * unreachable at once: an answer is never reused a moment after the data it was computed on
 * changed, and no TTL is guessed. Only answers that cannot depend on who asks are stored:
 * queries of anonymous callers (who can read no personal data: such fields answer FORBIDDEN,
 * and answers with errors are never stored). Key holders' answers are computed every time
 * (an EDITOR's read of personal data must also reach the access log), mutations are never
 * stored.
 *
 * Hits are answered before Apollo runs ({@link ResponseCache.middleware}): no parsing, no
 * context, no ORM, no SQL. The same key gives the answer's ETag, so a conditional GET with
 * a current ETag gets 304 without even a lookup.
 */

/** What a GraphQL request asks, as far as the cache key goes. */
export interface CacheRequest {
  /** SHA-256 (hex) of the document, as APQ's `persistedQuery.sha256Hash`. */
  queryHash: string;
  operationName?: string | null;
  variables?: unknown;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** `Cache-Control` of answers any cache may keep, revalidating with the ETag before each use. */
export const PUBLIC_CACHE_CONTROL = 'public, no-cache';
/** `Cache-Control` of answers that must not be stored anywhere. */
export const NO_STORE = 'no-store';
/** `Cache-Control` of key holders' answers. */
export const PRIVATE_NO_STORE = 'private, no-store';

/** Header saying how the answer was made: HIT (from the cache), MISS (computed and stored). */
export const CACHE_HEADER = 'x-hub-cache';

/** The response cache: the store, the data version, the Apollo plugin and the HTTP fast path. */
export class ResponseCache {
  private readonly versionAtStart = new WeakMap<HubContext, string | null>();

  constructor(
    private readonly watcher: DataVersionWatcher,
    /** Null when HUB_CACHE=off: answers are computed every time (ETags still work). */
    private readonly store: KeyValueStore | null,
    /** Identifies the schema (and so the code) that computes answers. */
    private readonly schemaId: string,
    private readonly log: Logger,
  ) {}

  /** The key hash of a request at a data version. */
  keyOf(version: string, r: CacheRequest): string {
    const variables =
      r.variables && typeof r.variables === 'object' && Object.keys(r.variables).length
        ? JSON.stringify(r.variables)
        : '{}';
    return createHash('sha256')
      .update(
        `${this.schemaId}\n${version}\n${r.queryHash}\n${r.operationName ?? ''}\n${variables}`,
      )
      .digest('base64url')
      .slice(0, 32);
  }

  /** The ETag of the answer stored under a key hash. */
  static etag = (key: string) => `"${key}"`;

  /** The current data version token (null while unknown). */
  version(): string | null {
    return this.watcher.current();
  }

  /**
   * Express middleware on /graphql (after authentication, rate limits and the JSON body
   * parser): answers 304 to a conditional GET whose ETag is current, and a stored answer to
   * an anonymous request whose key is stored; everything else goes on to Apollo.
   */
  middleware(): RequestHandler {
    return async (req, res, next) => {
      try {
        const version = this.watcher.current();
        if (!version || actorOf(req).kind !== 'anonymous' || req.headers.authorization)
          return next();
        const asked = requestOf(req);
        if (!asked) return next();
        const type = req.accepts(['application/json', 'application/graphql-response+json']);
        if (!type) return next();
        const key = this.keyOf(version, asked);
        const etag = ResponseCache.etag(key);
        if (req.method === 'GET' && matches(req.headers['if-none-match'], etag)) {
          res.set({ ETag: etag, 'Cache-Control': PUBLIC_CACHE_CONTROL, Vary: 'Accept' });
          return void res.status(304).end();
        }
        const body = this.store ? await this.store.get(`r:${key}`) : undefined;
        if (body === undefined) return next();
        res.set({
          'Content-Type': `${type}; charset=utf-8`,
          ETag: etag,
          'Cache-Control': PUBLIC_CACHE_CONTROL,
          Vary: 'Accept',
          [CACHE_HEADER]: 'HIT',
        });
        res.status(200).end(body);
      } catch (e) {
        // A store that fails (Redis down) costs the cache, never the answer.
        this.log.warn({ err: e }, 'response cache lookup failed');
        next();
      }
    };
  }

  /** The Apollo plugin: decides what is cacheable, stores it, sets ETag and Cache-Control. */
  plugin(): ApolloServerPlugin<HubContext> {
    return {
      requestDidStart: async ({ contextValue }) => {
        // The version before anything is read: an answer is stored under the version it
        // was computed on, or an older one (never a newer one).
        this.versionAtStart.set(contextValue, this.watcher.current());
        return {
          willSendResponse: async ({
            response,
            operation,
            contextValue: ctx,
            request,
            queryHash,
          }) => {
            const headers = response.http.headers;
            if (operation?.operation === 'mutation') {
              headers.set('cache-control', NO_STORE);
              // This process's next answer must include its own write, whichever comes
              // first: the notification or the next request. A mutation refused before it
              // ran, or failed (no field answered), wrote nothing, and sends no SQL.
              const data = response.body.kind === 'single' ? response.body.singleResult.data : null;
              if (data && Object.values(data).some((v) => v !== null))
                await this.watcher.refresh().catch(() => undefined);
              return;
            }
            if (ctx.actor.kind !== 'anonymous') {
              headers.set('cache-control', PRIVATE_NO_STORE);
              return;
            }
            const version = this.versionAtStart.get(ctx);
            const body = response.body;
            if (
              !version ||
              !queryHash ||
              operation?.operation !== 'query' ||
              body.kind !== 'single' ||
              body.singleResult.errors?.length ||
              !body.singleResult.data ||
              (response.http.status ?? 200) !== 200
            ) {
              headers.set('cache-control', NO_STORE);
              return;
            }
            const key = this.keyOf(version, {
              queryHash,
              operationName: request.operationName,
              variables: request.variables,
            });
            headers.set('etag', ResponseCache.etag(key));
            headers.set('cache-control', PUBLIC_CACHE_CONTROL);
            headers.set('vary', 'Accept');
            if (!this.store) return;
            headers.set(CACHE_HEADER, 'MISS');
            // As Apollo writes it (JSON and a newline).
            await this.store
              .set(`r:${key}`, `${JSON.stringify(body.singleResult)}\n`)
              .catch(() => undefined);
          },
        };
      },
    };
  }
}

/** True when an If-None-Match header names the ETag (or is `*`). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

const parseJson = (v: unknown): unknown => {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return Symbol.for('invalid');
  }
};

/**
 * What an HTTP GraphQL request asks (GET query string or POST JSON body), or null when it is
 * not one plain request (a batch, a bad body, a GET without CSRF preflight header: Apollo
 * answers those).
 */
export function requestOf(req: Request): CacheRequest | null {
  let source: Record<string, unknown>;
  if (req.method === 'GET') {
    // Apollo's CSRF prevention refuses a GET without one of these headers (or a
    // non-simple content type); a hit must not skip the refusal.
    const ct = req.headers['content-type'];
    if (
      !req.headers['apollo-require-preflight'] &&
      !req.headers['x-apollo-operation-name'] &&
      !(ct && !/^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i.test(ct))
    )
      return null;
    source = req.query as Record<string, unknown>;
  } else if (req.method === 'POST') {
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) return null;
    source = req.body as Record<string, unknown>;
  } else return null;
  const variables = parseJson(source.variables);
  const extensions = parseJson(source.extensions);
  if (typeof variables === 'symbol' || typeof extensions === 'symbol') return null;
  if (variables !== undefined && (typeof variables !== 'object' || Array.isArray(variables)))
    return null;
  const operationName = source.operationName;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
    return null;
  let queryHash: string | undefined;
  if (typeof source.query === 'string') queryHash = sha256(source.query);
  else {
    const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)
      ?.persistedQuery?.sha256Hash;
    if (typeof persisted === 'string' && /^[0-9a-f]{64}$/i.test(persisted))
      queryHash = persisted.toLowerCase();
  }
  if (!queryHash) return null;
  return { queryHash, operationName: operationName ?? null, variables: variables ?? undefined };
}
