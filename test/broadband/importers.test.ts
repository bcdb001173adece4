import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broadbandImporter, COLUMNS } from '../../src/domains/broadband/ingest/coverage.import.js';
import { gapsImporter } from '../../src/domains/broadband/ingest/gaps.import.js';
import { planStatusImporter } from '../../src/domains/broadband/ingest/plan-status.import.js';
import {
  BroadbandClaimsDocument,
  BroadbandComuneRealDocument,
  BroadbandMappingsDocument,
  BroadbandObservationsDocument,
  BroadbandSearchDocument,
  CivicCoverageDocument,
} from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';
import { createScratchDatabase } from '../support/scratch-db.js';
import { comuni, listedByComune } from './raw.js';

/*
 * The importers write what the other tests must not see (a newer mapping, changed plan
 * states): a database of this file's own, with the real data of the hub and broadband.
 */
type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
let db: Awaited<ReturnType<typeof createScratchDatabase>>;
let dir: string;
beforeAll(async () => {
  db = await createScratchDatabase('importers', { domains: ['hub', 'broadband'] });
  hub = await createTestHub({}, db.url);
  dir = await mkdtemp(join(tmpdir(), 'bb-importers-'));
}, 300_000);
afterAll(async () => {
  await hub?.close();
  await db?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const write = async (name: string, lines: string[]) => {
  const file = join(dir, name);
  await writeFile(file, lines.join('\n') + '\n');
  return file;
};
const sql = <T>(text: string, params: unknown[] = []) =>
  hub.orm.em.fork().getConnection().execute<T[]>(text, params);

const NATIONAL = 'regione,provincia,comune,strada,civico,barrato,caratteristica';
const mapping2026 = [
  NATIONAL,
  'LOMBARDIA,CREMONA,CREMA,VIA PIERO ERBA,12,,B',
  'LOMBARDIA,CREMONA,CREMA,VIA NUOVA DEL TEST,3,A,C',
  'LOMBARDIA,MILANO,MILANO,VIA ROMA,1,,A',
  'PIEMONTE,TORINO,TORINO,CORSO FRANCIA,10,,C',
  'LOMBARDIA,CREMONA,CREMA,VIA PIERO ERBA,14,,D',
  'LOMBARDIA,CREMONA,CREMA,VIA PIERO ERBA,dodici,,A',
  'LOMBARDIA,CREMONA,ATLANTIDE,VIA ROMA,1,,A',
  'LOMBARDIA,CREMONA,CREMA,XYZ ROMA,1,,A',
  "LOMBARDIA,CREMONA,CREMA,LOCALITA'\uFFFD CASE,1,,A",
];

describe('broadband-gaps: a newer mapping in Infratel\u2019s national layout', () => {
  it('imports the province\u2019s rows, skips and counts the others, rejects bad rows by line and column', async () => {
    const file = await write('mappatura2026_nazionale.csv', mapping2026);
    const r = await gapsImporter.run(hub.orm.em.fork(), file);
    expect(r).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, skipped: 2 });
    expect(r.rejected.map((x) => [x.line, x.column])).toEqual([
      [6, 'caratteristica'],
      [7, 'civico'],
      [8, 'comune'],
      [9, 'strada'],
      [10, 'strada'],
    ]);
    expect(r.rejected[4].reason).toMatch(/U\+FFFD/);
  });

  it('makes the newer mapping current, keeping the older readable with its date', async () => {
    const { data } = await hub.run(BroadbandMappingsDocument, {});
    expect(data!.broadbandMappings.map((m) => [m.code, m.current])).toEqual([
      ['infratel-2026', true],
      ['infratel-2025', false],
    ]);
    // A year the hub does not describe: publication date and horizon unknown, not guessed.
    expect(data!.broadbandMappings[0]).toMatchObject({ published: null, horizonYear: null });
    const crema = await hub.run(BroadbandComuneRealDocument, { istatCode: '019035' });
    const b = crema.data!.comune!.broadband;
    expect(b.gaps).toMatchObject({
      current: true,
      listedCount: 2,
      mapping: { code: 'infratel-2026' },
    });
    expect(b.gapsByMapping.map((g) => [g.mapping.code, g.current, g.listedCount])).toEqual([
      ['infratel-2026', true, 2],
      ['infratel-2025', false, listedByComune().get('019035')!.total],
    ]);
    const check = await hub.run(CivicCoverageDocument, { address: 'via Piero Erba 12, Crema' });
    expect(check.data!.civicCoverage).toMatchObject({
      result: 'LISTED',
      categories: ['B'],
      mapping: { code: 'infratel-2026' },
    });
    const gone = await hub.run(CivicCoverageDocument, { address: 'via Piero Erba 14, Crema' });
    expect(gone.data!.civicCoverage).toMatchObject({
      result: 'NOT_LISTED_STREET_IN_LIST',
      mapping: { code: 'infratel-2026' },
    });
    const [{ pk }] = await sql<{ pk: number }>(
      `select pk from civic_address where code = '019035:via piero erba:14'`,
    );
    const id = Buffer.from(`CivicAddress:${pk}`).toString('base64url');
    const obs = await hub.run(BroadbandObservationsDocument, { id });
    expect(obs.data!.node).toMatchObject({
      observation: null,
      observations: [
        {
          category: 'A',
          current: false,
          mapping: { code: 'infratel-2025', published: { label: '2025-08' } },
        },
      ],
    });
  });

  it('changes nothing on a re-run, and removes what a corrected file no longer lists', async () => {
    const file = await write('mappatura2026_nazionale.csv', mapping2026);
    expect(await gapsImporter.run(hub.orm.em.fork(), file)).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 2,
      removed: 0,
    });
    const fewer = await write('mappatura2026_corretto.csv', mapping2026.slice(0, 2));
    expect(await gapsImporter.run(hub.orm.em.fork(), fewer)).toMatchObject({
      inserted: 0,
      unchanged: 1,
      removed: 1,
    });
    const left = await sql(
      `select 1 from civic_address where code = '019035:via nuova del test:3/A'`,
    );
    expect(left).toEqual([]);
  });

  it('refuses a file whose mapping or columns it cannot tell, writing nothing', async () => {
    const before = await sql<{ n: number }>('select count(*)::int as n from coverage_observation');
    await expect(
      gapsImporter.run(hub.orm.em.fork(), await write('civici.csv', mapping2026)),
    ).rejects.toThrow(/cannot tell which mapping/);
    await expect(
      gapsImporter.run(
        hub.orm.em.fork(),
        await write('mappatura2027.csv', [
          'provincia,comune,strada,civico',
          'CREMONA,CREMA,VIA ROMA,1',
        ]),
      ),
    ).rejects.toThrow(/missing column\(s\) caratteristica/);
    expect(await sql<{ n: number }>('select count(*)::int as n from coverage_observation')).toEqual(
      before,
    );
  });
});

describe('broadband-plan-status: the BUL file, national layout', () => {
  const header =
    'Regione;Provincia;Citta;Stato Fibra;Stato FWA;PCN_route;Nome sede PCN;Fibra;FWA;Piano fibra (anno);Piano FWA (anno)';
  const lines = [
    header,
    'Lombardia;Cremona;Crema;in esecuzione;terminato;POP_CR_01_CREMA;Crema;1;1;2024;2020',
    'Lombardia;Cremona;Drizzona;terminato;in progettazione definitiva;POP_CR_02_DRIZZONA;Drizzona;1;1;2021;2022',
    'Lombardia;Milano;Monza;in programmazione;in programmazione;;;0;0;;',
    'Lombardia;Cremona;Offanengo;boh;terminato;;;1;1;2021;2020',
    'Lombardia;Cremona;Pandino;terminato;terminato;;;2;1;2021;2020',
    'Lombardia;Cremona;Atlantide;terminato;terminato;;;1;1;2021;2020',
  ];

  it('imports the province\u2019s rows with the file\u2019s date, matching former comuni to current ones', async () => {
    const file = await write('stato_lavori_2025-01-15.csv', lines);
    const r = await planStatusImporter.run(hub.orm.em.fork(), file);
    expect(r).toMatchObject({ inserted: 0, updated: 2, unchanged: 0, skipped: 1 });
    expect(r.rejected.map((x) => [x.line, x.column])).toEqual([
      [5, 'Stato Fibra'],
      [6, 'Fibra'],
      [7, 'Citta'],
    ]);
    const crema = await hub.run(BroadbandComuneRealDocument, { istatCode: '019035' });
    expect(crema.data!.comune!.broadband.plan).toEqual([
      expect.objectContaining({
        place: 'Crema',
        fibre: {
          inPlan: true,
          state: 'IN_WORKS',
          stateAsPublished: 'in esecuzione',
          planYear: 2024,
        },
        asOf: '2025-01-15',
        knownBy: '2025-01-15',
      }),
    ]);
    const piadena = await hub.run(BroadbandComuneRealDocument, { istatCode: '019116' });
    // The file is the state of the comuni it lists: Piadena Drizzona now has one place.
    expect(piadena.data!.comune!.broadband.plan!.map((p) => [p.place, p.asOf])).toEqual([
      ['Drizzona', '2025-01-15'],
    ]);
  });

  it('reconciles the claim again: 44 comuni with fibre in the plan, with the new date', async () => {
    const { data } = await hub.run(BroadbandClaimsDocument, { verifiable: true });
    const check = data!.broadbandClaims[0].check!;
    expect(check).toMatchObject({ computed: 44, difference: 4, dataAsOf: null });
    expect(check.dataDateNote).toMatch(/rows of different dates/);
    expect(check.dataDateNote).toMatch(/1 dated 2025-01-15/);
    expect(check.dataDateNote).toMatch(/51 not dated/);
    expect(check.comuni).toContain('019035');
    const [flag] = await sql<{ message: string }>(
      `select message from data_quality_issue where code = 'BROADBAND_CLAIM_DIFFERS'`,
    );
    expect(flag.message).toBe(check.note);
  });

  it('changes nothing on a re-run', async () => {
    const file = await write('stato_lavori_2025-01-15.csv', lines);
    expect(await planStatusImporter.run(hub.orm.em.fork(), file)).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 2,
    });
  });
});

describe('the importers from the command line', () => {
  const run = promisify(execFile);
  it('print their summary with the skipped rows and exit 3 when rows are rejected', async () => {
    const file = await write('mappatura2026_cli.csv', [...mapping2026.slice(0, 5), mapping2026[5]]);
    await expect(
      run('npm', ['run', '--silent', 'import', '--', 'broadband-gaps', file], {
        env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn' },
      }),
    ).rejects.toMatchObject({
      code: 3,
      stdout: expect.stringMatching(
        /1 inserted, 0 updated, 1 unchanged, 1 rejected, 2 skipped\n {2}line 6, column caratteristica/,
      ),
    });
  }, 120_000);
});

describe('broadband-coverage: per-address records (an operator\u2019s extract)', () => {
  const cremona = comuni().find((r) => r.com_istat_code === '019036')!;
  const row = (id: string, over: Partial<Record<string, string>> = {}) =>
    COLUMNS.map(
      (c) =>
        ({
          address_id: `TEST-BB-${id}`,
          istat_code: '019036',
          street_type: 'via',
          street_name: 'Prova Importazione',
          number: id,
          exponent: '',
          postal_code: cremona.cap,
          lat: cremona.centroid_lat_geom,
          lon: cremona.centroid_lon_geom,
          units: '3',
          technology: 'FTTH',
          max_download_mbps: '1000',
          max_upload_mbps: '100',
          plan: 'WHITE_AREAS_BUL',
          operator: 'open-fiber',
          status: 'ACTIVATABLE',
          status_on: '2022-05-10',
          status_history: 'PLANNED:2019-01-15|DESIGNED:2020-03-01',
          ...over,
        })[c] ?? '',
    ).join(',');
  const good = [
    row('1'),
    row('2', {
      exponent: '/a',
      plan: 'COMMERCIAL',
      operator: '',
      status_history: '',
      status_on: '',
    }),
    row('3'),
  ];
  const file = [
    COLUMNS.join(','),
    good[0],
    good[1],
    row('4', { istat_code: '999999' }),
    row('5', { technology: 'DSL' }),
    row('1', { units: '9' }),
    row('6', { postal_code: '00100' }),
    row('7', { status_history: 'PLANNED 2019' }),
    good[2],
  ];

  it('keeps good rows, rejects bad ones with line and column, and is idempotent', async () => {
    const first = await broadbandImporter.run(hub.orm.em.fork(), await write('a.csv', file));
    expect(first).toMatchObject({ inserted: 3, updated: 0, unchanged: 0 });
    expect(first.rejected.map((r) => [r.line, r.column])).toEqual([
      [4, 'istat_code'],
      [5, 'technology'],
      [6, 'address_id'],
      [7, 'postal_code'],
      [8, 'status_history'],
    ]);
    expect(first.rejected[2].reason).toMatch(/line 2/);
    const again = await broadbandImporter.run(hub.orm.em.fork(), await write('a.csv', file));
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    const changed = await broadbandImporter.run(
      hub.orm.em.fork(),
      await write('a.csv', [...file.slice(0, 8), row('3', { max_download_mbps: '2500' })]),
    );
    expect(changed).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
  });

  it('makes imported addresses searchable with their coverage, history and provenance', async () => {
    const { data } = await hub.run(BroadbandSearchDocument, {
      text: 'via prova importazione 2a cremona',
      first: 3,
    });
    const hit = data!.addressSearch[0].address;
    expect(hit).toMatchObject({
      code: 'TEST-BB-2',
      exponent: 'A',
      comune: { istatCode: '019036' },
    });
    expect(hit.source).toMatchObject({ synthetic: false, note: 'a.csv line 3' });
    const rows = await sql<{ status: string; on: string }>(
      `select h.status, h.changed_on::text as on from coverage_status_change h
         join civic_address a on a.pk = h.address_pk where a.code = 'TEST-BB-1' order by h.changed_on`,
    );
    expect(rows.map((r) => `${r.status}:${r.on}`)).toEqual([
      'PLANNED:2019-01-15',
      'DESIGNED:2020-03-01',
      'ACTIVATABLE:2022-05-10',
    ]);
    // Real per-address records are figures of their own: not synthetic.
    const cremonaFigures = await hub.run(BroadbandComuneRealDocument, { istatCode: '019036' });
    expect(cremonaFigures.data!.comune!.broadband).toMatchObject({
      addressCount: 3,
      synthetic: false,
    });
  });

  it('refuses a file without a required column and writes nothing', async () => {
    const header = COLUMNS.filter((c) => c !== 'plan').join(',');
    await expect(
      broadbandImporter.run(hub.orm.em.fork(), await write('b.csv', [header, row('9')])),
    ).rejects.toThrow(/missing column\(s\) plan/);
    expect(await sql(`select 1 from civic_address where code = 'TEST-BB-9'`)).toEqual([]);
  });
});
