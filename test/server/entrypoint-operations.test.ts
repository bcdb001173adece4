import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../support/global-setup.js';

/**
 * Operations through what users run: `npm start` and `npm run <tool>` as child processes,
 * with the default environment (no NODE_ENV, no DATABASE_URL: the embedded PostgreSQL),
 * one data directory for the whole file (seeded once).
 */
const run = promisify(execFile);
let dataDir: string;
let pgPort: number;
let key: string;
const started: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hub-ops-'));
  pgPort = await freePort();
});
afterAll(async () => {
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  const pm = postmaster();
  if (pm && alive(pm)) process.kill(pm, 'SIGINT');
  await rm(dataDir, { recursive: true, force: true });
});

/** The environment of a user who sets only where the data go and which ports to use. */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env))
    if (
      name.startsWith('HUB_') ||
      ['DATABASE_URL', 'NODE_OPTIONS', 'NODE_ENV', 'PORT', 'LOG_LEVEL'].includes(name)
    )
      delete env[name];
  return {
    ...env,
    HUB_DATA_DIR: dataDir,
    HUB_EMBEDDED_PG_PORT: String(pgPort),
    PORT: '0',
    ...extra,
  };
}

interface Hub {
  npm: ChildProcess;
  nodePid: number;
  base: string;
  metricsUrl: string | null;
  log: string[];
  exited: Promise<number | null>;
}

/** `npm start`, until its "listening" line (and its metrics line when asked for). */
function npmStart(extra: Record<string, string> = {}): Promise<Hub> {
  const npm = spawn('npm', ['start'], { env: userEnv(extra) });
  started.push(npm);
  const log: string[] = [];
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
  const wantMetrics = 'HUB_METRICS_PORT' in extra;
  return new Promise((resolve, reject) => {
    let base: string | null = null;
    let metricsUrl: string | null = null;
    let nodePid = 0;
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        log.push(line);
        const m = /listening on (http:\/\/[^\s"]+)\/graphql/.exec(line);
        if (m) {
          base = m[1];
          nodePid = (JSON.parse(line) as { pid: number }).pid;
        }
        const mm = /Prometheus metrics on (http:\/\/[^\s"]+)/.exec(line);
        if (mm) metricsUrl = mm[1];
        if (base && (!wantMetrics || metricsUrl))
          resolve({ npm, nodePid, base, metricsUrl, log, exited });
      }
    };
    npm.stdout.on('data', onData);
    npm.stderr.on('data', onData);
    void exited.then((code) =>
      reject(new Error(`npm start exited with ${code}:\n${log.join('\n')}`)),
    );
  });
}

/** `npm run <script> -- args` as a user runs it. */
async function npmRun(script: string, args: string[], extra: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run('npm', ['run', '-s', script, '--', ...args], {
      env: userEnv(extra),
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Every process below `pid` (ps, taken before a signal: orphans are re-parented). */
async function descendants(pid: number): Promise<number[]> {
  const { stdout } = await run('ps', ['-e', '-o', 'pid=,ppid=']);
  const children = new Map<number, number[]>();
  for (const line of stdout.trim().split('\n')) {
    const [p, pp] = line.trim().split(/\s+/).map(Number);
    children.set(pp, [...(children.get(pp) ?? []), p]);
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length)
    for (const c of children.get(queue.shift()!) ?? []) {
      out.push(c);
      queue.push(c);
    }
  return out;
}

/** The embedded server's pid, from PostgreSQL's own lock file. */
function postmaster(): number | null {
  const file = join(dataDir, 'pg', 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
}

const users = () =>
  existsSync(join(dataDir, 'pg-users')) ? readdirSync(join(dataDir, 'pg-users')) : [];

async function crema(base: string) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ comune(istatCode: "019035") { name } }' }),
  });
  return {
    status: res.status,
    body: (await res.json()) as unknown,
    requestId: res.headers.get('x-request-id'),
  };
}

/**
 * Signals npm alone (as a process manager would); the returned check waits for the exit and
 * verifies that nothing is left behind: no process of the tree, no database server.
 */
async function signal(hub: Hub, name: NodeJS.Signals): Promise<() => Promise<void>> {
  const tree = await descendants(hub.npm.pid!);
  expect(tree).toContain(hub.nodePid);
  const pm = postmaster();
  expect(pm && alive(pm)).toBe(true);
  hub.npm.kill(name);
  return async () => {
    expect(await hub.exited).toBe(0);
    // pg_ctl returns once the server removed its pid file, a moment before it exits.
    await expect.poll(() => [...tree, pm!].filter(alive), { timeout: 10_000 }).toEqual([]);
    expect(postmaster()).toBeNull();
    expect(users()).toEqual([]);
  };
}

/** Reads a response body to its end into `chunks`; the error that ended it early, if any. */
async function readRest(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  chunks: Uint8Array[],
): Promise<unknown> {
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return null;
      chunks.push(value);
    }
  } catch (e) {
    return e;
  }
}

/** Waits for a line of the hub's log; a failure shows the log's last lines. */
async function logged(hub: Hub, pattern: RegExp): Promise<void> {
  try {
    await expect.poll(() => pattern.test(hub.log.join('\n')), { timeout: 30_000 }).toBe(true);
  } catch (e) {
    throw new Error(
      `no log line matching ${pattern}; the last lines:\n${hub.log.slice(-15).join('\n')}`,
      {
        cause: e,
      },
    );
  }
}

it('tools run beside a running hub on its database; SIGTERM lets an export in flight finish, then stops everything', async () => {
  const hub = await npmStart({ HUB_METRICS_PORT: '0' });
  const pm = postmaster();
  expect(await crema(hub.base)).toMatchObject({
    status: 200,
    body: { data: { comune: { name: 'Crema' } } },
  });

  // The tools join the hub's server, even when told another port, and leave it running.
  const created = await npmRun('keys', ['create', '--role', 'ANALYST', '--label', 'ops'], {
    HUB_EMBEDDED_PG_PORT: String(await freePort()),
  });
  expect(created.code, created.stderr).toBe(0);
  key = created.stdout.trimEnd().split('\n').at(-1)!;
  expect(await crema(hub.base)).toMatchObject({ status: 200 });
  const list = await npmRun('keys', ['list']);
  expect([list.code, list.stdout]).toEqual([0, expect.stringContaining('\tops\tANALYST')]);
  const migrate = await npmRun('migrate', []);
  expect([migrate.code, migrate.stdout.trim()]).toEqual([0, 'migrations up to date']);
  expect(postmaster()).toBe(pm);
  expect(users()).toEqual([`${hub.nodePid}.json`]);
  const after = await crema(hub.base);
  expect(after).toMatchObject({ status: 200, body: { data: { comune: { name: 'Crema' } } } });
  expect(after.requestId).toMatch(/^[0-9a-f-]{36}$/);
  const auth = { headers: { authorization: `Bearer ${key}` } };
  expect((await fetch(`${hub.base}/ready`)).status).toBe(200);

  // Metrics on their own port only.
  const metrics = await (await fetch(hub.metricsUrl!)).text();
  expect(metrics).toMatch(
    /^hub_graphql_requests_total\{operation="\(anonymous\)",outcome="ok"\} [1-9]/m,
  );
  expect(metrics).toMatch(/^hub_db_pool_connections\{pool="orm",state="idle"\} \d/m);
  expect((await fetch(`${hub.base}/metrics`)).status).toBe(404);

  // An export in flight when SIGTERM arrives finishes within the grace period. The GeoJSON
  // streams through a cursor with back-pressure, so an unread response stays in flight (the
  // CSV of the 14,750 real civics fits in the socket buffers and could end before the signal).
  const meta = (await (await fetch(`${hub.base}/export/addresses.json`, auth)).json()) as {
    rowCount: number;
  };
  const res = await fetch(`${hub.base}/export/addresses.geojson`, auth);
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const chunks: Uint8Array[] = [(await reader.read()).value!];
  const stopped = await signal(hub, 'SIGTERM');
  await logged(hub, /waiting for the requests in flight/);
  const error = await readRest(reader, chunks);
  if (error) {
    const tail = hub.log.slice(-15).join('\n');
    throw new Error(`the export was cut after ${Buffer.concat(chunks).length} bytes:\n${tail}`, {
      cause: error,
    });
  }
  const geojson = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { features: unknown[] };
  expect(geojson.features).toHaveLength(meta.rowCount);
  await stopped();
}, 300_000);

it('SIGINT: an export still running when the grace period ends is cut with an error the client sees', async () => {
  const hub = await npmStart({ HUB_SHUTDOWN_GRACE_SECONDS: '1' });
  const res = await fetch(`${hub.base}/export/addresses.geojson`, {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const chunks: Uint8Array[] = [(await reader.read()).value!];
  // The client stops reading (far more than the sockets buffer) and the hub is told to stop.
  await (
    await signal(hub, 'SIGINT')
  )();
  expect(await readRest(reader, chunks)).toBeInstanceOf(Error);
  const text = Buffer.concat(chunks).toString('utf8');
  expect(() => JSON.parse(text) as unknown).toThrow();
  expect(hub.log.join('\n')).toMatch(/grace period over: cutting/);
  expect(hub.log.join('\n')).toMatch(/"outcome":"cut"/);
}, 300_000);

it('a server left by a kill -9 is stale: the next tool stops it and works', async () => {
  const hub = await npmStart();
  const pm = postmaster()!;
  process.kill(hub.nodePid, 'SIGKILL');
  await hub.exited;
  expect(alive(pm)).toBe(true);
  const list = await npmRun('keys', ['list']);
  expect(list.code, list.stderr).toBe(0);
  expect(list.stdout).toContain('\tops\tANALYST');
  expect(list.stdout).toMatch(/stopping a stale embedded PostgreSQL/);
  await expect.poll(() => alive(pm), { timeout: 10_000 }).toBe(false);
  // The tool was the server's only user: it stopped the one it started.
  expect(postmaster()).toBeNull();
  expect(users()).toEqual([]);
}, 300_000);

it('with the default settings, failures show no stack trace and no server path; the hub still stops', async () => {
  const hub = await npmStart();
  const pm = postmaster()!;
  // The database goes away under the running hub.
  process.kill(pm, 'SIGINT');
  await expect.poll(() => alive(pm), { timeout: 30_000 }).toBe(false);
  const answers = [
    await fetch(`${hub.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ comune(istatCode: "019035") { name } }' }),
    }),
    await fetch(`${hub.base}/export/comuni.csv`, { headers: { authorization: `Bearer ${key}` } }),
    await fetch(`${hub.base}/ready`),
  ];
  expect(answers.map((r) => r.status)).toEqual([200, 500, 503]);
  const texts = await Promise.all(answers.map((r) => r.text()));
  expect(JSON.parse(texts[0])).toMatchObject({
    data: { comune: null },
    errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
  });
  for (const text of texts)
    expect(text).not.toMatch(
      /stacktrace|\/tmp\/|\/work\/|node_modules|\.ts:\d|ECONNREFUSED|DriverException/i,
    );
  expect((await fetch(`${hub.base}/health`)).status).toBe(200);
  // The log keeps the detail, with the request id.
  expect(hub.log.join('\n')).toMatch(/ECONNREFUSED.*"requestId":"[0-9a-f-]{36}"/);
  hub.npm.kill('SIGTERM');
  expect(await hub.exited).toBe(0);
  expect(users()).toEqual([]);
}, 300_000);

it('two tools started together with no hub share one server, and the last one stops it', async () => {
  expect(postmaster()).toBeNull();
  const [a, b] = await Promise.all([npmRun('keys', ['list']), npmRun('migrate', [])]);
  expect([a.code, a.stderr]).toEqual([0, '']);
  expect(a.stdout).toContain('\tops\tANALYST');
  expect([b.code, b.stdout.trim()]).toEqual([0, 'migrations up to date']);
  expect(postmaster()).toBeNull();
  expect(users()).toEqual([]);
}, 300_000);
