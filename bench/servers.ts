/**
 * How each of the three servers is started on the benchmark database: the hub through
 * its real entry point, PostGraphile 5 with the Node 22 binary of bench/node22, and the
 * raw floor (bench/raw-server.ts).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer, type Child } from './lib.js';
import type { ServerName } from './workloads.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const NODE22_DIR = fileURLToPath(new URL('./node22/', import.meta.url));
export const NODE22 = `${NODE22_DIR}node_modules/.bin/node`;
export const PORTS: Record<ServerName, number> = { hub: 5678, postgraphile: 5679, raw: 5680 };

/**
 * Whether the hub under test runs with its response cache (HUB_CACHE): off for the
 * uncached rows, on for the cached ones (bench/run.ts sets it around the cached pass).
 */
export const hubCache = { on: false };

/** Environment of the hub under test: production, every protection on. */
export function hubEnv(db: string, port = PORTS.hub): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HUB_CACHE: hubCache.on ? 'on' : 'off',
    NODE_ENV: 'production',
    DATABASE_URL: db,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    HUB_SEED: 'never',
    // The rate limiter stays on (its cost is measured) with limits the load cannot reach.
    HUB_RATE_ANONYMOUS: '10000000',
    HUB_RATE_ANALYST: '10000000',
    HUB_RATE_PARTNER: '10000000',
    // Every other limit at its default: the 52-comune dossier (W5, estimated 82,200 since
    // issue 11 counts lists at their size) passes HUB_MAX_COST (250,000).
  };
}

/** True when PostGraphile's install (bench/node22, `npm ci` there) is present. */
export const postgraphileInstalled = () =>
  existsSync(NODE22) && existsSync(`${NODE22_DIR}node_modules/postgraphile/dist/cli-run.js`);

/** Starts one server on `db`. */
export function start(server: ServerName, db: string): Promise<Child> {
  const base = `http://127.0.0.1:${PORTS[server]}`;
  if (server === 'hub')
    return startServer(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: hubEnv(db),
      probe: `${base}/graphql`,
    });
  if (server === 'postgraphile') {
    // GRAPHILE_ENV unset: Grafast runs in production mode.
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', DATABASE_URL: db };
    delete env.GRAPHILE_ENV;
    env.PORT = String(PORTS.postgraphile);
    return startServer(
      NODE22,
      ['node_modules/postgraphile/dist/cli-run.js', '-C', 'graphile.config.mjs'],
      { cwd: NODE22_DIR, env, probe: `${base}/graphql` },
    );
  }
  return startServer(process.execPath, ['--import', 'tsx', 'bench/raw-server.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: db, PORT: String(PORTS.raw) },
    probe: `${base}/`,
  });
}
