import { parse } from 'csv-parse/sync';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broadbandImporter, COLUMNS } from '../../src/domains/broadband/broadband.import.js';
import { BroadbandSearchDocument } from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
let dir: string;
const PREFIX = `TEST-BB-${process.pid}-`;
const comuni: Record<string, string>[] = parse(
  readFileSync('seeds/data/hub/comuni_cr_summary.csv'),
  { columns: true },
);
// Cremona is outside the Consorzio.IT comuni the other broadband tests look at.
const cremona = comuni.find((r) => r.com_istat_code === '019036')!;
const [lat, lon] = [cremona.centroid_lat_geom, cremona.centroid_lon_geom];
const STREET = `Prova Importazione ${process.pid}`;

const row = (id: string, over: Partial<Record<string, string>> = {}) =>
  COLUMNS.map(
    (c) =>
      ({
        address_id: PREFIX + id,
        istat_code: '019036',
        street_type: 'via',
        street_name: STREET,
        number: id,
        exponent: '',
        postal_code: cremona.cap,
        lat,
        lon,
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

async function importRows(name: string, lines: string[], header = COLUMNS.join(',')) {
  const file = join(dir, name);
  await writeFile(file, [header, ...lines].join('\n') + '\n');
  return broadbandImporter.run(hub.orm.em.fork(), file);
}

beforeAll(async () => {
  hub = await createTestHub();
  dir = await mkdtemp(join(tmpdir(), 'bb-import-'));
});
afterAll(async () => {
  const conn = hub.orm.em.getConnection();
  await conn.execute('delete from civic_address where code like ?', [`${PREFIX}%`]);
  await conn.execute('delete from street where comune_istat_code = ? and street_name = ?', [
    '019036',
    STREET,
  ]);
  await conn.execute('refresh materialized view broadband_cell');
  await rm(dir, { recursive: true, force: true });
  await hub.close();
});

describe('broadband-coverage importer', () => {
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
    const first = await importRows('a.csv', file);
    expect(first).toMatchObject({ inserted: 3, updated: 0, unchanged: 0 });
    expect(first.rejected.map((r) => [r.line, r.column])).toEqual([
      [4, 'istat_code'],
      [5, 'technology'],
      [6, 'address_id'],
      [7, 'postal_code'],
      [8, 'status_history'],
    ]);
    expect(first.rejected[2].reason).toMatch(/line 2/);
    const again = await importRows('a.csv', file);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    const changed = await importRows('a.csv', [
      ...file.slice(0, 7),
      row('3', { max_download_mbps: '2500' }),
    ]);
    expect(changed).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
  });

  it('makes imported addresses searchable with their coverage, history and provenance', async () => {
    const { data } = await hub.run(BroadbandSearchDocument, {
      text: `via ${STREET} 2a cremona`,
      first: 3,
    });
    const hit = data!.addressSearch[0].address;
    expect(hit).toMatchObject({
      code: `${PREFIX}2`,
      exponent: 'A',
      comune: { istatCode: '019036' },
    });
    expect(hit.source).toMatchObject({ synthetic: false, note: 'a.csv line 3' });
    const rows = await hub.orm.em.getConnection().execute<{ status: string; on: string }[]>(
      `select h.status, h.changed_on::text as on from coverage_status_change h
         join civic_address a on a.pk = h.address_pk where a.code = ? order by h.changed_on`,
      [`${PREFIX}1`],
    );
    expect(rows.map((r) => `${r.status}:${r.on}`)).toEqual([
      'PLANNED:2019-01-15',
      'DESIGNED:2020-03-01',
      'ACTIVATABLE:2022-05-10',
    ]);
  });

  it('refuses a file without a required column and writes nothing', async () => {
    const header = COLUMNS.filter((c) => c !== 'plan').join(',');
    await expect(importRows('b.csv', [row('9')], header)).rejects.toThrow(
      /missing column\(s\) plan/,
    );
    const [{ n }] = await hub.orm.em
      .getConnection()
      .execute('select count(*)::int as n from civic_address where code = ?', [`${PREFIX}9`]);
    expect(n).toBe(0);
  });
});
