/**
 * Measures one server: a first start with statement logging on (SQL statements per
 * request, answers kept for the comparison), then a second start without logging for
 * the timings (autocannon at full speed and at a fixed 100 requests/s, peak memory).
 */
import {
  fetchOnce,
  load,
  median,
  procStatusKb,
  sampleRss,
  type Child,
  type Req,
  type Run,
  type StatementLog,
} from './lib.js';
import { PORTS, start } from './servers.js';
import {
  endCursor,
  normalise,
  request,
  type Params,
  type ServerName,
  type WorkloadName,
} from './workloads.js';

export interface Options {
  db: string;
  params: Params;
  log: StatementLog | null;
  setLogging: (on: boolean) => Promise<unknown>;
  key: string | null;
  copy: { sql: string } | null;
  seconds: number;
  warmSeconds: number;
  reps: number;
  only: Set<string>;
}

/** Figures of one workload on one server (medians of the repetitions). */
export interface WorkloadResult {
  statements: number | null;
  statementSample?: string[];
  full?: { rps: number; p50: number; p99: number; runs: Run[] };
  fixed100?: { rps: number; p50: number; p99: number; runs: Run[] };
  peakRssMb?: number;
  /** RSS when the workload started (memory growth = peak - start). */
  startRssMb?: number;
  /** W4 only: time to the last byte of the export. */
  export?: { ms: number; runs: number[]; bytes: number; rows: number; status: number };
  error?: string;
}

export interface ServerResult {
  version: string;
  idleRssMb: number;
  vmHwmMb: number;
  workloads: Partial<Record<string, WorkloadResult>>;
  answers: Partial<Record<string, unknown>>;
  error?: string;
}

const KINDS: WorkloadName[] = ['W1', 'W2first', 'W2deep', 'W3', 'W5'];
const selected = (o: Options) => KINDS.filter((w) => o.only.has(w.slice(0, 2)));

/** The W4 request of a server (hub: its export with the ANALYST key). */
function w4Request(server: ServerName, key: string | null): Req | null {
  if (server === 'raw') return { method: 'GET' as const, path: '/w4.csv' };
  if (server === 'hub')
    return key
      ? {
          method: 'GET' as const,
          path: '/export/addresses.csv?territory=province-cr',
          headers: { authorization: `Bearer ${key}` },
        }
      : null;
  return {
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `{ allCivicAddresses(orderBy: [COMUNE_ISTAT_CODE_ASC, NAME_KEY_ASC, STREET_TYPE_ASC, NUMBER_ASC, EXPONENT_ASC, PK_ASC]) { nodes {
        code comuneIstatCode streetType streetName number exponent postalCode lat lon units datasetId
        addressCoverageByAddressPk { technology maxDownloadMbps maxUploadMbps plan operatorCode status statusOn } } } }`,
    }),
  };
}

/** Rows of a W4 answer: CSV lines minus the header, or GraphQL nodes. */
function w4Rows(server: ServerName, text: string): number {
  if (server === 'postgraphile')
    return JSON.parse(text).data?.allCivicAddresses?.nodes?.length ?? -1;
  // Quoted fields may hold newlines: count record ends outside quotes.
  let rows = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) quoted = !quoted;
    else if (ch === 10 && !quoted) rows++;
  }
  return rows - 1;
}

export async function benchServer(server: ServerName, o: Options): Promise<ServerResult> {
  const base = `http://127.0.0.1:${PORTS[server]}`;
  const p = o.params;
  const result: ServerResult = {
    version: '',
    idleRssMb: 0,
    vmHwmMb: 0,
    workloads: {},
    answers: {},
  };
  let cursor: string | null = null;
  const get = async (w: WorkloadName, opts: { comune?: string; after?: string | null } = {}) => {
    const r = await fetchOnce(base, request(server, w, p, opts));
    if (r.status !== 200)
      throw new Error(`${server} ${w}: HTTP ${r.status} ${r.text.slice(0, 500)}`);
    const body = JSON.parse(r.text);
    if (body.errors)
      throw new Error(`${server} ${w}: ${JSON.stringify(body.errors).slice(0, 800)}`);
    return r.text;
  };
  const checkComuni = p.comuni.filter((_c, i) => i % 10 === 0);

  // Phase 1: statement counts and answers.
  if (o.log) await o.setLogging(true);
  let child: Child | null = null;
  try {
    child = await start(server, o.db);
    for (const w of selected(o)) {
      try {
        if (w === 'W2deep') {
          cursor = null;
          for (let i = 1; i < p.deepPage; i++)
            cursor = endCursor(server, await get('W2first', { after: cursor }));
        }
        const runs = w === 'W1' ? checkComuni : [undefined, undefined, undefined];
        await get(w, { comune: p.comuni[0], after: cursor }); // warm
        o.log?.mark();
        const answers: unknown[] = [];
        for (const c of runs)
          answers.push(normalise(server, w, await get(w, { comune: c, after: cursor })));
        await new Promise((r) => setTimeout(r, 300));
        const counted = o.log?.count();
        result.workloads[w] = {
          statements: counted ? Math.round((counted.n / runs.length) * 10) / 10 : null,
          statementSample: counted?.sample,
        };
        result.answers[w] =
          w === 'W1' ? Object.fromEntries(checkComuni.map((c, i) => [c, answers[i]])) : answers[0];
      } catch (e) {
        result.workloads[w] = { statements: null, error: String(e).slice(0, 1500) };
      }
    }
    const w4 = o.only.has('W4') ? w4Request(server, o.key) : null;
    if (w4) {
      o.log?.mark();
      const r = await fetchOnce(base, w4);
      await new Promise((res) => setTimeout(res, 300));
      const counted = o.log?.count();
      result.workloads.W4 = {
        statements: counted?.n ?? null,
        statementSample: counted?.sample,
        ...(r.status !== 200 ? { error: `HTTP ${r.status} ${r.text.slice(0, 300)}` } : {}),
      };
      result.answers.W4 =
        r.status === 200
          ? {
              rows: w4Rows(server, r.text),
              header: server === 'postgraphile' ? null : r.text.slice(0, r.text.indexOf('\n')),
            }
          : null;
    }
  } finally {
    await child?.stop();
    if (o.log) await o.setLogging(false);
  }

  // Phase 2: timings on a fresh process.
  child = await start(server, o.db);
  try {
    result.idleRssMb = Math.round(procStatusKb(child.pid, 'VmRSS') / 1024);
    for (const w of selected(o)) {
      const wr = result.workloads[w];
      if (!wr || wr.error) continue;
      const after = w === 'W2deep' ? cursor : null;
      const make = () => request(server, w, p, { after });
      // Heavy workloads (a response can take about a second at scale 10): fewer connections
      // and a longer window, so that each measurement holds enough completed requests.
      const heavy = w === 'W3' || w === 'W5';
      const run = {
        connections: heavy ? 4 : 10,
        seconds: heavy ? Math.max(o.seconds, 8) : o.seconds,
      };
      wr.startRssMb = Math.round(procStatusKb(child.pid, 'VmRSS') / 1024);
      const rss = sampleRss(child.pid);
      await load(base, make, { seconds: o.warmSeconds, connections: run.connections });
      const full: Run[] = [];
      const fixed: Run[] = [];
      for (let i = 0; i < o.reps; i++) {
        full.push(await load(base, make, run));
        if (w !== 'W5') fixed.push(await load(base, make, { ...run, rate: 100 }));
        process.stdout.write(
          `${w} rep ${i + 1}: ${full.at(-1)!.rps} req/s${fixed.length ? `, p99 @100/s ${fixed.at(-1)!.p99} ms` : ''}\n`,
        );
      }
      const med = (runs: Run[]) => ({
        rps: median(runs.map((r) => r.rps)),
        p50: median(runs.map((r) => r.p50)),
        p99: median(runs.map((r) => r.p99)),
        runs,
      });
      wr.full = med(full);
      if (fixed.length) wr.fixed100 = med(fixed);
      wr.peakRssMb = rss.stop();
    }
    const w4 = o.only.has('W4') ? w4Request(server, o.key) : null;
    if (w4 && result.workloads.W4 && !result.workloads.W4.error) {
      result.workloads.W4.startRssMb = Math.round(procStatusKb(child.pid, 'VmRSS') / 1024);
      const rss = sampleRss(child.pid);
      await fetchOnce(base, w4); // warm-up, untimed (cold caches took 10x longer)
      const times: number[] = [];
      let last = { status: 0, text: '' };
      for (let i = 0; i < o.reps; i++) {
        const r = await fetchOnce(base, w4);
        times.push(Math.round(r.ms));
        last = r;
        process.stdout.write(`W4 rep ${i + 1}: ${Math.round(r.ms)} ms, ${r.text.length} chars\n`);
      }
      result.workloads.W4.export = {
        ms: median(times),
        runs: times,
        bytes: Buffer.byteLength(last.text),
        rows: w4Rows(server, last.text),
        status: last.status,
      };
      result.workloads.W4.peakRssMb = rss.stop();
    }
    result.vmHwmMb = Math.round(procStatusKb(child.pid, 'VmHWM') / 1024);
  } finally {
    await child.stop();
  }
  return result;
}
