import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { seedDatabase } from '../../seeds/DatabaseSeeder.js';
import type { Config } from '../config.js';
import { describeUrl, ensureDatabase, openDatabase } from '../db/database.js';
import { startEmbedded } from '../db/embedded.js';
import { createSchema } from '../schema.js';
import { createApp } from './app.js';

/** The pages a person opens in a browser, announced once the hub is ready. */
export const PAGES = [
  { name: 'GraphiQL, with the query builder and examples', path: '/graphiql' },
  { name: 'The contract (GraphQL SDL)', path: '/schema.graphql' },
  { name: 'Bulk exports (CSV, GeoJSON)', path: '/export' },
];

/** A running hub. */
export interface RunningHub {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts the hub: the database (DATABASE_URL, or an embedded PostgreSQL under
 * HUB_DATA_DIR), migrations, seed data when empty, then the HTTP server.
 */
export async function startHub(config: Config, log: Logger): Promise<RunningHub> {
  const embedded = config.DATABASE_URL
    ? null
    : await startEmbedded(config.HUB_DATA_DIR, config.HUB_EMBEDDED_PG_PORT, log);
  try {
    const dbUrl = config.DATABASE_URL ?? embedded!.url('hub');
    await ensureDatabase(dbUrl);
    log.info(
      { database: describeUrl(dbUrl), embedded: Boolean(embedded) },
      embedded
        ? `using embedded PostgreSQL (data in ${config.HUB_DATA_DIR})`
        : 'using PostgreSQL from DATABASE_URL',
    );
    const orm = await openDatabase(dbUrl, log, {
      statementTimeoutMs: config.HUB_STATEMENT_TIMEOUT_MS,
    });
    if (config.HUB_SEED === 'auto') await seedDatabase(orm, log);
    const schema = await createSchema();
    const { httpServer, close } = await createApp({ orm, schema, config, log });
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.PORT, config.HOST, resolve);
    });
    const { port } = httpServer.address() as AddressInfo;
    const origin = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
    const url = `${origin}/graphql`;
    log.info({ url }, `GraphQL (and GraphiQL) listening on ${url}`);
    for (const page of PAGES)
      log.info({ url: origin + page.path }, `${page.name}: ${origin}${page.path}`);
    return {
      url,
      stop: async () => {
        await close();
        log.debug('HTTP server stopped');
        await orm.close();
        log.debug('database connections closed');
        await embedded?.stop();
        if (embedded) log.debug('embedded PostgreSQL stopped');
      },
    };
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
}
