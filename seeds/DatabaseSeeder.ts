import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { domains } from '../src/schema.js';

/**
 * Loads the curated seed data of every domain whose tables are empty, in the order of
 * `domains` (the hub first), each in its own transaction: a failure leaves nothing
 * half-written. Data files are under seeds/data/<domain>/ with seeds/SOURCES.md.
 */
export async function seedDatabase(orm: MikroORM, log?: Logger): Promise<string[]> {
  const done: string[] = [];
  for (const { seed } of domains) {
    if (!seed || (await seed.isSeeded(orm.em.fork()))) continue;
    const started = Date.now();
    await orm.em.fork().transactional((em) => seed.run(em));
    log?.info({ seed: seed.name, ms: Date.now() - started }, 'seed data loaded');
    done.push(seed.name);
  }
  return done;
}
