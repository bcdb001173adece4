import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importCollectionCentres } from '../../src/domains/infrastructure/ingest/collection-centre.import.js';
import { refreshCentreFlags } from '../../src/domains/infrastructure/hooks/quality.js';
import {
  CollectionCentresDocument,
  InfrastructureLayerDocument,
  InfrastructureQualityFlagsDocument,
} from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';
import { centres, provinceSplit, seedCsv } from './seed-files.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
let dir: string;
const dataset = `test-infrastructure-import-${process.pid}`;
const names = new Map(seedCsv('hub/comuni_cr_summary.csv').map((r) => [r.com_istat_code, r.name]));
// Comuni outside the 52 Consorzio.IT members, so other test files never see these rows.
const [a, b] = provinceSplit().others;

const header =
  'istat_code,comune_name,kind,name,name_is_official,owner_code,operator_code,address,lat,lon,description,dataset,source_note';
const good = [
  `${a},${names.get(a)},MUNICIPAL_COLLECTION_CENTRE,Centro di raccolta Via Test,true,consorzio-it,linea-gestioni,Via Test 1,45.1,10.2,imported,${dataset},register line 2`,
  `${b},,piattaforma sovracomunale,Piattaforma Test,,,,,,,,${dataset},`,
];
const bad = [
  `999999,,MUNICIPAL_COLLECTION_CENTRE,X,,,,,,,,${dataset},`,
  `${a},,discarica,X,,,,,,,,${dataset},`,
  `${a},,MUNICIPAL_COLLECTION_CENTRE,Y,,,,,45.1,,,${dataset},`,
  `${a},Crema,MUNICIPAL_COLLECTION_CENTRE,Z,,,,,,,,${dataset},`,
  `${a},,MUNICIPAL_COLLECTION_CENTRE,W,,nobody,,,,,,${dataset},`,
  `${a},,MUNICIPAL_COLLECTION_CENTRE,CENTRO DI RACCOLTA via test,,,,,,,,${dataset},`,
  `${a},,MUNICIPAL_COLLECTION_CENTRE,V,,,,,10.2,45.1,,${dataset},`,
];
const expectedRejects = [
  { line: 4, column: 'istat_code' },
  { line: 5, column: 'kind' },
  { line: 6, column: 'lon' },
  { line: 7, column: 'comune_name' },
  { line: 8, column: 'owner_code' },
  { line: 9, column: 'name' },
  { line: 10, column: 'lat' },
];

async function write(name: string, lines: string[]) {
  const file = join(dir, name);
  await writeFile(file, [header, ...lines].join('\n') + '\n');
  return file;
}

beforeAll(async () => {
  hub = await createTestHub();
  dir = await mkdtemp(join(tmpdir(), 'hub-infra-import-'));
  await hub.orm.em
    .fork()
    .execute(
      `insert into dataset (id, title, publisher, synthetic) values (?, 'Test register (synthetic)', 'tests', true)`,
      [dataset],
    );
});
afterAll(async () => {
  const em = hub.orm.em.fork();
  await em.transactional(async (tx) => {
    await tx.execute('delete from collection_centre where dataset_id = ?', [dataset]);
    await refreshCentreFlags(tx);
    await tx.execute('delete from dataset where id = ?', [dataset]);
  });
  await rm(dir, { recursive: true, force: true });
  await hub.close();
});

describe('collection-centres importer', () => {
  it('inserts good rows, rejects bad ones with line and column, then changes nothing on a re-run', async () => {
    const file = await write('centres.csv', [...good, ...bad]);
    const first = await importCollectionCentres(hub.orm.em.fork(), file);
    expect([first.inserted, first.updated, first.unchanged]).toEqual([2, 0, 0]);
    expect(first.rejected.map(({ line, column }) => ({ line, column }))).toEqual(expectedRejects);
    expect(first.rejected.find((r) => r.line === 9)!.reason).toMatch(/line 2/);

    const again = await importCollectionCentres(hub.orm.em.fork(), file);
    expect([again.inserted, again.updated, again.unchanged]).toEqual([0, 0, 2]);
    expect(again.rejected).toHaveLength(bad.length);

    const { data } = await hub.run(CollectionCentresDocument, { filter: { territory: a } });
    expect(data!.collectionCentres.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        name: 'Centro di raccolta Via Test',
        kind: 'MUNICIPAL_COLLECTION_CENTRE',
        owner: expect.objectContaining({ code: 'consorzio-it' }),
        operator: expect.objectContaining({ code: 'linea-gestioni' }),
        location: { lat: 45.1, lon: 10.2 },
        source: { dataset: 'Test register (synthetic)', note: 'register line 2' },
      }),
    ]);
  });

  it('updates exactly the changed row, by comune + kind + name regardless of case', async () => {
    const moved = good[0]
      .replace('Centro di raccolta Via Test', 'centro di raccolta via test')
      .replace('Via Test 1', 'Via Test 2');
    const file = await write('moved.csv', [moved, good[1]]);
    const r = await importCollectionCentres(hub.orm.em.fork(), file);
    expect([r.inserted, r.updated, r.unchanged, r.rejected.length]).toEqual([0, 1, 1, 0]);
  });

  it('recomputes the location flag from the stored centres', async () => {
    const { data } = await hub.run(InfrastructureQualityFlagsDocument);
    const msg = (kind: string) =>
      data!.dataQualityIssues.find((f) => f.entity === `CollectionCentre:kind=${kind}`)!.message;
    const seeded = (kind: string) => centres.filter((c) => c.kind === kind).length;
    // The imported platform has no location, the imported municipal centre has one.
    const p = seeded('SUPRA_MUNICIPAL_PLATFORM') + 1;
    const m = seeded('MUNICIPAL_COLLECTION_CENTRE');
    expect(msg('SUPRA_MUNICIPAL_PLATFORM')).toMatch(new RegExp(`^${p} of ${p} `));
    expect(msg('MUNICIPAL_COLLECTION_CENTRE')).toMatch(new RegExp(`^${m} of ${m + 1} `));
  });

  it('maps the imported centre with a location as a GeoJSON point (lon, lat)', async () => {
    const { data } = await hub.run(InfrastructureLayerDocument, { territory: a });
    const fc = data!.featureCollection as {
      features: { geometry: { type: string; coordinates: number[] }; properties: object }[];
    };
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0].geometry).toEqual({ type: 'Point', coordinates: [10.2, 45.1] });
    expect(fc.features[0].properties).toMatchObject({
      istatCode: a,
      kind: 'MUNICIPAL_COLLECTION_CENTRE',
      owner: 'consorzio-it',
      address: 'Via Test 2',
    });
  });

  it('refuses a file without the required columns and writes nothing', async () => {
    const file = join(dir, 'no-kind.csv');
    await writeFile(file, `istat_code,name,dataset\n${b},Nothing,${dataset}\n`);
    await expect(importCollectionCentres(hub.orm.em.fork(), file)).rejects.toThrow(
      /line 1: missing column\(s\) kind/,
    );
    const { data } = await hub.run(CollectionCentresDocument, { filter: { territory: b } });
    expect(data!.collectionCentres.totalCount).toBe(1);
  });

  it('runs from the command line with a summary and exit code 3 when rows are rejected', async () => {
    const file = await write('cli.csv', [good[1], bad[0]]);
    const run = promisify(execFile);
    const err = await run(
      'node',
      ['--import', 'tsx', 'src/tools/import.ts', 'collection-centres', file],
      {
        env: { ...process.env, DATABASE_URL: inject('databaseUrl'), LOG_LEVEL: 'silent' },
      },
    ).catch((e: { code: number; stdout: string }) => e);
    expect('code' in err && err.code).toBe(3);
    expect(err.stdout).toMatch(/0 inserted, 0 updated, 1 unchanged, 1 rejected/);
    expect(err.stdout).toMatch(/line 3, column istat_code: "999999"/);
  });
});
