/**
 * The benchmark: `npm run bench` (full) or `npm run bench -- --quick`. Run by hand, never
 * by `npm test`. Creates and seeds the bench database with the hub's own tools, then runs
 * the hub, PostGraphile 5 and the raw floor ONE AFTER ANOTHER on it, and writes
 * bench/results/<date>.json and bench/RESULTS.md.
 *
 * Options: --quick, --scales 1,10, --servers hub,postgraphile,raw, --only W1,W2,W3,W4,W5,
 * --reuse (keep the database when already seeded at that scale), --reps N, --seconds S.
 * DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/hub_bench (it is dropped!).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  prepareDatabase,
  benchParams,
  setLogStatement,
  createAnalystKey,
  w4CopyQuery,
} from './setup.js';
import { StatementLog, median, runCommand } from './lib.js';
import { ROOT, hubCache, postgraphileInstalled } from './servers.js';
import { benchServer, type ServerResult } from './measure.js';
import { compareServers } from './compare.js';
import { machineInfo, renderResults, type BenchRun } from './report.js';
import type { ServerName } from './workloads.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scales: { type: 'string' },
    servers: { type: 'string', default: 'hub,postgraphile,raw' },
    only: { type: 'string', default: 'W1,W2,W3,W4,W5' },
    reuse: { type: 'boolean', default: false },
    reps: { type: 'string' },
    report: { type: 'string' },
    seconds: { type: 'string' },
  },
});

if (values.report) {
  // Re-render RESULTS.md from saved runs (e.g. a full scale-1 run and a scale-10 run).
  const docs = values.report.split(',').map((f) => JSON.parse(readFileSync(f, 'utf8')));
  writeFileSync(`${ROOT}bench/RESULTS.md`, renderResults(docs));
  console.log(`wrote bench/RESULTS.md from ${docs.length} run(s)`);
  process.exit(0);
}

const db = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hub_bench';
const quick = values.quick!;
const opts = {
  seconds: Number(values.seconds ?? (quick ? 3 : 10)),
  warmSeconds: quick ? 1 : 3,
  reps: Number(values.reps ?? 3),
  only: new Set(values.only!.split(',')),
};
const scales = (values.scales ?? (quick ? '1' : '1,10')).split(',').map(Number);
let servers = values.servers!.split(',') as ServerName[];
if (servers.includes('postgraphile') && !postgraphileInstalled()) {
  console.warn('bench/node22 is not installed (cd bench/node22 && npm ci): PostGraphile skipped');
  servers = servers.filter((s) => s !== 'postgraphile');
}
const log = new StatementLog(
  process.env.BENCH_PG_LOG ?? '/var/log/postgresql/postgresql-15-main.log',
  new URL(db).pathname.slice(1),
);
if (!log.readable())
  console.warn(`cannot read ${log.file}: SQL statements per request not counted`);

const runs: BenchRun[] = [];
const started = new Date();
const loadAtStart = loadavg();
for (const scale of scales) {
  console.log(`\n=== scale ${scale} ===`);
  const seedInfo = await prepareDatabase(db, scale, values.reuse!);
  const params = await benchParams(db);
  const key = opts.only.has('W4') ? await createAnalystKey(db) : null;
  const copy = opts.only.has('W4') ? await w4CopyQuery(db, params.province) : null;
  const results: Partial<Record<ServerName, ServerResult>> = {};
  for (const server of servers) {
    console.log(`\n--- ${server} (scale ${scale}) ---`);
    try {
      results[server] = await benchServer(server, {
        db,
        params,
        log: log.readable() ? log : null,
        setLogging: (on) => setLogStatement(db, on),
        key,
        copy,
        ...opts,
      });
    } catch (e) {
      console.error(`${server} failed:`, e);
      results[server] = { error: String(e).slice(0, 2000) } as ServerResult;
    }
  }
  // The cached rows: the hub again with its response cache on (the rows above ran it off).
  // Answers are compared with the uncached hub's; W4 (exports) is not cached.
  let cachedHub: ServerResult | undefined;
  if (servers.includes('hub') && [...opts.only].some((w) => w !== 'W4')) {
    console.log(`\n--- hub, response cache on (scale ${scale}) ---`);
    hubCache.on = true;
    try {
      cachedHub = await benchServer('hub', {
        db,
        params,
        log: null,
        setLogging: async () => undefined,
        key,
        copy,
        ...opts,
        // Longer warm-up: the 52 dossiers (one miss each) are computed before the timing.
        warmSeconds: Math.max(opts.warmSeconds, 5),
        only: new Set([...opts.only].filter((w) => w !== 'W4')),
      });
    } catch (e) {
      console.error('cached hub failed:', e);
      cachedHub = { error: String(e).slice(0, 2000) } as ServerResult;
    } finally {
      hubCache.on = false;
    }
  }
  const copyTimes: number[] = [];
  if (copy) {
    const { timeCopy } = await import('./setup.js');
    for (let i = 0; i < opts.reps; i++) copyTimes.push(await timeCopy(db, copy.sql));
  }
  runs.push({
    scale,
    seed: seedInfo,
    params,
    results,
    cachedHub,
    copy: copy ? { source: copy.source, ms: median(copyTimes), runs: copyTimes } : null,
    comparison: compareServers(results),
  });
}

const client = new pg.Client({ connectionString: db });
await client.connect();
const pgVersion = (await client.query<{ v: string }>('select version() as v')).rows[0].v;
await client.end();
const machine = await machineInfo(pgVersion);
const doc = {
  loadAverage: { start: loadAtStart, end: loadavg() },
  started: started.toISOString(),
  finished: new Date().toISOString(),
  quick,
  opts: { ...opts, only: [...opts.only] },
  machine,
  runs,
};
mkdirSync(`${ROOT}bench/results`, { recursive: true });
const stamp = started.toISOString().replace(/[:.]/g, '-');
writeFileSync(
  `${ROOT}bench/results/${stamp}${quick ? '-quick' : ''}.json`,
  JSON.stringify(doc, null, 2),
);
writeFileSync(`${ROOT}bench/RESULTS.md`, renderResults([doc]));
// Keep `npm run check:format` green: the JSON as prettier writes it.
await runCommand(
  'npx',
  ['prettier', '--write', `bench/results/${stamp}${quick ? '-quick' : ''}.json`],
  {
    cwd: ROOT,
  },
).catch(() => undefined);
console.log(`\nwrote bench/RESULTS.md and bench/results/${stamp}${quick ? '-quick' : ''}.json`);
process.exit(0);
