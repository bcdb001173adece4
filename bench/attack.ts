/**
 * The hub under attack (issue 11), run by hand: `node --import tsx bench/attack.ts`.
 *
 * Starts the hub through its real entry point with its DEFAULT limits (production mode) on
 * an already seeded database (BENCH_DATABASE_URL, else DATABASE_URL), then measures:
 * 1. every attack shape once: HTTP status, code, limit, time;
 * 2. the memory of the worst requests that pass (and of ones the budget stops);
 * 3. legitimate throughput and p99 alone, then while fan-outs arrive at 20 requests/s.
 * Writes bench/results/attack.md. Only the rate limits are raised (the load would hit them).
 */
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { format, resolveConfig } from 'prettier';
import { load, procStatusKb, runCommand, startServer, type Req, type Run } from './lib.js';
import { ROOT } from './servers.js';

const DB = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (!DB) throw new Error('Set BENCH_DATABASE_URL (or DATABASE_URL) to a seeded hub database.');
const PORT = Number(process.env.BENCH_PORT ?? 4101);
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

const b64 = (s: string) => Buffer.from(s).toString('base64url');
const gql = (query: string, variables: Record<string, unknown> = {}, headers = {}): Req => ({
  method: 'POST',
  path: '/graphql',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ query, variables }),
});
const nested = (depth: number) =>
  `{ comune(istatCode: "019035") ${'{ groupings(first: 1) { members(first: 1) '.repeat(depth)}{ name }${' } }'.repeat(depth)} }`;

const FANOUT_BIG =
  '{ territorialGroupings { members { groupings { members { groupings { members { name } } } } } } }';
const FANOUT_SMALL =
  '{ comune(istatCode: "019035") { groupings { members { groupings { members { name } } } } } }';

/** The attack shapes of the issue and the classic ones. */
const SHAPES: [string, Req][] = [
  [
    'fan-out territorialGroupings{members{groupings{members{groupings{members}}}}}',
    gql(FANOUT_BIG),
  ],
  ['fan-out comune(019035){groupings{members{groupings{members}}}}', gql(FANOUT_SMALL)],
  ['depth 14', gql(nested(6))],
  [
    '31 aliases',
    gql(
      `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: comune(istatCode: "019035") { name }`).join(' ')} }`,
    ),
  ],
  [
    '31 __typename aliases',
    gql(`{ ${Array.from({ length: 31 }, (_, i) => `t${i}: __typename`).join(' ')} }`),
  ],
  [
    '21 directives',
    gql(`{ ${Array.from({ length: 21 }, () => '__typename @include(if: true)').join(' ')} }`),
  ],
  [
    'circular fragments',
    gql('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
  ],
  [
    'fragment bomb (2^20)',
    gql(
      `query { ...F0 } ${Array.from({ length: 20 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F20 on Query { __typename }`,
    ),
  ],
  [
    'nested introspection',
    gql('{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }'),
  ],
  ['token flood (5,000)', gql(`{ ${'__typename '.repeat(5000)}}`)],
  ['3,000 nested [', gql(`{ nodes(ids: ${'['.repeat(3000)}${']'.repeat(3000)}) { id } }`)],
  [
    'batch of 2',
    {
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    },
  ],
  ['body of 200 KB', gql(`{ __typename } # ${'x'.repeat(200_000)}`)],
  ['header of 20 KB', gql('{ __typename }', {}, { 'x-padding': 'x'.repeat(20_000) })],
  [
    'CSRF: simple GET',
    { method: 'GET', path: `/graphql?query=${encodeURIComponent('{ __typename }')}` },
  ],
  [
    'CSRF: text/plain POST',
    {
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    },
  ],
  [
    'mutation over GET',
    {
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('mutation { updateCivilProtectionPlan(istatCode: "019111", expectedVersion: 1, input: {}) { changedFields } }')}`,
      headers: { 'apollo-require-preflight': 'true' },
    },
  ],
  ['NUL in organization(code:)', gql('{ organization(code: "a\\u0000b") { name } }')],
  [
    'NUL in territorialGrouping(code:)',
    gql('query($c: String!) { territorialGrouping(code: $c) { name } }', { c: 'a\u0000' }),
  ],
  [
    'NUL in broadbandSummary(territory:)',
    gql('query($t: String!) { broadbandSummary(territory: $t) { territory } }', { t: '\u0000' }),
  ],
  [
    'NUL in a mutation text field (anonymous)',
    gql(
      'mutation($i: UpdateCivilProtectionPlanInput!) { updateCivilProtectionPlan(istatCode: "019111", expectedVersion: 1, input: $i) { changedFields } }',
      { i: { officer: { name: 'a\u0000' } } },
    ),
  ],
  [
    'comune(name:) of 99 KB',
    gql('query($n: String) { comune(name: $n) { name } }', { n: 'x'.repeat(99_000) }),
  ],
  ...['__proto__', 'constructor', 'toString', 'valueOf'].map((t): [string, Req] => [
    `node(id:) of type ${t}`,
    gql('query($id: ID!) { node(id: $id) { id } }', { id: b64(`${t}:1`) }),
  ]),
];

/** Export shapes, sent with an ANALYST key made for the run (`npm run keys`, revoked after). */
const exportShapes = (key: string): [string, Req][] =>
  [
    ['GET /export/comuni.csv?territory=%00', '/export/comuni.csv?territory=%00'],
    [
      'GET /export/comuni.csv?territory=019035&territory=019018',
      '/export/comuni.csv?territory=019035&territory=019018',
    ],
  ].map(([name, path]) => [
    name,
    { method: 'GET', path, headers: { authorization: `Bearer ${key}` } },
  ]);

/** Runs `npm run keys -- <args>` on the bench database; returns its stdout. */
const keys = (...args: string[]) =>
  runCommand(process.execPath, ['--import', 'tsx', 'src/tools/keys.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: DB, LOG_LEVEL: 'warn' },
  });

/** Heavy requests that pass the estimate (the first ones) or that the budget stops. */
const dossier = readFileSync(
  new URL('../test/operations/dossier.graphql', import.meta.url),
  'utf8',
).split(/\n(?=query )/)[0];
const layer = (alias: string) =>
  `${alias}: featureCollection(territory: "province-cr", layer: ADDRESSES, first: 10000)`;
const HEAVY: [string, Req][] = [
  [
    'dossier of every comune of the province (first: 200; cost 164,400)',
    gql(`${dossier}\nquery { comuni(first: 200) { edges { node { ...Dossier } } } }`),
  ],
  [
    '500 PNRR projects with locations (cost 134,000)',
    gql(
      '{ pnrrProjects(first: 500) { totalCount edges { node { cup title summary implementingBody pnrrFunding totalFunding locations { address postalCode wholeProvince comune { name } source { dataset } } } } } }',
    ),
  ],
  ['10,000 addresses as GeoJSON (3.2 MB)', gql(`{ ${layer('a')} }`)],
  ['2 × 10,000 addresses as GeoJSON (6.4 MB, 20,000 rows)', gql(`{ ${layer('a')} ${layer('b')} }`)],
  [
    '500 addresses with every field and coverage history',
    gql(
      '{ comune(istatCode: "019035") { broadband { addresses(first: 500) { edges { node { id code streetType streetName number exponent streetLine postalCode label units location { lat lon } source { dataset datasetId publisher licence url retrievedOn synthetic note } coverage { technology plan status statusOn maxDownloadMbps maxUploadMbps operator { name } history { status on } source { dataset note } } } } } } } }',
    ),
  ],
  [
    '113 boundaries (comuni first: 200)',
    gql('{ comuni(first: 200) { edges { node { istatCode boundary } } } }'),
  ],
  [
    'stopped by the budget: 3 × 10,000 addresses (30,000 rows)',
    gql(`{ ${layer('a')} ${layer('b')} ${layer('c')} }`),
  ],
];

async function send(req: Req) {
  const t = performance.now();
  const res = await fetch(BASE + req.path, {
    method: req.method,
    headers: req.headers,
    body: req.body,
  });
  const text = await res.text();
  const ms = performance.now() - t;
  let code = '';
  let limit = '';
  try {
    const ext = (JSON.parse(text) as { errors?: { extensions?: Record<string, unknown> }[] })
      .errors?.[0]?.extensions;
    code = String(ext?.code ?? '');
    limit = String(ext?.limit ?? '');
  } catch {
    /* not JSON */
  }
  return { status: res.status, ms, code, limit, bytes: text.length };
}

const fmt = (n: number) => (Math.round(n * 10) / 10).toLocaleString('en');
const load1 = () => loadavg()[0].toFixed(1);

async function main() {
  const loadBefore = load1();
  const label = `bench-attack-${Date.now()}`;
  const created = await keys('create', '--role', 'ANALYST', '--label', label);
  const analyst = created.trimEnd().split('\n').at(-1)!;
  const hub = await startServer(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: DB,
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
      HUB_SEED: 'never',
      HUB_RATE_ANONYMOUS: '10000000',
    },
    probe: `${BASE}/health`,
  });
  const out: string[] = [];
  try {
    // Warm up: JIT, connection pool, caches.
    for (let i = 0; i < 5; i++)
      await send(gql(`${dossier}\nquery { comune(istatCode: "019035") { ...Dossier } }`));

    // 1. Every shape once (the fastest of 3 tries, so one GC pause does not count).
    out.push(
      '## Attack shapes (default limits)',
      '',
      '| shape | HTTP | code | limit | ms |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const [name, req] of [...SHAPES, ...exportShapes(analyst)]) {
      const tries = [await send(req), await send(req), await send(req)];
      const best = tries.sort((a, b) => a.ms - b.ms)[0];
      out.push(`| \`${name}\` | ${best.status} | ${best.code} | ${best.limit} | ${fmt(best.ms)} |`);
    }

    // 2. Memory: the hub's RSS sampled every 10 ms during each heavy request, after a pause.
    out.push(
      '',
      '## Memory of the heaviest requests',
      '',
      `RSS of the hub process (\`/proc/<pid>/status\`), sampled every 10 ms; the peak during the request above the RSS just before it.`,
      '',
      '| request | HTTP | code / limit | bytes | ms | RSS before MB | peak MB | + MB |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const [name, req] of HEAVY) {
      await sleep(2000);
      const before = procStatusKb(hub.pid, 'VmRSS');
      let peak = before;
      const timer = setInterval(() => (peak = Math.max(peak, procStatusKb(hub.pid, 'VmRSS'))), 10);
      const r = await send(req);
      clearInterval(timer);
      peak = Math.max(peak, procStatusKb(hub.pid, 'VmRSS'));
      out.push(
        `| ${name} | ${r.status} | ${[r.code, r.limit].filter(Boolean).join(' / ')} | ${r.bytes.toLocaleString('en')} | ${fmt(r.ms)} | ${Math.round(before / 1024)} | ${Math.round(peak / 1024)} | ${Math.round((peak - before) / 1024)} |`,
      );
    }
    out.push(
      '',
      `Peak RSS of the hub over the whole run so far (VmHWM): ${Math.round(procStatusKb(hub.pid, 'VmHWM') / 1024)} MB.`,
    );

    // 3. Legitimate load alone, then with fan-outs at 20 requests/s.
    const consortium = ['019035', '019018', '019005', '019036', '019062', '019111', '019113'];
    const legit = () =>
      gql(`${dossier}\nquery($c: String!) { comune(istatCode: $c) { ...Dossier } }`, {
        c: consortium[Math.floor(Math.random() * consortium.length)],
      });
    const row = (name: string, r: Run) =>
      `| ${name} | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.non2xx} | ${r.errors} |`;
    out.push(
      '',
      `## Legitimate load under attack (${SECONDS} s each)`,
      '',
      'Legitimate: the dossier of one consortium comune (W1), 10 connections as fast as they go. Attack: a fan-out at a fixed 20 requests/s on 4 connections, run at the same time.',
      '',
      '| run | legit req/s | p50 ms | p99 ms | requests | non-2xx | errors |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    out.push(row('legitimate alone', await load(BASE, legit, { seconds: SECONDS })));
    for (const [name, q] of [
      ['comune(019035){groupings{members{groupings{members}}}}', FANOUT_SMALL],
      ['territorialGroupings{members{groupings{members{groupings{members}}}}}', FANOUT_BIG],
    ] as const) {
      const [l, a] = await Promise.all([
        load(BASE, legit, { seconds: SECONDS }),
        load(BASE, () => gql(q), { seconds: SECONDS, connections: 4, rate: 20 }),
      ]);
      out.push(row(`legitimate, with ${name} at 20/s`, l));
      out.push(
        `| (the attack: ${fmt(a.rps)} req/s, p99 ${a.p99} ms, ${a.non2xx} of ${a.requests} refused) | | | | | | |`,
      );
    }
    out.push(
      `| peak RSS of the hub over the run (VmHWM): ${Math.round(procStatusKb(hub.pid, 'VmHWM') / 1024)} MB | | | | | | |`,
    );
  } finally {
    await hub.stop();
    await keys('revoke', label);
  }
  const rev = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
  const head = [
    '# The hub under attack (issue 11)',
    '',
    `Generated by \`node --import tsx bench/attack.ts\` on ${new Date().toISOString()} at ${rev}: the hub through its real entry point, default limits, \`NODE_ENV=production\`, on a seeded database (rate limits raised so the load does not hit them).`,
    '',
    `**Machine**: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}; shared with other work: load average ${loadBefore} before the run, ${load1()} after. The load generator runs on the same cores: compare rows with each other, not with other machines.`,
    '',
  ];
  const file = new URL('./results/attack.md', import.meta.url);
  const text = await format([...head, ...out, ''].join('\n'), {
    ...(await resolveConfig(file)),
    parser: 'markdown',
  });
  writeFileSync(file, text);
  console.log([...head, ...out].join('\n'));
}

await main();
