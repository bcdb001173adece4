import iconv from 'iconv-lite';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Importer } from '../../src/common/importer.js';
import { runImport } from '../../src/core/ingest/runner.js';
import { domains } from '../../src/schema.js';
import {
  dirtyAddresses,
  dirtyCentres,
  dirtyCommunities,
  dirtyFundings,
  dirtyGrants,
  type DirtyFile,
} from './dirty-files.js';
import { readReport, scratchDatabase, sha256, tableDigests, type Scratch } from './support.js';
import { ImportOutcome } from '../../src/core/model/enums.js';

let db: Scratch;
let dir: string;
const importers: Record<string, Importer> = Object.assign(
  {},
  ...domains.map((d) => d.importers ?? {}),
);
const tag = `dirty${process.pid}`;

beforeAll(async () => {
  db = await scratchDatabase('dirty');
  dir = await mkdtemp(join(tmpdir(), 'hub-dirty-'));
});
afterAll(async () => {
  await db?.drop();
  await rm(dir, { recursive: true, force: true });
});

const sql = <T>(query: string, params: unknown[] = []) =>
  db.orm.em.fork().execute<T[]>(query, params);

/** A case: an importer, its dirty file, and how to read back the rows it must keep. */
interface Case {
  importer: string;
  file: string;
  dirty: () => DirtyFile;
  kept: () => Promise<unknown>;
  expected: unknown;
}

const cases: Case[] = [
  {
    importer: 'collection-centres',
    file: 'centres.csv',
    dirty: () => dirtyCentres(tag),
    kept: () =>
      sql(
        `select name, kind, name_is_official as official, address, lat, lon, description
           from collection_centre where name like ? order by name`,
        [`${tag} %`],
      ),
    expected: [
      {
        name: `${tag} Centro A`,
        kind: 'MUNICIPAL_COLLECTION_CENTRE',
        official: true,
        address: 'Via della Libertà 1',
        lat: 45.13,
        lon: 10.02,
        description: null,
      },
      {
        name: `${tag} Centro C`,
        kind: 'MUNICIPAL_COLLECTION_CENTRE',
        official: false,
        address: 'Via della Libertà 1',
        lat: 45.13,
        lon: 10.02,
        description: null,
      },
      {
        name: `${tag} Piattaforma B`,
        kind: 'SUPRA_MUNICIPAL_PLATFORM',
        official: true,
        address: 'Via della Libertà 1',
        lat: null,
        lon: null,
        description: 'two lines:\nsecond line; with a semicolon',
      },
    ],
  },
  {
    importer: 'energy-communities',
    file: 'communities.csv',
    dirty: () => dirtyCommunities(`${tag}-cer`),
    kept: () =>
      sql(
        `select code, name, status, technology, comune_istat_codes as comuni
           from energy_community where code like ? order by code`,
        [`${tag}-cer-%`],
      ),
    expected: [
      {
        code: `${tag}-cer-a`,
        name: 'Comunità energetica di prova A (synthetic)',
        status: 'CONSTITUTED',
        technology: 'SOLAR',
        comuni: ['019035', '019036'],
      },
      {
        code: `${tag}-cer-b`,
        name: 'Comunità di prova B',
        status: 'FEASIBILITY_STUDY',
        technology: null,
        comuni: ['019036'],
      },
    ],
  },
  {
    importer: 'energy-fundings',
    file: 'fundings.csv',
    dirty: () => dirtyFundings(`${tag}-cer`),
    kept: () =>
      sql(
        `select community_code as community, funder_code as funder, amount, announced_on::text as on,
                announced_precision as precision, recipient_comune_istat_code as comune
           from energy_funding where community_code like ? order by community_code, announced_on`,
        [`${tag}-cer-%`],
      ),
    expected: [
      {
        community: `${tag}-cer-a`,
        funder: 'fondazione-lgh',
        amount: '5000.50',
        on: '2024-01-01',
        precision: 'MONTH',
        comune: null,
      },
      {
        community: `${tag}-cer-b`,
        funder: 'regione-lombardia',
        amount: '1234.50',
        on: '2024-03-15',
        precision: 'DAY',
        comune: '019036',
      },
      {
        community: `${tag}-cer-b`,
        funder: 'fondazione-lgh',
        amount: '10.00',
        on: '2024-04-02',
        precision: 'DAY',
        comune: null,
      },
    ],
  },
  {
    importer: 'broadband-coverage',
    file: 'addresses.csv',
    dirty: () => dirtyAddresses(`${tag}-A`),
    kept: () =>
      sql(
        `select a.code, a.street_type, a.street_name, a.number, a.exponent, c.plan, c.status,
                (select count(*)::int from coverage_status_change h where h.address_pk = a.pk) as steps
           from civic_address a join address_coverage c on c.address_pk = a.pk
          where a.code like ? order by a.pk`,
        [`${tag}-A%`],
      ),
    expected: [
      {
        code: `${tag}-A1`,
        street_type: 'VIALE',
        street_name: 'della Libertà',
        number: 1,
        exponent: '',
        plan: 'WHITE_AREAS_BUL',
        status: 'ACTIVATABLE',
        steps: 3,
      },
      {
        code: `${tag}-A2`,
        street_type: 'VIALE',
        street_name: 'della Libertà',
        number: 2,
        exponent: 'A',
        plan: 'COMMERCIAL',
        status: 'ACTIVATABLE',
        steps: 0,
      },
      {
        code: `${tag}-A20`,
        street_type: 'PIAZZA',
        street_name: "Sant'Agata",
        number: 12,
        exponent: '',
        plan: 'WHITE_AREAS_BUL',
        status: 'ACTIVATABLE',
        steps: 3,
      },
    ],
  },
  ...(['pnrr-grants', 'pnrr-grants-snapshot'] as const).map((importer): Case => ({
    importer,
    file: importer === 'pnrr-grants' ? 'candidature_dirty.csv' : 'candidature_dirty_2022-11-17.csv',
    dirty: () => dirtyGrants(`zz_${tag}`, 'ZZDIRTY'),
    kept: () =>
      sql(
        `select g.cup, g.amount, g.status, b.name as body
             from ${importer === 'pnrr-grants' ? 'pnrr_grant' : 'pnrr_grant_snapshot'} g
             join pnrr_body b on b.ipa_code = g.body_ipa_code
            where g.body_ipa_code = ? order by g.cup`,
        [`zz_${tag}`],
      ),
    expected: [
      { cup: 'ZZDIRTY00000001', amount: '12345.60', status: 'FUNDED' },
      { cup: 'ZZDIRTY00000002', amount: '500.00', status: 'RENOUNCED' },
      { cup: 'ZZDIRTY00000021', amount: '71885.45', status: 'FUNDED' },
    ].map((g) => ({ ...g, body: 'Ente di prova – Città (synthetic)' })),
  })),
];

const located = (rows: { line: number; column?: string; code: string }[]) =>
  rows.map(({ line, column, code }) => ({ line, column: column ?? '', code }));

describe('dirty imports: exactly the planted faults reported, every good row kept, a re-run changes nothing', () => {
  for (const c of cases)
    it(c.importer, async () => {
      const dirty = c.dirty();
      const file = join(dir, c.file);
      await writeFile(file, dirty.text);
      const importer = importers[c.importer];
      const em = db.orm.em.fork();
      const before = await tableDigests(em);

      // A dry run checks and counts everything and writes nothing.
      const dry = await runImport(db.orm, c.importer, importer, file, { dryRun: true });
      expect(dry.error).toBeNull();
      expect(dry.outcome).toBe(ImportOutcome.REJECTED_ROWS);
      expect(located(readReport(dry.reportPath!))).toEqual(dirty.planted);
      expect(await tableDigests(em)).toEqual(before);

      const first = await runImport(db.orm, c.importer, importer, file);
      expect(first.error).toBeNull();
      expect(first.outcome).toBe(ImportOutcome.REJECTED_ROWS);
      const counts = (r: typeof first) => ({
        read: r.report!.read,
        inserted: r.report!.inserted,
        updated: r.report!.updated,
        unchanged: r.report!.unchanged,
        rejected: r.report!.rejected.length,
        skipped: r.report!.skipped ?? 0,
      });
      expect(counts(first)).toEqual({
        read: dirty.rows,
        inserted: dirty.good,
        updated: 0,
        unchanged: 0,
        rejected: dirty.planted.length,
        skipped: dirty.skipped,
      });
      expect(counts(dry)).toEqual(counts(first));
      // The report file: every planted fault and nothing else, each with a reason.
      const report = readReport(first.reportPath!);
      expect(located(report)).toEqual(dirty.planted);
      for (const r of report) expect(r.message.length).toBeGreaterThan(5);
      expect(await c.kept()).toEqual(c.expected);

      const [run] = await sql<Record<string, unknown>>('select * from import_run where id = ?', [
        first.run,
      ]);
      expect(run).toMatchObject({
        importer: c.importer,
        file_name: c.file,
        file_path: file,
        file_sha256: sha256(await readFile(file)),
        encoding: 'utf-8',
        dry_run: false,
        outcome: 'REJECTED_ROWS',
        rows_read: dirty.rows,
        inserted: dirty.good,
        updated: 0,
        unchanged: 0,
        rejected: dirty.planted.length,
        skipped: dirty.skipped,
        report_path: first.reportPath,
        message: null,
        pid: process.pid,
      });
      expect(run.ended_at).not.toBeNull();

      const after = await tableDigests(em);
      const again = await runImport(db.orm, c.importer, importer, file);
      expect(counts(again)).toEqual({
        ...counts(first),
        inserted: 0,
        unchanged: dirty.good,
      });
      expect(located(readReport(again.reportPath!))).toEqual(dirty.planted);
      expect(await tableDigests(em)).toEqual(after);
    });
});

describe('the encodings of the issue', () => {
  it('a PNRR body name is stored exactly and never overwritten with damaged text', async () => {
    const ipa = `zz_${tag}_citta`;
    const file = join(dir, 'candidature_citta.csv');
    const grant = dirtyGrants(ipa, 'ZZCITTA').text.split('\n').slice(0, 2).join('\n');
    const text = `${grant.replace('Ente di prova – Città (synthetic)', 'Comune di Città')}\n`;
    const name = async () =>
      (await sql<{ name: string }>('select name from pnrr_body where ipa_code = ?', [ipa]))[0]
        ?.name;
    const run = (encoding?: 'windows-1252') =>
      runImport(db.orm, 'pnrr-grants', importers['pnrr-grants'], file, { encoding });

    await writeFile(file, text);
    expect((await run()).outcome).toBe(ImportOutcome.SUCCEEDED);
    expect(await name()).toBe('Comune di Città');

    // The same rows saved as Windows-1252: refused whole, nothing overwritten.
    const cp1252 = iconv.encode(text, 'windows-1252');
    await writeFile(file, cp1252);
    const refused = await run();
    expect(refused.outcome).toBe(ImportOutcome.FAILED);
    expect(refused.error!.message).toContain(
      `line 2, byte offset ${cp1252.indexOf(0xe0)}: not valid UTF-8`,
    );
    expect(await name()).toBe('Comune di Città');
    // Named, it converts exactly: the same rows, nothing changes.
    const converted = await run('windows-1252');
    expect(converted.report).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    expect(await name()).toBe('Comune di Città');

    // Text damaged before it reached the hub ("Comune di Citt�") is rejected, not stored.
    await writeFile(file, text.replace('Città', 'Citt\ufffd'));
    const damaged = await run();
    expect(damaged.outcome).toBe(ImportOutcome.REJECTED_ROWS);
    expect(damaged.report!.rejected).toEqual([
      expect.objectContaining({ line: 2, column: 'ente', code: 'ENCODING' }),
    ]);
    expect(await name()).toBe('Comune di Città');
  });
});

describe('what every importer gets from the framework', () => {
  it('keeps the delimiter of the header: a ";" file reads, a "," inside a cell never splits it', async () => {
    const file = join(dir, 'semicolons.csv');
    await writeFile(
      file,
      `code;name;status;comuni;dataset\n${tag}-semi;Prova, con virgola;CONSTITUTED;019036;consorzio-it-energy-community-register\n`,
    );
    const r = await runImport(db.orm, 'energy-communities', importers['energy-communities'], file);
    expect(r.outcome).toBe(ImportOutcome.SUCCEEDED);
    const [row] = await sql<{ name: string }>('select name from energy_community where code = ?', [
      `${tag}-semi`,
    ]);
    expect(row.name).toBe('Prova, con virgola');
  });

  it('refuses a header naming a column twice, and an empty file, writing nothing', async () => {
    const twice = join(dir, 'twice.csv');
    await writeFile(twice, `code,name,status,comuni,dataset,name\n`);
    const r = await runImport(db.orm, 'energy-communities', importers['energy-communities'], twice);
    expect(r.outcome).toBe(ImportOutcome.FAILED);
    expect(r.error!.message).toMatch(/line 1: column "name" appears twice/);
    const empty = join(dir, 'empty.csv');
    await writeFile(empty, '');
    const e = await runImport(db.orm, 'energy-communities', importers['energy-communities'], empty);
    expect(e.error!.message).toMatch(/empty/);
  });

  it('an importer that does not read its file through importCsv is refused', async () => {
    const file = join(dir, 'bypass.csv');
    await writeFile(file, 'a\n1\n');
    const bypass: Importer = {
      description: 'reads nothing',
      run: async () => ({ file, inserted: 0, updated: 0, unchanged: 0, rejected: [] }),
    };
    const r = await runImport(db.orm, 'bypass', bypass, file);
    expect(r.outcome).toBe(ImportOutcome.FAILED);
    expect(r.error!.message).toMatch(/did not read its file through importCsv/);
  });

  it('a database error rolls back the whole run, and the outcome says FAILED with the reason', async () => {
    const file = join(dir, 'failing.csv');
    await writeFile(
      file,
      `code,name,status,comuni,dataset\n${tag}-fail,Prova,CONSTITUTED,019036,consorzio-it-energy-community-register\n`,
    );
    const failing: Importer = {
      description: 'writes, then fails',
      run: async (em, f, progress) => {
        const report = await importers['energy-communities'].run(em, f, progress);
        await em.execute('select 1/0');
        return report;
      },
    };
    const r = await runImport(db.orm, 'failing', failing, file);
    expect(r.outcome).toBe(ImportOutcome.FAILED);
    expect(r.error!.message).toMatch(/division by zero/);
    expect(await sql('select 1 from energy_community where code = ?', [`${tag}-fail`])).toEqual([]);
    const [run] = await sql<{ outcome: string; message: string; inserted: number | null }>(
      'select outcome, message, inserted from import_run where id = ?',
      [r.run],
    );
    expect(run).toEqual({
      outcome: 'FAILED',
      message: expect.stringMatching(/division by zero/),
      inserted: null,
    });
  });
});
