/**
 * Broadband benchmark, run by hand (not part of the test suite):
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/broadband.bench.ts [--scale N]
 *
 * Creates a scratch database (hub_bench_broadband), migrates, seeds, re-seeds the
 * broadband sample at the given scale (timed), then measures through the real Apollo
 * pipeline the median and p99 of addressSearch and of a first versus a deep page of a
 * comune's addresses. Appends the figures to bench/results/broadband.md.
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { appendFileSync, mkdirSync } from 'node:fs';
import { cpus, hostname, loadavg } from 'node:os';
import { pino } from 'pino';
import { ANONYMOUS } from '../src/common/actor.js';
import { requestValues } from '../src/common/context.js';
import { loadConfig } from '../src/config.js';
import { dropDatabase, ensureDatabase, openDatabase } from '../src/db/database.js';
import { seedSample } from '../src/domains/broadband/ingest/seed.js';
import { createSchema } from '../src/schema.js';
import { createApollo } from '../src/server/app.js';
import { seedDatabase } from '../seeds/DatabaseSeeder.js';

const loadAtStart = loadavg()[0];
const scale = Number(process.argv[process.argv.indexOf('--scale') + 1]) || 1;
const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
base.pathname = '/hub_bench_broadband';
const url = base.toString();
const log = pino({ level: 'warn' });

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmt = (xs: number[]) =>
  `median ${pct(xs, 50).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms`;

await dropDatabase(url);
await ensureDatabase(url);
let orm: MikroORM = await openDatabase(url, log);
await seedDatabase(orm, log);
const t0 = performance.now();
const { rows } = await orm.em.fork().transactional((em) => seedSample(em, scale));
const seedSeconds = (performance.now() - t0) / 1000;
await orm.close();
orm = await openDatabase(url, log);

const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
const apollo = createApollo({ orm, schema: await createSchema(), config, log });
await apollo.start();
async function run(query: string, variables: Record<string, unknown>) {
  const t = performance.now();
  const res = await apollo.executeOperation(
    { query, variables },
    {
      contextValue: {
        em: orm.em.fork(),
        actor: ANONYMOUS,
        requestId: 'bench',
        loaders: requestValues(),
      },
    },
  );
  const ms = performance.now() - t;
  if (res.body.kind !== 'single' || res.body.singleResult.errors)
    throw new Error(
      JSON.stringify(res.body.kind === 'single' ? res.body.singleResult.errors : 'stream'),
    );
  return { ms, data: res.body.singleResult.data as Record<string, unknown> };
}

const SEARCH = `query($text: String!) { addressSearch(text: $text, first: 10) { score address { id label coverage { technology maxDownloadMbps plan status } } } }`;
const PAGE = `query($c: String!, $after: String) { comune(istatCode: $c) { broadband { addresses(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id label coverage { technology plan status } } } } } } }`;
const texts = [
  'v.le repubblica 12 crema',
  'via roma 5 offanengo',
  'p.za garibaldi 1 26013',
  'c.so vittorio emanuele 3 crema',
  'via sant’antonio 4',
  'via della liberta 7 crema',
  'via matteoti 10',
  'viale della repubblca 12 crema',
  'via mazzini 2a 26013',
  'via dante alighieri 15',
  'via xx settembre 8 pandino',
  'via verdi 3 crema',
];
for (const t of texts) await run(SEARCH, { text: t }); // warm-up
const search: number[] = [];
for (let i = 0; i < 40; i++)
  for (const text of texts) search.push((await run(SEARCH, { text })).ms);

// Cursors along Crema's list: the first page, and the page after ~90% of it.
const cursors: (string | null)[] = [null];
for (;;) {
  const { data } = await run(PAGE, { c: '019035', after: cursors.at(-1) });
  const conn = (
    data.comune as {
      broadband: { addresses: { pageInfo: { hasNextPage: boolean; endCursor: string } } };
    }
  ).broadband.addresses;
  if (!conn.pageInfo.hasNextPage) break;
  cursors.push(conn.pageInfo.endCursor);
}
const deep = cursors[Math.floor(cursors.length * 0.9)];
const firstPage: number[] = [];
const deepPage: number[] = [];
for (let i = 0; i < 200; i++) {
  firstPage.push((await run(PAGE, { c: '019035', after: null })).ms);
  deepPage.push((await run(PAGE, { c: '019035', after: deep })).ms);
}
await apollo.stop();
await orm.close();
await dropDatabase(url);

const lines = [
  ``,
  `## Scale ${scale} — ${new Date().toISOString().slice(0, 16)}Z, ${hostname()}, ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`,
  ``,
  `- 1-minute load average at start / end: ${loadAtStart.toFixed(1)} / ${loadavg()[0].toFixed(1)} (the machine is shared; figures are noisier when it is above the core count)`,
  `- seed of the sample: ${rows} civic numbers in ${seedSeconds.toFixed(1)} s`,
  `- addressSearch (${search.length} runs, ${texts.length} texts): ${fmt(search)}`,
  `- Crema addresses, first page of 100: ${fmt(firstPage)}`,
  `- Crema addresses, page ${Math.floor(cursors.length * 0.9) + 1} of ${cursors.length} (deep): ${fmt(deepPage)}`,
];
mkdirSync('bench/results', { recursive: true });
appendFileSync('bench/results/broadband.md', lines.join('\n') + '\n');
console.log(lines.join('\n'));
