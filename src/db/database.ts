import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from 'pino';
import { ormConfig } from './orm.config.js';

/** Creates the database named in `url` when it does not exist (needs CREATEDB). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount)
      await client
        .query(`create database ${client.escapeIdentifier(name)}`)
        .catch((e: { code?: string }) => {
          // A hub or tool starting at the same time made it: duplicate_database, or the
          // unique index of pg_database when both ran create at the same moment.
          if (e.code !== '42P04' && e.code !== '23505') throw e;
        });
  } finally {
    await client.end();
  }
}

/** Drops a database (tests), cutting other sessions first. */
export async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
  } finally {
    await client.end();
  }
}

/** Opens the ORM and applies pending migrations. */
export async function openDatabase(
  url: string,
  log: Logger,
  opts: { statementTimeoutMs?: number; replicaUrls?: readonly string[] } = {},
): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(url, opts));
  const applied = await orm.migrator.up();
  if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  return orm;
}

/** Where a database URL points, without its password, for logs. */
export function describeUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}
