import { parse } from 'csv-parse/sync';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/access/keys.js';
import { LICENCES } from '../../src/core/rules/licences.js';
import { startTestHttp } from '../support/hub.js';

type Http = Awaited<ReturnType<typeof startTestHttp>>;
let http: Http;
let analyst: string;

/** The dataset records as committed (seeds/data/<domain>/datasets.json). */
const seeded = new Map<string, { licence: string | null }>(
  readdirSync('seeds/data').flatMap((domain) =>
    (
      JSON.parse(readFileSync(join('seeds/data', domain, 'datasets.json'), 'utf8')) as {
        id: string;
        licence: string | null;
      }[]
    ).map((d) => [d.id, d] as const),
  ),
);

interface Meta {
  access: 'OPEN' | 'KEY';
  accessNote?: string;
  licences: string[];
  sources: { id: string; licence: string | null }[];
  rowCount: number;
  citation: string;
  dataVersion: string;
}
interface ListEntry {
  name: string;
  access: 'OPEN' | 'KEY';
  licences: string[];
}

const HOURLY = { HUB_RATE_EXPORTS_ANONYMOUS: '4', HUB_RATE_EXPORT_WINDOW_SECONDS: '3600' };

beforeAll(async () => {
  http = await startTestHttp(HOURLY);
  analyst = (
    await createApiKey(http.orm.em.fork(), { role: 'ANALYST', label: `open ${Date.now()}` })
  ).secret;
});
afterAll(() => http.close());

const get = (path: string, key?: string) =>
  fetch(`${http.base}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });

describe('open downloads', () => {
  let list: ListEntry[];
  const metas = new Map<string, Meta>();
  beforeAll(async () => {
    // The list, metadata and catalogue are read with a key here so that the anonymous
    // counter below counts only the downloads of the test.
    list = (await (await get('/export', analyst)).json()) as ListEntry[];
    for (const e of list)
      metas.set(e.name, (await (await get(`/export/${e.name}.json`, analyst)).json()) as Meta);
  });

  it('marks open exactly the exports whose contributing sources all have an open licence (dataset records)', () => {
    expect(list.length).toBeGreaterThan(5);
    for (const e of list) {
      const meta = metas.get(e.name)!;
      // The licences of the sources, as the committed dataset records state them.
      const licences = meta.sources.map((s) => seeded.get(s.id)?.licence ?? null);
      const open = licences.every((l) => l !== null && LICENCES.get(l)?.open === true);
      expect(e.access, e.name).toBe(open ? 'OPEN' : 'KEY');
      expect(meta.access, e.name).toBe(e.access);
      if (!open)
        for (const s of meta.sources.filter((x) => !seeded.get(x.id)?.licence))
          expect(meta.accessNote, e.name).toContain(s.id);
    }
    // With the default (real) data every export is open, the wide table included; an export
    // holding data without an open licence (the synthetic sample) is tested in
    // test/broadband/synthetic.test.ts.
    expect(list.find((e) => e.name === 'pnrr-grants')!.access).toBe('OPEN');
    expect(list.find((e) => e.name === 'comuni')!.access).toBe('OPEN');
  });

  it('lets anyone download an open export without a key, the same file a key gets', async () => {
    const anonymous = await get('/export/pnrr-grants.csv?territory=consorzio-it');
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await anonymous.text();
    const keyed = await (
      await get('/export/pnrr-grants.csv?territory=consorzio-it', analyst)
    ).text();
    expect(text).toBe(keyed);
    const meta = (await (
      await get('/export/pnrr-grants.json?territory=consorzio-it', analyst)
    ).json()) as Meta;
    expect(parse(text, { columns: true })).toHaveLength(meta.rowCount);
    expect(meta.rowCount).toBeGreaterThan(0);
  });

  it('limits anonymous downloads per client address (429, limit "exports"); keys are counted apart', async () => {
    // One anonymous download above, four allowed per hour: three more pass (the wide table
    // among them: open data), the next is refused.
    expect((await get('/export/comuni.csv?territory=019035')).status).toBe(200);
    expect((await get('/export/pnrr-grants.json')).status).toBe(200);
    expect((await get('/export/catalog.jsonld')).status).toBe(200);
    const refused = await get('/export/pnrr-grants.csv');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3000);
    const body = (await refused.json()) as {
      errors: { message: string; extensions: Record<string, unknown> }[];
    };
    expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'exports' });
    expect(body.errors[0].message).toMatch(/HUB_RATE_EXPORTS_ANONYMOUS/);
    // The list is not counted; a key holder from the same address is not refused.
    expect((await get('/export')).status).toBe(200);
    expect((await get('/export/pnrr-grants.csv', analyst)).status).toBe(200);
  });
});
