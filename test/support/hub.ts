import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { print } from 'graphql';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { inject } from 'vitest';
import { ANONYMOUS, type Actor } from '../../src/common/actor.js';
import { RequestBudget } from '../../src/common/budget.js';
import { requestValues, type HubContext } from '../../src/common/context.js';
import { loadConfig, type Config } from '../../src/config.js';
import { ormConfig } from '../../src/db/orm.config.js';
import { createSchema } from '../../src/schema.js';
import { createApollo, createApp } from '../../src/server/app.js';

/**
 * Configuration for tests: defaults plus overrides, as the server would parse them. The
 * response cache is off unless a test turns it on (HUB_CACHE=on): tests that write through
 * their own connections and read through HTTP at once must not depend on how fast the
 * data-version notification travels (test/server/response-cache.test.ts tests the cache).
 */
export const testConfig = (env: Record<string, string> = {}): Config =>
  loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', HUB_CACHE: 'off', ...env });

/**
 * The ORM on the run's test database (one per test file), or on `databaseUrl` (a database
 * the test file made itself). With `onQuery`, every SQL statement the ORM sends (entity
 * queries and raw `execute` alike) is reported to it.
 */
export async function openTestOrm(
  onQuery?: (sql: string) => void,
  databaseUrl: string = inject('databaseUrl'),
): Promise<MikroORM> {
  const config = ormConfig(databaseUrl);
  if (!onQuery) return MikroORM.init(config);
  return MikroORM.init({ ...config, debug: ['query'], logger: onQuery });
}

/** Results of an operation run through Apollo's real pipeline. */
export interface OpResult<T> {
  data?: T | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown>; path?: unknown }[];
}

/**
 * The hub's Apollo server on the test database, run in-process through
 * `executeOperation` with a real per-request context.
 */
export async function createTestHub(env: Record<string, string> = {}, databaseUrl?: string) {
  const statements: string[] = [];
  const orm = await openTestOrm((sql) => statements.push(sql), databaseUrl);
  const config = testConfig(env);
  const log = pino({ level: 'silent' });
  const schema = await createSchema();
  const apollo = createApollo({ orm, schema, config, log });
  await apollo.start();
  const context = (actor: Actor = ANONYMOUS): HubContext => ({
    em: orm.em.fork(),
    actor,
    requestId: 'test',
    loaders: requestValues(),
  });
  let last: HubContext | undefined;
  async function run<TData, TVars extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVars> | string,
    variables?: TVars,
    actor?: Actor,
  ): Promise<OpResult<TData>> {
    // The request's budget, created here so that `lastBudget` can read what it spent.
    last = {
      ...context(actor),
      budget: new RequestBudget({
        rows: config.HUB_MAX_ROWS,
        responseBytes: config.HUB_MAX_RESPONSE_BYTES,
        timeMs: config.HUB_MAX_REQUEST_MS,
      }),
    };
    const res = await apollo.executeOperation(
      { query: typeof document === 'string' ? document : print(document), variables },
      { contextValue: last },
    );
    if (res.body.kind !== 'single') throw new Error('unexpected incremental response');
    return res.body.singleResult as OpResult<TData>;
  }
  /** Runs an operation and counts the SQL statements it sent. */
  async function counted<TData, TVars extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVars> | string,
    variables?: TVars,
    actor?: Actor,
  ): Promise<OpResult<TData> & { statements: number; sql: string[] }> {
    statements.length = 0;
    const result = await run(document, variables, actor);
    return { ...result, statements: statements.length, sql: [...statements] };
  }
  return {
    orm,
    run,
    counted,
    context,
    /** The budget the last `run` spent (rows materialised). */
    lastBudget: () => last?.budget,
    close: async () => {
      await apollo.stop();
      await orm.close();
    },
  };
}

/**
 * The real HTTP app on the test database (or on `databaseUrl`), listening on a free port.
 * With `onQuery`, every SQL statement its ORM sends is reported to it.
 */
export async function startTestHttp(
  env: Record<string, string> = {},
  onQuery?: (sql: string) => void,
  databaseUrl?: string,
) {
  const orm = await openTestOrm(onQuery, databaseUrl);
  const config = testConfig(env);
  const log = pino({ level: 'silent' });
  const {
    httpServer,
    close: closeApp,
    metrics,
  } = await createApp({
    orm,
    schema: await createSchema(),
    config,
    log,
  });
  await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
  const { port } = httpServer.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    orm,
    base,
    /** The app's Prometheus metrics (served on HUB_METRICS_PORT by `npm start`). */
    metrics,
    /** POSTs a GraphQL request as JSON. */
    post: (body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    close: async () => {
      await closeApp();
      await orm.close();
    },
  };
}
