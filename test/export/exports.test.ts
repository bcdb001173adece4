import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/access/keys.js';
import { startTestHttp } from '../support/hub.js';

type Http = Awaited<ReturnType<typeof startTestHttp>>;
let http: Http;
const keys: Record<string, string> = {};

beforeAll(async () => {
  http = await startTestHttp();
  for (const role of ['ANALYST', 'ADMIN', 'PARTNER'])
    keys[role] = (
      await createApiKey(http.orm.em.fork(), { role, label: `export test ${role} ${Date.now()}` })
    ).secret;
});
afterAll(() => http.close());

const get = (path: string, role?: string) =>
  fetch(`${http.base}${path}`, { headers: role ? { authorization: `Bearer ${keys[role]}` } : {} });

const summary: Record<string, string>[] = parse(
  readFileSync('seeds/data/hub/comuni_cr_summary.csv'),
  {
    columns: true,
  },
);

describe('access to exports', () => {
  it('serves an open export (the wide table of real data) to anyone, with or without a key', async () => {
    // Exports holding data without an open licence need an ANALYST or ADMIN key: tested on
    // the synthetic sample's database (test/broadband/synthetic.test.ts).
    // Import tests of other files put rows of their own unlicensed test datasets in the shared
    // database for a moment, which closes the export while they are there: compare three
    // answers of one data version, asking again (for at most 20 s) while that is not the case.
    let answers: Response[] = [];
    for (let attempt = 0; attempt < 40; attempt++) {
      answers = await Promise.all(
        [undefined, 'PARTNER', 'ADMIN'].map((r) => get('/export/comuni.csv', r)),
      );
      const versions = new Set(answers.map((a) => a.headers.get('x-data-version')));
      if (answers.every((a) => a.status === 200) && versions.size === 1) break;
      await Promise.all(answers.map((a) => a.arrayBuffer()));
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const [text, partner, admin] = await Promise.all(answers.map((a) => a.text()));
    expect(partner).toBe(text);
    expect(admin).toBe(text);
  });

  it('answers 404 for an unknown export and 400 naming a bad territory', async () => {
    const missing = await get('/export/nothing.csv', 'ANALYST');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      errors: [
        {
          message: 'No export "nothing.csv"; see GET /export for the list.',
          extensions: { code: 'NOT_FOUND' },
        },
      ],
    });
    const bad = await get('/export/comuni.csv?territory=atlantis', 'ANALYST');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as {
      errors: { message: string; extensions: Record<string, unknown> }[];
    };
    expect(body.errors[0].message).toMatch(/territory/);
    // The code decides the status; the extensions are those of the same error in GraphQL.
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'territory' });
  });
});

describe('the wide table of the comuni', () => {
  it('streams RFC 4180 CSV with the documented columns, one row per comune', async () => {
    const res = await get('/export/comuni.csv', 'ANALYST');
    expect(res.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
    const meta = (await (await get('/export/comuni.json', 'ANALYST')).json()) as {
      columns: { name: string }[];
      rowCount: number;
    };
    const rows: Record<string, string>[] = parse(await res.text(), { columns: true });
    expect(Object.keys(rows[0])).toEqual(meta.columns.map((c) => c.name));
    expect(rows).toHaveLength(summary.length);
    expect(meta.rowCount).toBe(summary.length);
    const crema = rows.find((r) => r.istat_code === '019035')!;
    const src = summary.find((r) => r.com_istat_code === '019035')!;
    expect(crema).toMatchObject({
      name: src.name,
      population_resident_2021: src.pop_res_2021,
      consorzio_it: 'true',
      area_omogenea_cremasca: 'true',
    });
    expect(rows.find((r) => r.istat_code === '019036')!.name).toBe('Cremona');
    const spino = rows.find((r) => r.istat_code === '019102')!;
    expect(spino.name).toBe("Spino d'Adda");
  });

  it('restricts to a territory', async () => {
    const text = await (await get('/export/comuni.csv?territory=consorzio-it', 'ANALYST')).text();
    expect(parse(text, { columns: true })).toHaveLength(52);
    const one = await (await get('/export/comuni.csv?territory=019035', 'ANALYST')).text();
    expect(parse(one, { columns: true })).toHaveLength(1);
  });

  it('has metadata with licences, sources and a data version that changes with the data', async () => {
    const meta = async () =>
      (await (await get('/export/comuni.json?territory=019035', 'ANALYST')).json()) as {
        dataVersion: string;
        licences: string[];
        sources: { id: string }[];
        generatedAt: string;
        title: string;
      };
    const a = await meta();
    expect(a.title).toBeTruthy();
    expect(a.licences.join('|')).toMatch(/CC.BY/);
    expect(a.sources.map((s) => s.id)).toContain('istat-elenco-comuni');
    expect(Date.parse(a.generatedAt)).not.toBeNaN();
    expect((await meta()).dataVersion).toBe(a.dataVersion);
    await http.orm.em
      .fork()
      .getConnection()
      .execute(`update comune set name = name where istat_code = '019035'`);
    expect((await meta()).dataVersion).not.toBe(a.dataVersion);
  });

  it('exports the comuni as GeoJSON features (lon, lat) carrying the whole wide table', async () => {
    const res = await get('/export/comuni.geojson?territory=area-omogenea-cremasca', 'ANALYST');
    expect(res.headers.get('content-type')).toMatch(/geo\+json/);
    const fc = (await res.json()) as {
      type: string;
      features: {
        id: string;
        geometry: { type: string };
        properties: Record<string, string | number | boolean | null>;
      }[];
    };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(48);
    expect(['Polygon', 'MultiPolygon']).toContain(fc.features[0].geometry.type);
    // Every column of the CSV, same names, same values (JSON null where the cell is empty).
    const csv: Record<string, string>[] = parse(
      await (await get('/export/comuni.csv?territory=area-omogenea-cremasca', 'ANALYST')).text(),
      { columns: true },
    );
    for (const f of fc.features) {
      const row = csv.find((r) => r.istat_code === f.id)!;
      expect(Object.keys(f.properties)).toEqual(Object.keys(row));
      for (const [column, cell] of Object.entries(row)) {
        const value = f.properties[column];
        // Empty: null, or an empty text where the SQL gives one (the CSV cannot tell them apart).
        if (cell === '') expect([null, ''], column).toContain(value);
        else if (typeof value === 'number') expect(value, column).toBeCloseTo(Number(cell), 6);
        else expect(String(value), column).toBe(cell);
      }
    }
  });
});
