import 'reflect-metadata';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { ormConfig } from '../db/orm.config.js';
import { dropDatabase, ensureDatabase } from '../db/database.js';
import { modules } from '../schema.js';

/**
 * Writes a new migration with the difference between the entities and the schema the
 * existing migrations build. Needs DATABASE_URL pointing at a server where it may create a
 * scratch database. Usage: npm run migration:create -- <name> [domain]
 * With a domain, only the hub's and that domain's entities are compared, so work in
 * progress in other domains does not leak into the migration.
 */
const [name, domain] = process.argv.slice(2);
if (!name || !/^[a-z][a-z0-9_]*$/.test(name)) {
  console.error('usage: npm run migration:create -- <snake_case_name>');
  process.exit(2);
}
const base = process.env.DATABASE_URL;
if (!base) {
  console.error('DATABASE_URL must point at a PostgreSQL server (a scratch database is made)');
  process.exit(2);
}
const url = new URL(base);
url.pathname = `/hub_migration_${process.pid}`;
await ensureDatabase(url.toString());
const only = domain
  ? modules.filter((d) => d.name === 'hub' || d.name === 'access' || d.name === domain)
  : modules;
if (domain && !only.some((d) => d.name === domain)) {
  console.error(`unknown domain "${domain}"; known: ${modules.map((d) => d.name).join(', ')}`);
  process.exit(2);
}
const orm = await MikroORM.init(
  ormConfig(url.toString(), {
    entities: only.flatMap((d) => [...d.entities]) as Options['entities'],
  }),
);
try {
  await orm.migrator.up();
  const result = await orm.migrator.createMigration('migrations', false, false, name);
  console.log(result.fileName ? `written migrations/${result.fileName}` : 'no changes');
  if (result.fileName) console.log('add it to migrations/index.ts');
} finally {
  await orm.close();
  await dropDatabase(url.toString());
}
