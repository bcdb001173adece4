import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../support/global-setup.js';

let dataDir: string;
let pgPort: number;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hub-entry-'));
  pgPort = await freePort();
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** Starts `npm start`'s code with no DATABASE_URL and waits for its "listening" log line. */
function startHub(): Promise<{ child: ChildProcess; url: string; log: string[] }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HUB_DATA_DIR: dataDir,
    PORT: '0',
    HUB_EMBEDDED_PG_PORT: String(pgPort),
  };
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS;
  env.NODE_ENV = 'production';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env });
  const log: string[] = [];
  return new Promise((resolve, reject) => {
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        log.push(line);
        const m = /listening on (http:\/\/[^\s"]+)/.exec(line);
        if (m) resolve({ child, url: m[1], log });
      }
    };
    child.stdout.on('data', onLine);
    child.stderr.on('data', onLine);
    child.on('exit', (code) => reject(new Error(`hub exited with ${code}:\n${log.join('\n')}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

async function queryCrema(url: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ comune(istatCode: "019035") { name } }' }),
  });
  return res.json();
}

it('starts on an embedded PostgreSQL, survives a kill -9 and stops cleanly', async () => {
  const first = await startHub();
  expect(first.log.join('\n')).toMatch(/using embedded PostgreSQL/);
  expect(await queryCrema(first.url)).toEqual({ data: { comune: { name: 'Crema' } } });
  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  expect(existsSync(pidFile)).toBe(true);

  // A crash leaves the embedded server running; the next start must stop it first.
  const gone = exited(first.child);
  first.child.kill('SIGKILL');
  await gone;
  expect(existsSync(pidFile)).toBe(true);

  const second = await startHub();
  expect(second.log.join('\n')).toMatch(/stale embedded PostgreSQL/);
  expect(await queryCrema(second.url)).toEqual({ data: { comune: { name: 'Crema' } } });
  const code = exited(second.child);
  second.child.kill('SIGTERM');
  expect(await code).toBe(0);
  expect(existsSync(pidFile)).toBe(false);
}, 240_000);
