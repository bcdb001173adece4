import type { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { inject } from 'vitest';
import { dropDatabase, ensureDatabase, openDatabase } from '../../src/db/database.js';
import { seedSample } from '../../src/domains/broadband/ingest/seed.js';
import { domains } from '../../src/schema.js';

/**
 * A database of a test file's own, on the run's PostgreSQL server (`serverUrl`): migrated,
 * seeded with the curated data of some domains (all by default) and, on request, with the
 * synthetic broadband sample at scale 1. For tests that write what others must not see (a
 * newer mapping) or need data the default database must not hold (the synthetic sample).
 */
export async function createScratchDatabase(
  label: string,
  opts: { domains?: string[]; syntheticSample?: boolean } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = new URL(inject('serverUrl'));
  url.pathname = `/hub_test_${label}_${process.pid}_${Date.now().toString(36)}`;
  const target = url.toString();
  await ensureDatabase(target);
  let orm: MikroORM | null = null;
  try {
    orm = await openDatabase(target, pino({ level: 'warn' }));
    for (const d of domains) {
      if (!d.seed || (opts.domains && !opts.domains.includes(d.name))) continue;
      await orm.em.fork().transactional((em) => d.seed!.run(em));
    }
    if (opts.syntheticSample) await orm.em.fork().transactional((em) => seedSample(em, 1));
  } catch (e) {
    await orm?.close();
    orm = null;
    await dropDatabase(target);
    throw e;
  } finally {
    await orm?.close();
  }
  return { url: target, drop: () => dropDatabase(target) };
}
