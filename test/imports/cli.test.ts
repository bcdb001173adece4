import iconv from 'iconv-lite';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/access/keys.js';
import { markAbortedRuns, runImport } from '../../src/core/ingest/runner.js';
import { infrastructure } from '../../src/domains/infrastructure/index.js';
import { ADDRESS_HEADER, CENTRE_HEADER, cremona, dirtyCentres } from './dirty-files.js';
import {
  csvLine,
  readReport,
  runCli,
  scratchDatabase,
  sha256,
  spawnCli,
  tableDigests,
  type Scratch,
} from './support.js';

/*
 * `npm run import` as users run it: a child process on a database of its own.
 */

let db: Scratch;
let dir: string;
const tag = `cli${process.pid}`;
beforeAll(async () => {
  db = await scratchDatabase('cli');
  dir = await mkdtemp(join(tmpdir(), 'hub-import-cli-'));
});
afterAll(async () => {
  await db?.drop();
  await rm(dir, { recursive: true, force: true });
});

const sql = <T>(query: string, params: unknown[] = []) =>
  db.orm.em.fork().execute<T[]>(query, params);
const lastRun = async (fileName: string) =>
  (
    await sql<Record<string, unknown>>(
      'select * from import_run where file_name = ? order by id desc limit 1',
      [fileName],
    )
  )[0];

/** A broadband-coverage row in Cremona, in header order. */
const address = (id: string, over: Record<string, string> = {}) =>
  csvLine(
    ADDRESS_HEADER.map(
      (c) =>
        ({
          address_id: id,
          istat_code: '019036',
          street_type: 'VIALE',
          street_name: 'Libertà',
          number: '1',
          exponent: '',
          postal_code: cremona.cap,
          lat: cremona.centroid_lat_geom,
          lon: cremona.centroid_lon_geom,
          units: '2',
          technology: 'FTTH',
          max_download_mbps: '1000',
          max_upload_mbps: '100',
          plan: 'WHITE_AREAS_BUL',
          operator: 'open-fiber',
          status: 'ACTIVATABLE',
          status_on: '2022-05-10',
          status_history: '',
          ...over,
        })[c] ?? '',
    ),
  );

describe('npm run import: encodings', () => {
  it('refuses a Windows-1252 file with the line and byte offset; --encoding windows-1252 stores "Viale Libertà" exactly', async () => {
    const file = join(dir, 'viale-1252.csv');
    const text = [
      csvLine(ADDRESS_HEADER),
      address(`${tag}-roma`, { street_name: 'Roma' }),
      address(`${tag}-lib`),
    ].join('\n');
    const bytes = iconv.encode(`${text}\n`, 'windows-1252');
    await writeFile(file, bytes);
    const offset = bytes.indexOf(0xe0);

    const refused = await runCli(db.url, ['broadband-coverage', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`line 3, byte offset ${offset}: not valid UTF-8: byte 0xE0`);
    expect(refused.stderr).toMatch(/--encoding windows-1252/);
    expect(refused.stdout).toMatch(/outcome: FAILED/);
    expect(await sql('select 1 from civic_address where code like ?', [`${tag}-%`])).toEqual([]);
    expect(await lastRun('viale-1252.csv')).toMatchObject({
      outcome: 'FAILED',
      file_sha256: sha256(bytes),
      encoding: 'utf-8',
      rows_read: null,
      message: expect.stringContaining(`byte offset ${offset}`),
    });

    const converted = await runCli(db.url, [
      'broadband-coverage',
      file,
      '--encoding',
      'windows-1252',
    ]);
    expect(converted.code).toBe(0);
    expect(converted.stdout).toMatch(/2 read, 2 inserted, 0 updated, 0 unchanged, 0 rejected/);
    expect(converted.stdout).toMatch(/outcome: SUCCEEDED/);
    const rows = await sql<{ code: string; street: string }>(
      `select code, initcap(street_type) || ' ' || street_name as street from civic_address
        where code like ? order by code`,
      [`${tag}-%`],
    );
    expect(rows).toEqual([
      { code: `${tag}-lib`, street: 'Viale Libertà' },
      { code: `${tag}-roma`, street: 'Viale Roma' },
    ]);
    expect(await lastRun('viale-1252.csv')).toMatchObject({
      outcome: 'SUCCEEDED',
      encoding: 'windows-1252',
      file_sha256: sha256(bytes),
      inserted: 2,
    });
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const file = join(dir, 'bom.csv');
    const row = CENTRE_HEADER.map(
      (c) =>
        ({
          istat_code: '019036',
          kind: 'MUNICIPAL_COLLECTION_CENTRE',
          name: `${tag} Centro Città`,
          dataset: 'consorzio-it-collection-centre-register',
        })[c] ?? '',
    );
    await writeFile(
      file,
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(`${csvLine(CENTRE_HEADER)}\n${csvLine(row)}\n`),
      ]),
    );
    const r = await runCli(db.url, ['collection-centres', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 read, 1 inserted/);
    expect(
      await sql('select name from collection_centre where name = ?', [`${tag} Centro Città`]),
    ).toEqual([{ name: `${tag} Centro Città` }]);
  });

  it('names the accepted encodings when given an unknown one (exit code 2)', async () => {
    const r = await runCli(db.url, [
      'collection-centres',
      join(dir, 'bom.csv'),
      '--encoding',
      'ebcdic',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown encoding "ebcdic"; supported: utf-8 \(utf8\), windows-1252/);
  });
});

describe('npm run import: the report of rejections and --dry-run', () => {
  it('a dry run reports every rejection and writes nothing; the real run writes the same report where --report says', async () => {
    const dirty = dirtyCentres(`${tag}c`);
    const file = join(dir, 'centres-dirty.csv');
    await writeFile(file, dirty.text);
    const before = await tableDigests(db.orm.em.fork());

    const dry = await runCli(db.url, ['collection-centres', file, '--dry-run']);
    expect(dry.code).toBe(3);
    expect(dry.stdout).toMatch(/outcome: REJECTED_ROWS \(dry run: nothing was written\)/);
    const dryPath = /rejected rows \((\d+)\): (.+)$/m.exec(dry.stdout)!;
    expect(Number(dryPath[1])).toBe(dirty.planted.length);
    const located = (path: string) =>
      readReport(path).map(({ line, column, code }) => ({ line, column, code }));
    expect(located(dryPath[2])).toEqual(dirty.planted);
    expect(await tableDigests(db.orm.em.fork())).toEqual(before);
    expect(await lastRun('centres-dirty.csv')).toMatchObject({
      dry_run: true,
      outcome: 'REJECTED_ROWS',
      inserted: dirty.good,
      rejected: dirty.planted.length,
    });

    const report = join(dir, 'my-report.csv');
    const real = await runCli(db.url, ['collection-centres', file, '--report', report]);
    expect(real.code).toBe(3);
    expect(real.stdout).toContain(`rejected rows (${dirty.planted.length}): ${report}`);
    expect(real.stdout).toMatch(
      /line 3, column istat_code: "19036" is not a 6-digit ISTAT code \[INVALID_CODE\]/,
    );
    expect(real.stdout).toContain(
      `... and ${dirty.planted.length - 10} more (all in the report file)`,
    );
    expect(located(report)).toEqual(dirty.planted);
    expect(await readFile(report, 'utf8')).toMatch(/^line,column,code,message\n/);
    expect(await lastRun('centres-dirty.csv')).toMatchObject({
      dry_run: false,
      outcome: 'REJECTED_ROWS',
      inserted: dirty.good,
      report_path: report,
    });
  });
});

describe('npm run import killed with kill -9', () => {
  it('leaves every table exactly as before; the run is RUNNING while it lives, then ABORTED', async () => {
    const rows = 30000;
    const file = join(dir, 'big.csv');
    const lines = [csvLine(ADDRESS_HEADER)];
    for (let i = 1; i <= rows; i++)
      lines.push(
        address(`${tag}-K${i}`, {
          street_name: `Prova ${i % 300}`,
          number: String(1 + (i % 9000)),
          status_history: 'PLANNED:2019-01-15',
        }),
      );
    await writeFile(file, `${lines.join('\n')}\n`);
    const em = db.orm.em.fork();
    const before = await tableDigests(em);

    const child = spawnCli(db.url, ['broadband-coverage', file]);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const read = () =>
      Math.max(0, ...[...stderr.matchAll(/(\d+) lines read/g)].map((m) => Number(m[1])));
    // Wait until three batches of 1,000 rows are written (uncommitted) in its transaction.
    for (let waited = 0; read() < 3001; waited += 100) {
      expect(child.exitCode, stderr).toBeNull();
      expect(waited).toBeLessThan(300_000);
      await sleep(100);
    }
    const run = await lastRun('big.csv');
    expect(run.outcome).toBe('RUNNING');
    // A reader in the meantime leaves a live run alone.
    expect(await markAbortedRuns(em)).toBe(0);
    expect((await lastRun('big.csv')).outcome).toBe('RUNNING');

    process.kill(-child.pid!, 'SIGKILL');
    await once(child, 'close');
    expect(read()).toBeLessThan(rows);
    // PostgreSQL ends the dead client's session and rolls back: the run's lock is free.
    for (let waited = 0; (await lastRun('big.csv')).outcome === 'RUNNING'; waited += 200) {
      expect(waited).toBeLessThan(60_000);
      await markAbortedRuns(em);
      await sleep(200);
    }
    expect(await lastRun('big.csv')).toMatchObject({
      id: run.id,
      outcome: 'ABORTED',
      rows_read: null,
      message: expect.stringMatching(/ended before the run finished/),
    });
    expect(await tableDigests(em)).toEqual(before);
  });
});

describe('the import log under the real entry point', () => {
  it('pages importRuns over HTTP for an ADMIN key, as npm start serves it', async () => {
    // Runs to page through, whatever ran before in this file.
    const file = join(dir, 'tiny.csv');
    await writeFile(file, `${csvLine(CENTRE_HEADER)}\n`);
    for (let i = 0; i < 4; i++)
      await runImport(
        db.orm,
        'collection-centres',
        infrastructure.importers['collection-centres'],
        file,
        {
          dryRun: true,
        },
      );
    const { secret } = await createApiKey(db.orm.em.fork(), {
      label: `${tag}-admin`,
      role: 'ADMIN',
    });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: db.url,
      PORT: '0',
      HUB_SEED: 'never',
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
    };
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env });
    try {
      let log = '';
      const url = await new Promise<string>((resolve, reject) => {
        const onData = (d: Buffer) => {
          log += d.toString();
          const m = /listening on (http:\/\/[^\s"]+)/.exec(log);
          if (m) resolve(m[1]);
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => reject(new Error(`hub exited with ${code}:\n${log}`)));
      });
      const page = async (after: string | null) => {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
          body: JSON.stringify({
            query: `query ($after: String) { importRuns(first: 2, after: $after) {
              totalCount edges { node { number importer outcome startedAt endedAt fileSha256 } }
              pageInfo { hasNextPage endCursor } } }`,
            variables: { after },
          }),
        });
        expect(res.status).toBe(200);
        return (await res.json()) as {
          data: {
            importRuns: {
              totalCount: number;
              edges: { node: { number: number; startedAt: string } }[];
              pageInfo: { hasNextPage: boolean; endCursor: string };
            };
          };
          errors?: unknown;
        };
      };
      const first = await page(null);
      expect(first.errors).toBeUndefined();
      const [{ n }] = await sql<{ n: number }>('select count(*)::int as n from import_run');
      expect(first.data.importRuns.totalCount).toBe(n);
      expect(first.data.importRuns.pageInfo.hasNextPage).toBe(true);
      const second = await page(first.data.importRuns.pageInfo.endCursor);
      expect(second.errors).toBeUndefined();
      const numbers = [...first.data.importRuns.edges, ...second.data.importRuns.edges].map(
        (e) => e.node.number,
      );
      expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
      expect(new Set(numbers).size).toBe(4);
      expect(first.data.importRuns.edges[0].node.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
  });
});
