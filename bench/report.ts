/** bench/RESULTS.md from a run: machine, versions, the side-by-side table, goals, notes. */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Comparison } from './compare.js';
import type { ServerResult, WorkloadResult } from './measure.js';
import { NODE22, NODE22_DIR, ROOT } from './servers.js';
import type { Params, ServerName } from './workloads.js';

export interface BenchRun {
  scale: number;
  seed: Record<string, unknown>;
  params: Params;
  results: Partial<Record<ServerName, ServerResult>>;
  /** The hub with its response cache on (HUB_CACHE=on); `results.hub` ran with it off. */
  cachedHub?: ServerResult;
  copy: { source: string; ms: number; runs: number[] } | null;
  comparison: Comparison[];
}

const sh = (cmd: string) => {
  try {
    return execSync(cmd, { encoding: 'utf8', cwd: ROOT }).trim();
  } catch {
    return '?';
  }
};
const pkgVersion = (dir: string, name: string) => {
  try {
    return JSON.parse(readFileSync(`${dir}node_modules/${name}/package.json`, 'utf8'))
      .version as string;
  } catch {
    return '?';
  }
};

export async function machineInfo(pgVersion: string) {
  return {
    nproc: availableParallelism(),
    cpu: readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? '?',
    memory: sh('free -h | sed -n 2p'),
    node: process.version,
    node22: existsSync(NODE22) ? sh(`${NODE22} -v`) : 'not installed',
    postgres: pgVersion.split(' on ')[0],
    postgraphile: pkgVersion(NODE22_DIR, 'postgraphile'),
    autocannon: pkgVersion(ROOT, 'autocannon'),
    apollo: pkgVersion(ROOT, '@apollo/server'),
    mikroOrm: pkgVersion(ROOT, '@mikro-orm/core'),
    gitRev:
      sh('git rev-parse --short HEAD') +
      (sh('git status --porcelain src migrations seeds')
        ? ' (+ uncommitted changes in src/migrations/seeds)'
        : ''),
  };
}

const NAMES: Record<string, string> = {
  W1: 'W1 dossier of a random consortium comune',
  W2first: 'W2 address list, FTTH filter, first page (50)',
  W2deep: 'W2 address list, deep page via cursor',
  W3: 'W3 aggregates: broadband + PNRR by comune (province)',
  W5: 'W5 dossier of the 52 consortium comuni in one request',
  W4: 'W4 export of every address (CSV; PostGraphile: one GraphQL list)',
};
const f = (n: number | undefined | null, d = 0) =>
  n == null || Number.isNaN(n) ? '–' : n.toFixed(d);
const ratio = (a?: number, b?: number) => (a && b ? (a / b).toFixed(2) : '–');
const wl = (r: ServerResult | undefined, w: string): WorkloadResult | undefined =>
  r?.workloads?.[w];

function table(run: BenchRun): string[] {
  const { hub, postgraphile: pgl, raw } = run.results;
  const out = [
    '| Workload | hub req/s | PostGraphile req/s | raw req/s | **hub/raw** | **hub/PostGraphile** | p50 / p99 ms at 100 req/s (hub · PGL · raw) | SQL statements per request (hub · PGL · raw) | peak RSS MB (hub · PGL · raw) |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const w of ['W1', 'W2first', 'W2deep', 'W3', 'W5']) {
    const [h, p, r] = [wl(hub, w), wl(pgl, w), wl(raw, w)];
    if (!h && !p && !r) continue;
    const lat = (x?: WorkloadResult) =>
      x?.fixed100 ? `${f(x.fixed100.p50)} / ${f(x.fixed100.p99)}` : '–';
    out.push(
      `| ${NAMES[w]} | ${f(h?.full?.rps)} | ${f(p?.full?.rps)} | ${f(r?.full?.rps)} | ${ratio(h?.full?.rps, r?.full?.rps)} | ${ratio(h?.full?.rps, p?.full?.rps)} | ${lat(h)} · ${lat(p)} · ${lat(r)} | ${f(h?.statements, 1)} · ${f(p?.statements, 1)} · ${f(r?.statements, 1)} | ${f(h?.peakRssMb)} · ${f(p?.peakRssMb)} · ${f(r?.peakRssMb)} |`,
    );
  }
  const [h, p, r] = [wl(hub, 'W4'), wl(pgl, 'W4'), wl(raw, 'W4')];
  if (h || p || r) {
    const ms = (x?: WorkloadResult) =>
      x?.export
        ? `${f(x.export.ms)} ms (${x.export.rows} rows, ${f(x.export.bytes / 1e6, 1)} MB)`
        : x?.error
          ? 'failed'
          : '–';
    const grow = (x?: WorkloadResult) =>
      x?.peakRssMb != null && x.startRssMb != null ? `+${x.peakRssMb - x.startRssMb}` : '–';
    out.push(
      '',
      `| W4 export of every address | hub | PostGraphile | raw (COPY streamed by node) | \`psql COPY\` | **hub/COPY time** | hub/raw time | hub/PGL time |`,
      '|---|---|---|---|---|---|---|---|',
      `| time to last byte (median) | ${ms(h)} | ${ms(p)} | ${ms(r)} | ${f(run.copy?.ms)} ms | ${ratio(h?.export?.ms, run.copy?.ms)} | ${ratio(h?.export?.ms, r?.export?.ms)} | ${ratio(h?.export?.ms, p?.export?.ms)} |`,
      `| server RSS growth during W4, MB | ${grow(h)} | ${grow(p)} | ${grow(r)} | – | | | |`,
      `| SQL statements per export | ${f(h?.statements)} | ${f(p?.statements)} | ${f(r?.statements)} | 1 | | | |`,
      '',
      `COPY baseline query: ${run.copy?.source ?? '–'}.`,
    );
  }
  return out;
}

/** The cached rows: the hub with HUB_CACHE=on against the uncached hub and the raw floor. */
function cachedTable(run: BenchRun): string[] {
  const c = run.cachedHub;
  if (!c) return ['Not measured (run without the hub, or an older run).'];
  if (c.error) return [`Failed: ${c.error.split('\n')[0]}`];
  const { hub, raw } = run.results;
  const out = [
    '| Workload | hub cached req/s | hub uncached req/s | raw req/s | **cached/raw** | cached/uncached | p50 / p99 ms at 100 req/s (cached) | same data as uncached? |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const w of ['W1', 'W2first', 'W2deep', 'W3', 'W5']) {
    const [x, h, r] = [wl(c, w), wl(hub, w), wl(raw, w)];
    if (!x) continue;
    const same =
      c.answers[w] === undefined || hub?.answers[w] === undefined
        ? '–'
        : JSON.stringify(c.answers[w]) === JSON.stringify(hub.answers[w])
          ? 'yes'
          : '**no**';
    out.push(
      `| ${NAMES[w]} | ${f(x.full?.rps)} | ${f(h?.full?.rps)} | ${f(r?.full?.rps)} | ${ratio(x.full?.rps, r?.full?.rps)} | ${ratio(x.full?.rps, h?.full?.rps)} | ${x.fixed100 ? `${f(x.fixed100.p50)} / ${f(x.fixed100.p99)}` : '–'} | ${x.error ? `failed: ${x.error.split('\n')[0].slice(0, 200)}` : same} |`,
    );
  }
  return out;
}

function goals(run: BenchRun): string[] {
  const { hub, postgraphile: pgl, raw } = run.results;
  const out: string[] = [];
  const check = (label: string, value: number | undefined, target: number, higher = true) => {
    if (value == null || Number.isNaN(value)) return out.push(`- ${label}: not measured`);
    const ok = higher ? value >= target : value <= target;
    out.push(
      `- ${label}: ${value.toFixed(2)} (goal ${higher ? '≥' : '≤'} ${target}) **${ok ? 'met' : `missed by ${Math.abs((value / target - 1) * 100).toFixed(0)} %`}**`,
    );
  };
  for (const w of ['W1', 'W2first', 'W2deep', 'W3', 'W5']) {
    const h = wl(hub, w)?.full?.rps;
    if (!h) continue;
    const p = wl(pgl, w)?.full?.rps;
    const r = wl(raw, w)?.full?.rps;
    check(`${w} hub/PostGraphile req/s`, p ? h / p : undefined, 1.0);
    if (w !== 'W5') check(`${w} hub/raw req/s`, r ? h / r : undefined, 0.5);
  }
  const e = wl(hub, 'W4')?.export?.ms;
  check(
    'W4 hub export time / COPY time',
    e && run.copy?.ms ? e / run.copy.ms : undefined,
    2.0,
    false,
  );
  const pe = wl(pgl, 'W4')?.export?.ms;
  check('W4 hub/PostGraphile (PostGraphile time / hub time)', e && pe ? pe / e : undefined, 1.0);
  check('Issue 7: W1 dossier p99 at 100 req/s, ms', wl(hub, 'W1')?.fixed100?.p99, 50, false);
  const cw1 = wl(run.cachedHub, 'W1')?.full?.rps;
  const rw1 = wl(raw, 'W1')?.full?.rps;
  check('Issue 12: cached W1 / raw req/s', cw1 && rw1 ? cw1 / rw1 : undefined, 1.0);
  return out;
}

function comparison(run: BenchRun): string[] {
  if (!run.comparison.length) return ['No comparison (a server is missing).'];
  const out = [
    '| Workload | vs hub | same data? | differences (hub value vs other) |',
    '|---|---|---|---|',
  ];
  for (const c of run.comparison) {
    const text = [
      ...c.diffs,
      ...(c.timeline.length ? [`timeline (approximate on purpose): ${c.timeline.join('; ')}`] : []),
    ]
      .join('<br>')
      .replace(/\|/g, '\\|');
    out.push(`| ${c.workload} | ${c.server} | ${c.same ? 'yes' : '**no**'} | ${text || '–'} |`);
  }
  return out;
}

function failures(run: BenchRun): string[] {
  const out: string[] = [];
  for (const [s, r] of Object.entries(run.results)) {
    if (r?.error) out.push(`- ${s}: ${r.error.split('\n')[0]}`);
    for (const [w, x] of Object.entries(r?.workloads ?? {}))
      if (x?.error) out.push(`- ${s} ${w}: ${x.error.split('\n')[0].slice(0, 300)}`);
      else {
        const bad = [...(x?.full?.runs ?? []), ...(x?.fixed100?.runs ?? [])].reduce(
          (n, y) => n + y.non2xx + y.errors,
          0,
        );
        if (bad) out.push(`- ${s} ${w}: ${bad} non-2xx responses or errors during the load`);
      }
  }
  return out.length ? out : ['- none'];
}

/** How a run was made, in one line. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const modeOf = (doc: any, docs0Cores: number) =>
  `${doc.quick ? '**quick run**' : 'full run'} (\`npm run bench${doc.quick ? ' -- --quick' : ''}\`) started ${doc.started}, finished ${doc.finished}: ${doc.opts.seconds} s per measurement after ${doc.opts.warmSeconds} s of warm-up, ${doc.opts.reps} repetitions, medians${doc.loadAverage ? `; load average (1 min) ${doc.loadAverage.start[0].toFixed(1)} at the start, ${doc.loadAverage.end[0].toFixed(1)} at the end on ${docs0Cores} cores` : ''}`;

/** RESULTS.md from one or more result documents (`--report a.json,b.json` merges them). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function renderResults(docs: any[]): string {
  const m = docs[0].machine;
  const lines = [
    '# Benchmark: the hub side by side with PostGraphile 5 and the raw-SQL floor',
    '',
    `Generated by bench/run.ts (bench/report.ts) from ${docs.length} run(s); raw figures in bench/results/*.json.`,
    '',
    `**Machine**: ${m.nproc} cores (\`nproc\`), ${m.cpu}; memory (\`free -h\`: total used free shared cache available): ${m.memory}. The load generator (autocannon, 10 connections; 4 for the heavy W3 and W5, with windows of at least 8 s) runs on the same cores, so compare ratios rather than absolutes.`,
    '',
    `**Versions**: hub at ${m.gitRev} on Node ${m.node} (Apollo Server ${m.apollo}, MikroORM ${m.mikroOrm}); PostGraphile ${m.postgraphile} (amber preset) on Node ${m.node22}; ${m.postgres}; autocannon ${m.autocannon}.`,
    '',
  ];
  for (const doc of docs)
    for (const run of doc.runs as BenchRun[]) {
      const s = run.seed as Record<string, number | string>;
      const hub = run.results.hub;
      lines.push(
        `## Scale ${run.scale}: ${s.addresses} civic addresses, ${s.comuni} comuni, ${s.grants} PNRR grants`,
        '',
        `Run: ${modeOf(doc, m.nproc)}.`,
        '',
        `Workload parameters: dossiers of the ${run.params.comuni.length} members of \`${run.params.grouping}\` (random per request); address list of comune ${run.params.listComune}, technology ${run.params.technology}, ${run.params.pageSize} per page, deep page = page ${run.params.deepPage}; aggregates over \`${run.params.province}\`.`,
        '',
        ...table(run),
        '',
        '### Cached (the hub with its response cache on; the rows above run it off: HUB_CACHE=off)',
        '',
        ...cachedTable(run),
        '',
        '### Goals (issue 8 and issue 7)',
        '',
        ...goals(run),
        '',
        '### Issue 7: the dossier',
        '',
        `- Dossier of a random consortium comune (the fragment of issue 7), hub: **${f(wl(hub, 'W1')?.full?.rps)} req/s** at full speed (p50 ${f(wl(hub, 'W1')?.full?.p50)} ms, p99 ${f(wl(hub, 'W1')?.full?.p99)} ms); at a fixed 100 req/s p50 **${f(wl(hub, 'W1')?.fixed100?.p50)} ms**, p99 **${f(wl(hub, 'W1')?.fixed100?.p99)} ms**.`,
        `- SQL statements per request: **${f(wl(hub, 'W1')?.statements, 1)}** for 1 comune, **${f(wl(hub, 'W5')?.statements, 1)}** for all ${run.params.comuni.length} consortium comuni in one request (PostGraphile ${f(wl(run.results.postgraphile, 'W1')?.statements, 1)} / ${f(wl(run.results.postgraphile, 'W5')?.statements, 1)}, raw ${f(wl(run.results.raw, 'W1')?.statements, 1)} / ${f(wl(run.results.raw, 'W5')?.statements, 1)}).`,
        `- Statements the hub sent for one dossier (first lines): ${(wl(hub, 'W1')?.statementSample ?? []).map((x) => `\`${x.replace(/`/g, "'").slice(0, 60)}…\``).join(', ') || '–'}`,
        '',
        '### Same data? (answers normalised and compared with the hub)',
        '',
        ...comparison(run),
        '',
        '### Errors and non-2xx',
        '',
        ...failures(run),
        '',
        `Idle RSS after start (MB): ${Object.entries(run.results)
          .map(([k, r]) => `${k} ${r?.idleRssMb ?? '–'}`)
          .join(', ')}; peak over the whole timed run (VmHWM, MB): ${Object.entries(run.results)
          .map(([k, r]) => `${k} ${r?.vmHwmMb ?? '–'}`)
          .join(', ')}.`,
        '',
      );
    }
  const notes = `${ROOT}bench/notes.md`;
  if (existsSync(notes)) lines.push(readFileSync(notes, 'utf8'));
  return lines.join('\n');
}
