import AjvDraft04 from 'ajv-draft-04';
import { parse } from 'csv-parse/sync';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/access/keys.js';
import { LICENCES } from '../../src/core/rules/licences.js';
import { startTestHttp } from '../support/hub.js';

// A CommonJS module: its class is its `default` (and the module itself).
const Ajv = AjvDraft04.default;

type Http = Awaited<ReturnType<typeof startTestHttp>>;
let http: Http;
let key: string;

/** The specification's JSON Schema profiles, vendored (test/fixtures/frictionless/README.md). */
const profile = (file: string) =>
  JSON.parse(readFileSync(join('test/fixtures/frictionless', file), 'utf8')) as object;

beforeAll(async () => {
  http = await startTestHttp();
  key = (await createApiKey(http.orm.em.fork(), { role: 'ANALYST', label: `cat ${Date.now()}` }))
    .secret;
});
afterAll(() => http.close());

const get = (path: string, auth = false) =>
  fetch(`${http.base}${path}`, { headers: auth ? { authorization: `Bearer ${key}` } : {} });

interface Meta {
  name: string;
  title: string;
  columns: { name: string; description: string; type: string }[];
  licences: string[];
  sources: { id: string; licence: string | null }[];
  dataVersion: string;
  citation: string;
}
type Node = Record<string, unknown>;
const types = (n: Node) => n['@type'] as string[];
const id = (v: unknown) => (v as { '@id': string })['@id'];

describe('the dataset records', () => {
  it('spell every licence as a known SPDX id (one spelling per licence), or state none', () => {
    for (const domain of readdirSync('seeds/data')) {
      const rows = JSON.parse(
        readFileSync(join('seeds/data', domain, 'datasets.json'), 'utf8'),
      ) as { id: string; licence: string | null }[];
      for (const d of rows)
        if (d.licence !== null) expect(LICENCES.has(d.licence), `${d.id}: ${d.licence}`).toBe(true);
    }
  });
});

describe('export metadata', () => {
  it('lists only the sources that contributed rows, with SPDX licences and a citation line', async () => {
    const meta = (await (await get('/export/comuni.json')).json()) as Meta;
    const sql = http.orm.em.fork().getConnection();
    // A dataset the wide table declares but whose records no table it reads holds.
    const [{ n }] = await sql.execute<{ n: string }[]>(
      `select count(*) as n from pnrr_grant where dataset_id = 'padigitale2026-avvisi'`,
    );
    expect(Number(n)).toBe(0);
    const ids = meta.sources.map((s) => s.id);
    expect(ids).not.toContain('padigitale2026-avvisi');
    expect(ids).toEqual(expect.arrayContaining(['istat-elenco-comuni', 'openpolis-limits-cr']));
    for (const l of meta.licences) expect(LICENCES.has(l), l).toBe(true);
    expect(meta.licences).toEqual(
      [...new Set(meta.sources.flatMap((s) => (s.licence ? [s.licence] : [])))].sort(),
    );
    expect(meta.citation).toMatch(
      new RegExp(
        `^Consorzio\\.IT Cremasco data hub, ${meta.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, data version ${meta.dataVersion}, \\d{4}-\\d{2}-\\d{2}, http://[^,]+/export/comuni\\.csv, licence CC-BY-3\\.0-IT \\+ CC-BY-4\\.0`,
      ),
    );
    // Restricted to one comune, the sources are those of its rows.
    const one = (await (await get('/export/pnrr-grants.json?territory=019035')).json()) as Meta;
    const [{ datasets }] = await sql.execute<{ datasets: string[] }[]>(
      `select array_agg(distinct dataset_id order by dataset_id) as datasets from (
         select dataset_id from pnrr_grant where comune_istat_code = '019035'
         union select b.dataset_id from pnrr_body b join pnrr_grant g on g.body_ipa_code = b.ipa_code
           where g.comune_istat_code = '019035'
         union select dataset_id from comune where istat_code = '019035') x`,
    );
    expect(one.sources.map((s) => s.id)).toEqual(datasets);
  });
});

describe('the DCAT-AP_IT catalogue', () => {
  it('has a catalogue with a dataset per export, each with its distributions (the shape DCAT-AP_IT requires)', async () => {
    // Other test files change the data meanwhile: versions are compared where the metadata
    // read before and after the catalogue agree.
    const list = (await (await get('/export')).json()) as { name: string }[];
    const metas = async () =>
      Promise.all(
        list.map(async (e) => (await (await get(`/export/${e.name}.json`)).json()) as Meta),
      );
    const before = await metas();
    const res = await get('/export/catalog.jsonld');
    expect(res.status).toBe(200);
    const after = await metas();
    expect(res.headers.get('content-type')).toMatch(/application\/ld\+json/);
    const cat = (await res.json()) as Node;
    expect(cat['@context']).toMatchObject({
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      dcatapit: 'http://dati.gov.it/onto/dcatapit#',
      foaf: 'http://xmlns.com/foaf/0.1/',
    });
    expect(types(cat)).toEqual(expect.arrayContaining(['dcat:Catalog', 'dcatapit:Catalog']));
    for (const p of ['dct:title', 'dct:description', 'dct:modified', 'dcat:themeTaxonomy'])
      expect(cat[p], p).toBeTruthy();
    const publisher = cat['dct:publisher'] as Node;
    expect(types(publisher)).toContain('dcatapit:Agent');
    // The publisher of the hub, as its organisation record says.
    const org = JSON.parse(readFileSync('seeds/data/hub/organizations.json', 'utf8')) as {
      code: string;
      name: string;
      website: string;
    }[];
    const consorzio = org.find((o) => o.code === 'consorzio-it')!;
    expect(publisher['foaf:name']).toBe(consorzio.name);
    expect(id(publisher['foaf:homepage'])).toBe(consorzio.website);

    const datasets = cat['dcat:dataset'] as Node[];
    expect(datasets.map((d) => d['dct:identifier'])).toEqual(
      list.map((e) => `cremasco-data-hub:${e.name}`),
    );
    for (const [i, d] of datasets.entries()) {
      const name = list[i].name;
      const meta = after[i];
      const stable = before[i].dataVersion === meta.dataVersion;
      expect(types(d)).toEqual(expect.arrayContaining(['dcat:Dataset', 'dcatapit:Dataset']));
      // DCAT-AP_IT mandatory properties of a dataset.
      for (const p of [
        'dct:identifier',
        'dct:title',
        'dct:description',
        'dct:modified',
        'dcat:theme',
        'dct:rightsHolder',
        'dct:accrualPeriodicity',
        'dcat:distribution',
      ])
        expect(d[p], `${name} ${p}`).toBeTruthy();
      expect(d['dct:title']).toBe(meta.title);
      expect(id(d['dct:publisher'])).toBe(publisher['@id']);
      expect((d['dct:modified'] as { '@value': string })['@value']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect((d['dct:issued'] as { '@value': string })['@value']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(d['owl:versionInfo']).toMatch(/^[0-9a-f]{16}$/);
      if (stable) {
        expect(d['owl:versionInfo']).toBe(meta.dataVersion);
        expect((d['dct:source'] as Node[]).map((s) => s['dct:identifier'])).toEqual(
          meta.sources.map((s) => s.id),
        );
      }
      const distributions = d['dcat:distribution'] as Node[];
      expect(distributions.length).toBeGreaterThanOrEqual(2);
      for (const dist of distributions) {
        expect(types(dist)).toEqual(
          expect.arrayContaining(['dcat:Distribution', 'dcatapit:Distribution']),
        );
        // DCAT-AP_IT mandatory: access URL, format, licence.
        const url = id(dist['dcat:downloadURL']);
        expect(id(dist['dcat:accessURL'])).toBe(url);
        expect(id(dist['dct:format'])).toMatch(
          /^http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\/(CSV|GEOJSON|JSON)$/,
        );
        expect(dist['dcat:mediaType']).toMatch(/^(text\/csv|application\/(geo\+)?json)$/);
        const licence = dist['dct:license'] as Node;
        expect(types(licence)).toContain('dcatapit:LicenseDocument');
        if (meta.licences.length === 1 && meta.sources.every((s) => s.licence))
          expect(licence['@id']).toBe(LICENCES.get(meta.licences[0])!.uri);
        else for (const s of meta.sources) expect(licence['foaf:name']).toContain(s.id);
        // The download URL answers (with a key: some exports need one).
        const path = new URL(url).pathname;
        expect((await get(path, true)).status, path).toBe(200);
      }
    }
  });
});

describe('the Frictionless data package', () => {
  let pkg: {
    resources: {
      name: string;
      path: string;
      schema: {
        fields: {
          name: string;
          type: string;
          description: string;
          trueValues?: string[];
          falseValues?: string[];
          constraints?: { required?: boolean; unique?: boolean; pattern?: string };
        }[];
        missingValues: string[];
        primaryKey?: string[];
      };
    }[];
  };
  beforeAll(async () => {
    const res = await get('/export/datapackage.json');
    expect(res.status).toBe(200);
    pkg = (await res.json()) as typeof pkg;
  });

  it('is valid against the Tabular Data Package and Table Schema profiles', () => {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validPackage = ajv.compile(profile('tabular-data-package.json'));
    expect(validPackage(pkg), ajv.errorsText(validPackage.errors)).toBe(true);
    const validSchema = ajv.compile(profile('table-schema.json'));
    for (const r of pkg.resources)
      expect(validSchema(r.schema), `${r.name}: ${ajv.errorsText(validSchema.errors)}`).toBe(true);
    // The profiles can fail: a field without a name is refused.
    expect(validSchema({ fields: [{ type: 'string' }] })).toBe(false);
  });

  it('describes every column as the export metadata does (one name, one meaning)', async () => {
    const list = (await (await get('/export')).json()) as { name: string }[];
    expect(pkg.resources.map((r) => r.name)).toEqual(list.map((e) => e.name));
    for (const r of pkg.resources) {
      const meta = (await (await get(`/export/${r.name}.json`)).json()) as Meta;
      expect(r.schema.fields.map((f) => [f.name, f.description])).toEqual(
        meta.columns.map((c) => [c.name, c.description]),
      );
    }
  });

  it('reads every CSV back through its Table Schema: types cast, constraints honoured', async () => {
    const cast: Record<string, (v: string, f: { trueValues?: string[] }) => boolean> = {
      string: () => true,
      integer: (v) => /^-?\d+$/.test(v),
      number: (v) => /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v),
      boolean: (v, f) => [...(f.trueValues ?? []), 'false'].includes(v),
      date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
      datetime: (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(v) && !!Date.parse(v),
    };
    // Downloaded first, checked after: a long check between requests would let the server
    // close the idle keep-alive connection the next request reuses.
    const texts: string[] = [];
    for (const r of pkg.resources)
      texts.push(await (await get(new URL(r.path).pathname, true)).text());
    let cells = 0;
    const wrong: string[] = [];
    pkg.resources.forEach((r, n) => {
      const [header, ...rows] = parse(texts[n]) as string[][];
      expect(header, r.name).toEqual(r.schema.fields.map((f) => f.name));
      r.schema.fields.forEach((f, i) => {
        const seen = new Set<string>();
        if (f.type === 'boolean') expect(f.falseValues).toEqual(['false']);
        const pattern = f.constraints?.pattern && new RegExp(`^(?:${f.constraints.pattern})$`);
        for (const row of rows) {
          const v = row[i];
          const where = `${r.name}.${f.name} "${v}"`;
          if (r.schema.missingValues.includes(v)) {
            if (f.constraints?.required) wrong.push(`${where}: required`);
            continue;
          }
          cells++;
          if (!cast[f.type](v, f)) wrong.push(`${where}: not a ${f.type}`);
          if (pattern && !pattern.test(v)) wrong.push(`${where}: does not match ${pattern}`);
          if (f.constraints?.unique && seen.has(v)) wrong.push(`${where}: repeated`);
          seen.add(v);
        }
      });
    });
    expect(wrong.slice(0, 20)).toEqual([]);
    expect(cells).toBeGreaterThan(10_000);
  });
});
