import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { TestProject } from 'vitest/node';
import { seedDatabase } from '../../seeds/DatabaseSeeder.js';
import { dropDatabase, ensureDatabase, openDatabase } from '../../src/db/database.js';
import { startEmbedded, type EmbeddedServer } from '../../src/db/embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    /** URL of the server (not a database): tests that need their own database make one. */
    serverUrl: string;
    /** The log lines (pino JSON) the seed wrote while loading the run's database. */
    seedLog: string[];
  }
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * One fresh database for the whole run: DATABASE_URL (or TEST_DATABASE_URL) when set,
 * otherwise an embedded PostgreSQL in a temporary directory. Real migrations and seed
 * data are applied once; the database is dropped at the end.
 */
export default async function setup(project: TestProject) {
  const log = pino({ level: 'warn' });
  const base = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let embedded: EmbeddedServer | null = null;
  let dir: string | null = null;
  let serverUrl: string;
  if (base) serverUrl = base;
  else {
    dir = await mkdtemp(join(tmpdir(), 'hub-test-'));
    embedded = await startEmbedded(dir, await freePort(), log);
    serverUrl = embedded.url('postgres');
  }
  const url = new URL(serverUrl);
  url.pathname = `/hub_test_${process.pid}_${Date.now().toString(36)}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  // The seed's own log (progress included), kept for test/server/console.test.ts.
  const seedLines: string[] = [];
  const seedLog = pino({ level: 'info' }, { write: (line: string) => seedLines.push(line) });
  try {
    const orm = await openDatabase(databaseUrl, log);
    try {
      await seedDatabase(orm, seedLog);
    } finally {
      await orm.close();
    }
  } catch (e) {
    await dropDatabase(databaseUrl);
    await embedded?.release();
    throw e;
  }
  project.provide('databaseUrl', databaseUrl);
  project.provide('serverUrl', serverUrl);
  project.provide('seedLog', seedLines);
  return async () => {
    await dropDatabase(databaseUrl);
    await embedded?.release();
    if (dir) await rm(dir, { recursive: true, force: true });
  };
}
