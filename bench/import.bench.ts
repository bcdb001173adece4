/**
 * Import benchmark, run by hand (not part of the test suite):
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/import.bench.ts [--repo <dir>] [--label <text>]
 *
 * Times `npm run import`'s code (node --import tsx src/tools/import.ts, wall clock and peak
 * RSS from /usr/bin/time) of the checkout in `--repo` (default: this one), so that two
 * versions can be compared on the same machine: a fresh database (hub_bench_import) is
 * seeded with that checkout's `npm run seed`, then each file is imported twice (the second
 * run changes nothing):
 * - a national-size `candidature_*` file: 200,000 synthetic rows of comuni of other
 *   provinces (skipped) and the real rows of the province's 1.4.5 file;
 * - a broadband-coverage file of 100,000 synthetic civic numbers in Cremona.
 * The figures are appended to bench/results/imports.md.
 */
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, hostname, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const repo = resolve(arg('--repo') ?? '.');
const label = arg('--label') ?? repo;
const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
base.pathname = '/hub_bench_import';
const url = base.toString();
const dir = mkdtempSync(join(tmpdir(), 'hub-bench-import-'));
const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' };
const admin = new URL(url);
admin.pathname = '/postgres';
const dropBench = () =>
  execFileSync('psql', [
    admin.toString(),
    '-qc',
    'drop database if exists hub_bench_import with (force)',
  ]);

/** Imports a file with the checkout's CLI under /usr/bin/time: seconds, peak RSS, summary. */
function measure(importer: string, file: string) {
  const timing = join(dir, 'time.txt');
  let stdout: string;
  try {
    stdout = execFileSync(
      '/usr/bin/time',
      [
        '-o',
        timing,
        '-f',
        '%e %M',
        process.execPath,
        '--import',
        'tsx',
        'src/tools/import.ts',
        importer,
        file,
      ],
      { cwd: repo, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (e) {
    stdout = (e as { stdout?: string }).stdout ?? '';
  }
  const [seconds, kb] = readFileSync(timing, 'utf8').trim().split('\n').at(-1)!.split(' ');
  const summary = stdout.split('\n').find((l) => /inserted/.test(l)) ?? stdout.trim();
  return {
    seconds: Number(seconds),
    mb: Number(kb) / 1024,
    summary: summary.replace(/^.*?: /, ''),
  };
}

// A fresh database, seeded by the checkout itself.
dropBench();
execFileSync(process.execPath, ['--import', 'tsx', 'src/tools/seed.ts'], {
  cwd: repo,
  env,
  stdio: 'inherit',
});

// The national file: the province's real rows plus 200,000 rows of other provinces.
const real = parse(readFileSync('seeds/data/pnrr/candidature_finanziate_145_cr.csv'), {
  columns: true,
}) as Record<string, string>[];
const header = Object.keys(real[0]);
const rows: string[][] = [];
for (let i = 0; i < 200_000; i++) {
  const r = { ...real[i % real.length] };
  r.cod_comune = String(1001 + (i % 97_000)).padStart(6, '0');
  if (r.cod_comune.startsWith('019')) r.cod_comune = '020001';
  r.codice_cup = `ZZBENCH${String(i).padStart(8, '0')}`;
  rows.push(header.map((c) => r[c]));
}
for (const r of real) rows.push(header.map((c) => r[c]));
const national = join(dir, 'candidature_national.csv');
writeFileSync(national, stringify([header, ...rows]));

// The broadband file: 100,000 civic numbers in Cremona (centroid from the seed).
const summary = parse(readFileSync('seeds/data/hub/comuni_cr_summary.csv'), {
  columns: true,
}) as Record<string, string>[];
const cremona = summary.find((r) => r.com_istat_code === '019036')!;
const bbHeader =
  'address_id,istat_code,street_type,street_name,number,exponent,postal_code,lat,lon,units,technology,max_download_mbps,max_upload_mbps,plan,operator,status,status_on,status_history';
const bb = [bbHeader];
for (let i = 0; i < 100_000; i++)
  bb.push(
    `BENCH-${i},019036,VIA,Via di prova ${i % 700},${1 + (i % 9000)},,${cremona.cap},${cremona.centroid_lat_geom},${cremona.centroid_lon_geom},2,FTTH,1000,100,WHITE_AREAS_BUL,open-fiber,ACTIVATABLE,2022-05-10,PLANNED:2019-01-15`,
  );
const broadband = join(dir, 'broadband.csv');
writeFileSync(broadband, `${bb.join('\n')}\n`);

const lines: string[] = [
  '',
  `## ${label} — ${new Date().toISOString().slice(0, 16)}Z, ${hostname()}, ${cpus().length} × ${cpus()[0].model.trim()}, Node ${process.version}`,
  '',
  `- 1-minute load average at start: ${loadavg()[0].toFixed(1)}`,
];
for (const [importer, file, what] of [
  ['pnrr-grants', national, `national file, ${rows.length} rows (200,000 skipped)`],
  ['broadband-coverage', broadband, 'broadband file, 100,000 rows'],
] as const)
  for (const pass of ['first run', 're-run']) {
    const m = measure(importer, file);
    lines.push(
      `- ${importer}, ${what}, ${pass}: ${m.seconds.toFixed(1)} s, peak RSS ${m.mb.toFixed(0)} MB (${m.summary})`,
    );
    console.log(lines.at(-1));
  }
lines.push(`- 1-minute load average at end: ${loadavg()[0].toFixed(1)}`);
mkdirSync('bench/results', { recursive: true });
if (!existsSync('bench/results/imports.md'))
  writeFileSync('bench/results/imports.md', '# Import benchmark results\n');
appendFileSync('bench/results/imports.md', `${lines.join('\n')}\n`);
rmSync(dir, { recursive: true, force: true });
dropBench();
