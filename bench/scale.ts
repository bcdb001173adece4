/**
 * Two hub processes against one (README "Running at scale"): `node --import tsx
 * bench/scale.ts [--seconds 10] [--reps 3]` on the bench database (DATABASE_URL, seeded by
 * `npm run bench` first). For the W1 dossier, with the response cache off and on: one hub
 * on port 5678 with 10 connections, then two hubs (5678 and 5679, one Redis, REDIS_URL or
 * redis://127.0.0.1:6379) with 5 connections each, at the same time; prints req/s (medians).
 * Not at the same time as `npm run bench` (same fixed ports).
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { fetchOnce, load, median, startServer, type Child } from './lib.js';
import { ROOT, hubCache, hubEnv } from './servers.js';
import { benchParams } from './setup.js';
import { request } from './workloads.js';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, reps: { type: 'string', default: '3' } },
});
const seconds = Number(values.seconds);
const reps = Number(values.reps);
const db = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hub_bench';
const redis = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const params = await benchParams(db);
const PORTS = [5678, 5679];
const make = () => {
  const comune = params.comuni[Math.floor(Math.random() * params.comuni.length)];
  return request('hub', 'W1', params, { comune });
};

async function startHubs(n: number, prefix: string): Promise<Child[]> {
  return Promise.all(
    PORTS.slice(0, n).map((port) =>
      startServer(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: ROOT,
        env: { ...hubEnv(db, port), REDIS_URL: redis, HUB_REDIS_PREFIX: prefix },
        probe: `http://127.0.0.1:${port}/graphql`,
      }),
    ),
  );
}

const rows: string[] = [];
for (const cache of [false, true]) {
  hubCache.on = cache;
  const figures: Record<number, number> = {};
  for (const n of [1, 2]) {
    const hubs = await startHubs(n, `bench-scale-${randomUUID()}:`);
    try {
      const bases = PORTS.slice(0, n).map((p) => `http://127.0.0.1:${p}`);
      const connections = 10 / n;
      // Every dossier computed once first (with the cache on, the timing then measures hits;
      // with two hubs, Redis shares them).
      for (const comune of params.comuni)
        await fetchOnce(bases[0], request('hub', 'W1', params, { comune }));
      await Promise.all(bases.map((b) => load(b, make, { seconds: 2, connections })));
      const totals: number[] = [];
      for (let i = 0; i < reps; i++) {
        const runs = await Promise.all(bases.map((b) => load(b, make, { seconds, connections })));
        totals.push(Math.round(runs.reduce((s, r) => s + r.rps, 0) * 10) / 10);
        console.log(
          `cache ${cache ? 'on' : 'off'}, ${n} hub(s), rep ${i + 1}: ${totals.at(-1)} req/s`,
        );
      }
      figures[n] = median(totals);
    } finally {
      await Promise.all(hubs.map((h) => h.stop()));
    }
  }
  rows.push(
    `| W1 dossier, cache ${cache ? 'on' : 'off'} | ${figures[1].toFixed(1)} | ${figures[2].toFixed(1)} | ${(figures[2] / figures[1]).toFixed(2)} |`,
  );
}
console.log(
  [
    '',
    `Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, load average ${loadavg()[0].toFixed(1)} at the end; ${seconds} s per run, ${reps} runs, medians; autocannon with 10 connections in all (one hub: 10; two hubs: 5 each, at once), on the same cores.`,
    '',
    '| Workload | 1 hub req/s | 2 hubs req/s | 2 / 1 |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n'),
);
process.exit(0);
