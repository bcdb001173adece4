import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { seedDatabase } from '../../seeds/DatabaseSeeder.js';
import type { Config } from '../config.js';
import { describeUrl, ensureDatabase, openDatabase } from '../db/database.js';
import { startEmbedded } from '../db/embedded.js';
import { createSchema } from '../schema.js';
import { createApp } from './app.js';
import { startMetricsServer } from './metrics.js';

/** The pages a person opens in a browser, announced once the hub is ready. */
export const PAGES = [
  { name: 'GraphiQL, with the query builder and examples', path: '/graphiql' },
  { name: 'The contract (GraphQL SDL)', path: '/schema.graphql' },
  { name: 'The map of the comuni (any indicator of the wide table)', path: '/map' },
  { name: 'Bulk exports (CSV, GeoJSON)', path: '/export' },
  { name: 'The catalogue of the exports (DCAT-AP_IT)', path: '/export/catalog.jsonld' },
];

/** A running hub. */
export interface RunningHub {
  url: string;
  /** Where Prometheus metrics are served (HUB_METRICS_PORT), or null. */
  metricsUrl: string | null;
  stop: () => Promise<void>;
}

/** Thrown by {@link startHub} when its start is interrupted through its signal. */
export class StartInterrupted extends Error {}

/**
 * Starts the hub: the database (DATABASE_URL, or an embedded PostgreSQL under
 * HUB_DATA_DIR), migrations, seed data when empty, then the HTTP server. When `signal`
 * aborts during the start (SIGTERM while seeding), the database connections are cut (the
 * work in progress is rolled back), the embedded server is released, and the start throws
 * {@link StartInterrupted}.
 */
export async function startHub(
  config: Config,
  log: Logger,
  signal?: AbortSignal,
): Promise<RunningHub> {
  const embedded = config.DATABASE_URL
    ? null
    : await startEmbedded(config.HUB_DATA_DIR, config.HUB_EMBEDDED_PG_PORT, log);
  let orm: Awaited<ReturnType<typeof openDatabase>> | undefined;
  const interrupt = () => {
    log.info('start interrupted: stopping');
    void orm?.close(true).catch(() => undefined);
    void embedded?.release().catch((err: unknown) => log.error({ err }, 'release failed'));
  };
  const step = () => {
    if (signal?.aborted) throw new StartInterrupted('start interrupted by a signal');
  };
  signal?.addEventListener('abort', interrupt, { once: true });
  try {
    step();
    const dbUrl = config.DATABASE_URL ?? embedded!.url('hub');
    await ensureDatabase(dbUrl);
    log.info(
      { database: describeUrl(dbUrl), embedded: Boolean(embedded) },
      embedded
        ? `using embedded PostgreSQL (data in ${config.HUB_DATA_DIR})`
        : 'using PostgreSQL from DATABASE_URL',
    );
    orm = await openDatabase(dbUrl, log, {
      statementTimeoutMs: config.HUB_STATEMENT_TIMEOUT_MS,
      replicaUrls: config.DATABASE_REPLICA_URLS,
    });
    if (config.DATABASE_REPLICA_URLS.length)
      log.info(
        { replicas: config.DATABASE_REPLICA_URLS.map(describeUrl) },
        `reads outside transactions go to ${config.DATABASE_REPLICA_URLS.length} read replica(s) (DATABASE_REPLICA_URLS)`,
      );
    step();
    if (config.HUB_SEED === 'auto') await seedDatabase(orm, log);
    step();
    const schema = await createSchema();
    const { httpServer, close, metrics } = await createApp({ orm, schema, config, log });
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.PORT, config.HOST, resolve);
    });
    signal?.removeEventListener('abort', interrupt);
    const { port } = httpServer.address() as AddressInfo;
    const origin = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
    const url = `${origin}/graphql`;
    log.info({ url }, `GraphQL (and GraphiQL) listening on ${url}`);
    for (const page of PAGES)
      log.info({ url: origin + page.path }, `${page.name}: ${origin}${page.path}`);
    const metricsServer =
      config.HUB_METRICS_PORT === undefined
        ? null
        : await startMetricsServer(metrics, config.HUB_METRICS_HOST, config.HUB_METRICS_PORT);
    if (metricsServer)
      log.info({ url: metricsServer.url }, `Prometheus metrics on ${metricsServer.url}`);
    return {
      url,
      metricsUrl: metricsServer?.url ?? null,
      stop: async () => {
        await close();
        if (metricsServer) {
          metricsServer.server.closeAllConnections();
          await new Promise((r) => metricsServer.server.close(r));
        }
        log.debug('HTTP server stopped');
        await orm!.close();
        log.debug('database connections closed');
        await embedded?.release();
      },
    };
  } catch (e) {
    signal?.removeEventListener('abort', interrupt);
    await orm?.close(true).catch(() => undefined);
    await embedded?.release();
    if (signal?.aborted) throw new StartInterrupted('start interrupted by a signal');
    throw e;
  }
}
