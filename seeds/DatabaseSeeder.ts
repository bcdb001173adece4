import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { logProgress } from '../src/common/progress.js';
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
    log?.info({ seed: seed.name }, `loading the ${seed.name} seed data`);
    const progress = log ? logProgress(log, `${seed.name} seed`) : undefined;
    await orm.em.fork().transactional((em) => seed.run(em, progress));
    const ms = Date.now() - started;
    log?.info(
      { seed: seed.name, ms },
      `${seed.name} seed data loaded in ${(ms / 1000).toFixed(1)} s`,
    );
    done.push(seed.name);
  }
  return done;
}
