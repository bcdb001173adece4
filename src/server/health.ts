import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import type { Logger } from 'pino';

/** The readiness of the hub, as `/ready` reports it (no error details: they go to the log). */
export interface Readiness {
  status: 'ready' | 'not ready' | 'stopping';
  database: 'ok' | 'unreachable' | 'unknown';
  migrations: 'applied' | 'pending' | 'unknown';
  pendingMigrations?: number;
}

/** How long a readiness check may wait for the database, and how long its answer is reused. */
const CHECK_TIMEOUT_MS = 3000;
const REUSE_MS = 1000;

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => {
      setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref();
    }),
  ]);

/**
 * `GET /health`: the process is up and serving HTTP (no database involved: a liveness probe
 * must not restart the hub because PostgreSQL is down). `GET /ready`: the database answers and
 * every migration the code knows is applied; 503 otherwise, and while the hub shuts down.
 * One check at a time, its answer reused for a second, so probes cannot load the database.
 */
export function healthRouter(orm: MikroORM, stopping: () => boolean, log: Logger): Router {
  let last: { at: number; value: Readiness } | null = null;
  let running: Promise<Readiness> | null = null;

  async function check(): Promise<Readiness> {
    try {
      await within(orm.em.getConnection().execute('select 1'), CHECK_TIMEOUT_MS);
    } catch (err) {
      log.warn({ err }, 'readiness: the database does not answer');
      return { status: 'not ready', database: 'unreachable', migrations: 'unknown' };
    }
    try {
      const pending = await within(orm.migrator.getPendingMigrations(), CHECK_TIMEOUT_MS);
      if (pending.length)
        return {
          status: 'not ready',
          database: 'ok',
          migrations: 'pending',
          pendingMigrations: pending.length,
        };
    } catch (err) {
      log.warn({ err }, 'readiness: the applied migrations could not be read');
      return { status: 'not ready', database: 'ok', migrations: 'unknown' };
    }
    return { status: 'ready', database: 'ok', migrations: 'applied' };
  }

  const router = express.Router();
  router.get('/health', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    if (stopping())
      return void res
        .status(503)
        .json({ status: 'stopping', database: 'unknown', migrations: 'unknown' });
    if (!last || Date.now() - last.at > REUSE_MS) {
      running ??= check().finally(() => (running = null));
      last = { at: Date.now(), value: await running };
    }
    res.status(last.value.status === 'ready' ? 200 : 503).json(last.value);
  });
  return router;
}
