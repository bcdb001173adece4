import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ComuneBoundaryDocument,
  ComuneByCodeDocument,
  ComuneByNameDocument,
  ComuniDocument,
  GroupingsDocument,
  OrganizationsDocument,
  type ComuniQuery,
  type ComuniQueryVariables,
} from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';
import { parse } from 'csv-parse/sync';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

const summary: Record<string, string>[] = parse(
  readFileSync('seeds/data/hub/comuni_cr_summary.csv'),
  { columns: true },
);
const cremasco: Record<string, string>[] = parse(
  readFileSync('seeds/data/hub/cremasco_comuni.csv'),
  { columns: true },
);

describe('comune', () => {
  it('answers the foundation operation for Crema from the real data', async () => {
    const { data, errors } = await hub.run(ComuneByCodeDocument, { istatCode: '019035' });
    expect(errors).toBeUndefined();
    const row = summary.find((r) => r.com_istat_code === '019035')!;
    const c = data!.comune!;
    expect(c).toMatchObject({
      istatCode: '019035',
      name: row.name,
      cadastralCode: row.cadastral_code,
      postalCodes: [row.cap],
      population: { legal2011: Number(row.pop_legal_2011), resident2021: Number(row.pop_res_2021) },
      areaKm2: Number(row.area_km2_geom),
      centroid: { lat: Number(row.centroid_lat_geom), lon: Number(row.centroid_lon_geom) },
    });
    // The hub's own groupings; domains add theirs (e.g. supra-municipal-platforms).
    expect(c.groupings.map((g) => g.code)).toEqual(
      expect.arrayContaining(['area-omogenea-cremasca', 'consorzio-it', 'province-cr']),
    );
    expect(c.source.dataset).toMatch(/ISTAT/);
    expect(c.source.licence).toBe('CC-BY-3.0-IT');
    expect(c.id).toBeTruthy();
  });

  it('holds all 113 comuni of the province with boundaries', async () => {
    const { data } = await hub.run(ComuniDocument, { first: 500 });
    expect(data!.comuni.totalCount).toBe(113);
    expect(data!.comuni.edges.map((e) => e.node.istatCode)).toEqual(
      summary.map((r) => r.com_istat_code).sort(),
    );
    const b = await hub.run(ComuneBoundaryDocument, { istatCode: '019035' });
    const geometry = b.data!.comune!.boundary as { type: string; coordinates: unknown[] };
    expect(['Polygon', 'MultiPolygon']).toContain(geometry.type);
    expect(geometry.coordinates.length).toBeGreaterThan(0);
  });

  it('finds a comune by name ignoring case, accents, apostrophes and spacing', async () => {
    for (const name of ['spino d adda', "SPINO D'ADDA", 'Spino d’Adda', '  spino   d`adda ']) {
      const { data } = await hub.run(ComuneByNameDocument, { name });
      expect(data!.comune?.istatCode, name).toBe('019102');
    }
  });

  it('gives null for an unknown code and BAD_USER_INPUT for a malformed one', async () => {
    expect((await hub.run(ComuneByCodeDocument, { istatCode: '019999' })).data!.comune).toBeNull();
    const bad = await hub.run(ComuneByCodeDocument, { istatCode: '19035' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toMatch(/istatCode.*6-digit/);
  });
});

describe('comuni', () => {
  it('lists the 48 comuni of the Area Omogenea Cremasca', async () => {
    const { data } = await hub.run(ComuniDocument, {
      filter: { grouping: 'area-omogenea-cremasca' },
      first: 100,
    });
    const expected = cremasco.filter((r) => r.cremasco_ambito_48 === '1');
    expect(data!.comuni.totalCount).toBe(expected.length);
    expect(data!.comuni.totalCount).toBe(48);
    expect(data!.comuni.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by name and orders by name', async () => {
    const { data } = await hub.run(ComuniDocument, {
      filter: { nameContains: 'ripalta' },
      orderBy: { field: 'NAME', direction: 'ASC' },
      first: 10,
    } as never);
    expect(data!.comuni.edges.map((e) => e.node.name)).toEqual([
      'Ripalta Arpina',
      'Ripalta Cremasca',
      'Ripalta Guerina',
    ]);
  });

  it('pages with cursors, each comune exactly once', async () => {
    const seen: string[] = [];
    let after: string | null | undefined = null;
    for (let page = 0; page < 20; page++) {
      const { data }: Awaited<ReturnType<typeof hub.run<ComuniQuery, ComuniQueryVariables>>> =
        await hub.run(ComuniDocument, {
          orderBy: { field: 'NAME', direction: 'DESC' },
          first: 25,
          after,
        } as never);
      seen.push(...data!.comuni.edges.map((e) => e.node.istatCode));
      if (!data!.comuni.pageInfo.hasNextPage) break;
      after = data!.comuni.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(113);
    expect(new Set(seen).size).toBe(113);
  });

  it('refuses first above the cap and a forged cursor', async () => {
    const over = await hub.run(ComuniDocument, { first: 501 });
    expect(over.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(over.errors?.[0].message).toMatch(/first.*500/);
    const forged = await hub.run(ComuniDocument, { first: 5, after: 'not-a-cursor' });
    expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await hub.run(ComuniDocument, { filter: { grouping: 'nowhere' } });
    expect(unknown.errors?.[0].message).toMatch(/filter.grouping/);
  });
});

describe('groupings and organisations', () => {
  it('lists the base groupings with members and sources', async () => {
    const { data } = await hub.run(GroupingsDocument);
    const byCode = new Map(data!.territorialGroupings.map((g) => [g.code, g]));
    expect(byCode.get('province-cr')!.memberCount).toBe(113);
    expect(byCode.get('area-omogenea-cremasca')!.memberCount).toBe(48);
    const cit = byCode.get('consorzio-it')!;
    expect(cit.memberCount).toBe(52);
    expect(cit.source.note).toMatch(/inferred/i);
    for (const g of data!.territorialGroupings) expect(g.source.dataset).toBeTruthy();
  });

  it('lists the organisations with their kind and source', async () => {
    const { data } = await hub.run(OrganizationsDocument);
    const names = data!.organizations.map((o) => o.name).join('|');
    for (const n of [
      'Consorzio.IT',
      'Linea Gestioni',
      'Open Fiber',
      'Fondazione LGH',
      'Geometrics',
    ])
      expect(names).toContain(n);
    expect(data!.organizations.find((o) => o.code === 'consorzio-it')!.kind).toBe(
      'IN_HOUSE_COMPANY',
    );
  });
});
