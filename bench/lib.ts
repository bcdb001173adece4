/**
 * Building blocks of the benchmark (bench/run.ts): child servers, memory sampling from
 * /proc, SQL statement counting from the PostgreSQL server log, autocannon runs, medians.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';

/** A server started by the benchmark. */
export interface Child {
  proc: ChildProcess;
  pid: number;
  log: string[];
  stop: () => Promise<void>;
}

/** Starts a server and waits until `probe` answers (any HTTP status). */
export async function startServer(
  cmd: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; probe: string; timeoutMs?: number },
): Promise<Child> {
  const proc = spawn(cmd, args, {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const keep = (b: Buffer) => {
    log.push(b.toString());
    if (log.length > 200) log.shift();
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    if (proc.exitCode != null) throw new Error(`${cmd} exited ${proc.exitCode}:\n${log.join('')}`);
    try {
      await fetch(opts.probe, { signal: AbortSignal.timeout(2000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error(`${cmd} did not answer on ${opts.probe}:\n${log.join('')}`);
      }
      await sleep(250);
    }
  }
  const stop = async () => {
    if (proc.exitCode != null) return;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return { proc, pid: proc.pid!, log, stop };
}

/** A field of /proc/<pid>/status in kB (VmRSS, VmHWM), or 0 when the process is gone. */
export function procStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(
      new RegExp(`^${field}:\\s+(\\d+)`, 'm'),
    );
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Samples the RSS of a process every 100 ms; `stop()` gives the peak in MB. */
export function sampleRss(pid: number) {
  let peak = procStatusKb(pid, 'VmRSS');
  const timer = setInterval(() => (peak = Math.max(peak, procStatusKb(pid, 'VmRSS'))), 100);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(Math.max(peak, procStatusKb(pid, 'VmRSS')) / 1024);
    },
  };
}

/**
 * Counts the SQL statements PostgreSQL logged for one database (log_statement = all) in
 * the server log between `mark()` and `count()`. Lines look like
 * `... [pid] postgres@hub_bench LOG:  execute <unnamed>: select ...` or `... statement: ...`.
 */
export class StatementLog {
  private offset = 0;
  constructor(
    readonly file: string,
    readonly database: string,
  ) {}
  readable(): boolean {
    try {
      closeSync(openSync(this.file, 'r'));
      return true;
    } catch {
      return false;
    }
  }
  mark() {
    this.offset = statSync(this.file).size;
  }
  /** Statements logged since `mark()`, and a sample of them. */
  count(): { n: number; sample: string[] } {
    const size = statSync(this.file).size;
    const buf = Buffer.alloc(Math.max(0, size - this.offset));
    const fd = openSync(this.file, 'r');
    readSync(fd, buf, 0, buf.length, this.offset);
    closeSync(fd);
    const re = new RegExp(`@${this.database} LOG:  (?:statement|execute [^:]*): (.*)$`);
    const hits = buf
      .toString('utf8')
      .split('\n')
      .map((l) => l.match(re)?.[1])
      .filter((s): s is string => s != null);
    return { n: hits.length, sample: hits.slice(0, 12).map((s) => s.slice(0, 100)) };
  }
}

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** One request of a workload, built fresh for each call (random comune...). */
export interface Req {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Figures of one autocannon run. */
export interface Run {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/** Runs autocannon against `base` with requests from `make`; `rate` fixes the arrival rate. */
export async function load(
  base: string,
  make: () => Req,
  opts: { seconds: number; connections?: number; rate?: number },
): Promise<Run> {
  const r = await autocannon({
    url: base,
    connections: opts.connections ?? 10,
    duration: opts.seconds,
    ...(opts.rate ? { overallRate: opts.rate } : {}),
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const x = make();
          return {
            ...req,
            method: x.method,
            path: x.path,
            headers: { ...(x.headers ?? {}) },
            body: x.body,
          };
        },
      },
    ],
  });
  return {
    rps: Math.round(r.requests.average * 10) / 10,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

/** Median of numbers (the middle one, or the mean of the two middle ones). */
export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs a command to completion, returning its stdout (throws on a non-zero exit). */
export function runCommand(
  cmd: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env });
    let out = '';
    let err = '';
    p.stdout.on('data', (b: Buffer) => (out += b.toString()));
    p.stderr.on('data', (b: Buffer) => (err += b.toString()));
    p.on('error', reject);
    p.on('exit', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}\n${err}${out}`)),
    );
  });
}

/** Fetches `req` once; returns status, body size and time to the last byte. */
export async function fetchOnce(base: string, req: Req) {
  const started = performance.now();
  const res = await fetch(base + req.path, {
    method: req.method,
    headers: req.headers,
    body: req.body,
  });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}
