import { spawn } from 'node:child_process';
import { stripVTControlCharacters as plain } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { startChildHub } from '../support/child-hub.js';

/** The pages the hub announces when ready, besides the GraphQL endpoint. */
const PAGES = ['/graphiql', '/schema.graphql', '/export'];

describe('the console of npm start', () => {
  it('writes JSON lines when its output is not a terminal, URLs of the pages included', async () => {
    const hub = await startChildHub();
    // The announcements follow the "listening" line; give them a moment to arrive.
    await new Promise((r) => setTimeout(r, 500));
    expect(await hub.stop()).toBe(0);
    const records = hub.log.map((line) => JSON.parse(line) as { msg: string; url?: string });
    for (const path of PAGES)
      expect(records.map((r) => r.url)).toContain(new URL(path, hub.base).toString());
  });

  it('writes readable lines (pino-pretty) on a terminal', async () => {
    // `script` (util-linux) gives the hub a real pseudo-terminal as stdout.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: inject('databaseUrl'),
      HUB_SEED: 'never',
      PORT: '0',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'auto',
    };
    delete env.NODE_OPTIONS;
    const child = spawn(
      'script',
      ['-qfec', `${process.execPath} --import tsx src/main.ts`, '/dev/null'],
      { env, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let out = '';
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (/Bulk exports.*\/export/.test(plain(out))) resolve();
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
    });
    try {
      await ready;
    } finally {
      child.kill('SIGTERM');
    }
    const lines = plain(out).split(/\r?\n/).filter(Boolean);
    const listening = lines.find((l) => l.includes('listening on'));
    expect(listening).toMatch(
      /^\[\d\d:\d\d:\d\d\] INFO: GraphQL \(and GraphiQL\) listening on http:\/\/127\.0\.0\.1:\d+\/graphql/,
    );
    expect(lines.some((l) => l.trimStart().startsWith('{'))).toBe(false);
    const base = /(http:\/\/127\.0\.0\.1:\d+)\/graphql/.exec(listening!)![1];
    for (const path of PAGES) expect(out).toContain(`${base}${path}`);
  });

  it('reported the progress of the long seeds while the run’s database was loaded', () => {
    const log = inject('seedLog').map(
      (l) =>
        JSON.parse(l) as {
          msg: string;
          progress?: { task: string; done: number; total: number; unit: string };
        },
    );
    for (const [task, total] of [
      ['broadband seed', 4],
      ['pnrr seed', 10],
    ] as const) {
      const steps = log.filter((r) => r.progress?.task === task).map((r) => r.progress!);
      expect(steps.length, task).toBeGreaterThan(0);
      expect(steps.at(-1)).toMatchObject({ done: total, total });
      for (const [a, b] of steps.slice(1).map((s, i) => [steps[i], s]))
        expect(b.done).toBeGreaterThanOrEqual(a.done);
    }
    const broadband = log.filter((r) => r.progress?.task === 'broadband seed').map((r) => r.msg);
    expect(broadband.at(-1)).toMatch(
      /^broadband seed: 4\/4 steps \(100%\), quality flags and figures$/,
    );
    expect(log.map((r) => r.msg)).toEqual(
      expect.arrayContaining([
        'loading the broadband seed data',
        expect.stringMatching(/^broadband seed data loaded in \d+\.\d s$/),
      ]),
    );
  });
});
