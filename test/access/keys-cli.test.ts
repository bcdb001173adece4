import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startTestHttp } from '../support/hub.js';

const run = promisify(execFile);
type Http = Awaited<ReturnType<typeof startTestHttp>>;
let http: Http;
beforeAll(async () => {
  http = await startTestHttp();
});
afterAll(() => http.close());

/** Runs `npm run keys -- ...` as a user would, on the test database. */
async function keys(...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      'node',
      ['--import', 'tsx', 'src/tools/keys.ts', ...args],
      {
        env: { ...process.env, DATABASE_URL: inject('databaseUrl'), LOG_LEVEL: 'warn' },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const viewer = (key: string) =>
  http.post(
    { query: '{ viewer { label role comuni domains } }' },
    { authorization: `Bearer ${key}` },
  );

// Each case starts a Node process (tsx); on a loaded 2-core machine that takes seconds.
describe('npm run keys', { timeout: 180_000 }, () => {
  const label = `cli-${process.pid}-${Date.now()}`;

  it('creates a key, prints it alone on the last line, and the key works', async () => {
    const r = await keys(
      'create',
      '--role',
      'EDITOR',
      '--comune',
      '019018',
      '--comune',
      '019035',
      '--domain',
      'civil-protection',
      '--label',
      label,
    );
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const key = lines.at(-1)!;
    expect(key).toMatch(/^cdh_[A-Za-z0-9_-]{43}$/);
    expect(lines.slice(0, -1).join('\n')).not.toContain(key);
    const res = await viewer(key);
    expect(await res.json()).toEqual({
      data: {
        viewer: {
          label,
          role: 'EDITOR',
          comuni: ['019018', '019035'],
          domains: ['civil-protection'],
        },
      },
    });
  });

  it('lists keys without secrets and revokes by label', async () => {
    const list = await keys('list');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(label);
    expect(list.stdout).not.toMatch(/cdh_/);
    const revoked = await keys('revoke', label);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain('revoked');
    expect((await keys('list')).stdout).toMatch(new RegExp(`${label}.*revoked`));
  });

  it('refuses bad arguments with a clear message and a non-zero exit', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['create', '--role', 'OWNER', '--label', 'x'],
        /unknown role "OWNER".*PARTNER, ANALYST, EDITOR, ADMIN/,
      ],
      [
        ['create', '--role', 'EDITOR', '--comune', '19018', '--label', 'x'],
        /--comune "19018".*6-digit/,
      ],
      [
        ['create', '--role', 'EDITOR', '--comune', '019018', '--domain', 'water', '--label', 'x'],
        /--domain "water".*infrastructure, energy, broadband, civil-protection, pnrr/,
      ],
      [['create', '--role', 'EDITOR', '--label', 'x'], /EDITOR key needs at least one --comune/],
      [['create', '--role', 'PARTNER'], /--label is required/],
      [['frobnicate'], /usage/i],
    ];
    for (const [args, message] of cases) {
      const r = await keys(...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });
});
