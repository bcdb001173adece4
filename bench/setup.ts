/**
 * The bench database: created and seeded with the hub's own tools (`npm run migrate`,
 * `npm run seed` for the real data, `npm run seed -- broadband --scale N` for the synthetic
 * per-address sample the workloads page through, at every scale), analysed, plus the `bench_pgl`
 * views PostGraphile serves; the workload parameters; an ANALYST key; the COPY baseline.
 */
import { spawn } from 'node:child_process';
import pg from 'pg';
import { pglViewsSql } from './pgl-views.js';
import { CELLS_SQL, SOURCED_TABLES_SQL, W4_QUERY } from './raw-sql.js';
import { runCommand } from './lib.js';
import { ROOT } from './servers.js';
import type { Params } from './workloads.js';

const adminUrl = (db: string) => {
  const u = new URL(db);
  u.pathname = '/postgres';
  return u.toString();
};
const dbName = (db: string) => decodeURIComponent(new URL(db).pathname.slice(1));

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** Drops, creates and seeds the database at `scale` (or keeps it with --reuse). */
export async function prepareDatabase(db: string, scale: number, reuse: boolean) {
  const name = dbName(db);
  const marker = `hub bench, real data + synthetic broadband sample at scale ${scale}`;
  const current = await withClient(adminUrl(db), async (c) => {
    const r = await c.query<{ d: string | null }>(
      `select shobj_description(oid, 'pg_database') as d from pg_database where datname = $1`,
      [name],
    );
    return r.rows[0]?.d ?? null;
  });
  const env = { ...process.env, DATABASE_URL: db, LOG_LEVEL: 'warn' };
  const t0 = Date.now();
  const steps: string[] = [];
  if (reuse && current === marker) {
    console.log(`reusing ${name} (${marker})`);
  } else {
    await withClient(adminUrl(db), (c) =>
      c.query(`drop database if exists ${c.escapeIdentifier(name)} with (force)`),
    );
    console.log(`seeding ${name} at scale ${scale} with the hub's tools...`);
    await runCommand('npm', ['run', '--silent', 'migrate'], { cwd: ROOT, env });
    steps.push('npm run migrate');
    await runCommand('npm', ['run', '--silent', 'seed'], { cwd: ROOT, env });
    steps.push('npm run seed');
    // The default seed holds only real data; the workloads run on the synthetic
    // per-address sample, seeded explicitly (also at scale 1).
    await runCommand(
      'npm',
      ['run', '--silent', 'seed', '--', 'broadband', '--scale', String(scale)],
      { cwd: ROOT, env },
    );
    steps.push(`npm run seed -- broadband --scale ${scale}`);
    await withClient(adminUrl(db), (c) =>
      c.query(`comment on database ${c.escapeIdentifier(name)} is '${marker}'`),
    );
  }
  // JIT off for every server alike: PostgreSQL 15 JIT-compiles any statement whose
  // estimated cost passes jit_above_cost (100000), which took 4.5 s per request here for
  // statements over views estimated at a few million (measured: W1 on PostGraphile 7 s
  // with JIT, 0.24 s without). Common OLTP setting; new sessions only.
  await withClient(adminUrl(db), (c) =>
    c.query(`alter database ${c.escapeIdentifier(name)} set jit = off`),
  );
  const counts = await withClient(db, async (c) => {
    await c.query('analyze');
    const tables = (await c.query<{ table_name: string }>(SOURCED_TABLES_SQL)).rows.map(
      (r) => r.table_name,
    );
    const cells = (await c.query<{ cells: boolean }>(CELLS_SQL)).rows[0].cells;
    await c.query(pglViewsSql(tables, cells));
    const r = await c.query<{ addresses: number; comuni: number; grants: number }>(
      `select (select count(*) from civic_address)::int as addresses, (select count(*) from comune)::int as comuni,
              (select count(*) from pnrr_grant)::int as grants`,
    );
    return r.rows[0];
  });
  console.log(`database ready in ${((Date.now() - t0) / 1000).toFixed(0)} s:`, counts);
  return { marker, steps, seconds: Math.round((Date.now() - t0) / 1000), ...counts };
}

/** Workload parameters read from the data (consortium members, the largest FTTH list). */
export async function benchParams(db: string): Promise<Params> {
  return withClient(db, async (c) => {
    const comuni = (
      await c.query<{ c: string }>(
        `select comune_istat_code as c from grouping_member where grouping_code = 'consorzio-it' order by 1`,
      )
    ).rows.map((r) => r.c);
    const big = await c.query<{ c: string; n: number }>(
      `select a.comune_istat_code as c, count(*)::int as n from civic_address a
         join address_coverage ac on ac.address_pk = a.pk where ac.technology = 'FTTH'
        group by 1 order by 2 desc limit 1`,
    );
    const pageSize = 50;
    const n = big.rows[0]?.n ?? 0;
    return {
      comuni,
      listComune: big.rows[0]?.c ?? comuni[0],
      technology: 'FTTH',
      pageSize,
      // A deep page: about 60 % of the way through the list.
      deepPage: Math.max(2, Math.floor((n * 0.6) / pageSize)),
      grouping: 'consorzio-it',
      province: 'province-cr',
    };
  });
}

/** Turns statement logging of the bench database on or off (new sessions only). */
export function setLogStatement(db: string, on: boolean): Promise<unknown> {
  return withClient(adminUrl(db), (c) =>
    c.query(
      on
        ? `alter database ${c.escapeIdentifier(dbName(db))} set log_statement = 'all'`
        : `alter database ${c.escapeIdentifier(dbName(db))} reset log_statement`,
    ),
  );
}

/** An ANALYST key made with `npm run keys` (null when the tool is missing or fails). */
export async function createAnalystKey(db: string): Promise<string | null> {
  try {
    const out = await runCommand(
      'npm',
      [
        'run',
        '--silent',
        'keys',
        '--',
        'create',
        '--role',
        'ANALYST',
        '--label',
        `bench-${Date.now()}`,
      ],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: db, LOG_LEVEL: 'warn' } },
    );
    return out.trim().split('\n').pop()!.trim();
  } catch (e) {
    console.warn('no ANALYST key (npm run keys failed): hub W4 skipped\n', String(e).slice(0, 300));
    return null;
  }
}

/**
 * The query of the COPY baseline: the hub's own `addresses` export query when the hub
 * has one (same rows, same columns), else the raw floor's.
 */
export async function w4CopyQuery(db: string, territory: string) {
  try {
    const { allExports } = await import('../src/server/export/router.js');
    const { domains } = await import('../src/schema.js');
    const def = allExports(domains).addresses;
    if (def) {
      const codes = await withClient(db, async (c) =>
        (
          await c.query<{ c: string }>(
            `select comune_istat_code as c from grouping_member where grouping_code = $1 order by 1`,
            [territory],
          )
        ).rows.map((r) => r.c),
      );
      return {
        source: "the hub's addresses export query",
        sql: def.sql(`'{${codes.join(',')}}'::text[]`),
      };
    }
  } catch (e) {
    console.warn("could not load the hub's export query:", String(e).slice(0, 300));
  }
  return { source: "the raw floor's query (the hub has no addresses export)", sql: W4_QUERY };
}

/** Milliseconds of `psql -c "copy (sql) to stdout (csv, header)"` with output discarded. */
export function timeCopy(db: string, sql: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const p = spawn(
      'psql',
      [
        '-X',
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        db,
        '-c',
        `copy (${sql}) to stdout with (format csv, header true)`,
      ],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    p.on('error', reject);
    p.on('exit', (code) =>
      code === 0
        ? resolve(Math.round(performance.now() - t))
        : reject(new Error(`psql exit ${code}`)),
    );
  });
}
