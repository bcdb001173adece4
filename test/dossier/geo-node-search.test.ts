import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { createTestHub } from '../support/hub.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

const summary: Record<string, string>[] = parse(
  readFileSync('seeds/data/hub/comuni_cr_summary.csv'),
  {
    columns: true,
  },
);

interface Geometry {
  type: string;
  coordinates: number[][][] | number[][][][];
}

describe('geo', () => {
  it('finds the comune that contains a point, and null outside the province', async () => {
    const crema = await hub.run<{ comuneAt: { name: string } | null }, never>(
      '{ comuneAt(lat: 45.3637, lon: 9.6826) { name } }',
    );
    expect(crema.data!.comuneAt).toEqual({ name: 'Crema' });
    const milan = await hub.run<{ comuneAt: unknown }, never>(
      '{ comuneAt(lat: 45.4642, lon: 9.19) { name } }',
    );
    expect(milan.data!.comuneAt).toBeNull();
    const bad = await hub.run('{ comuneAt(lat: 95, lon: 9) { name } }');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('puts every comune centroid inside its own comune', async () => {
    for (const r of summary.filter((_, i) => i % 10 === 0)) {
      const { data } = await hub.run<{ comuneAt: { istatCode: string } | null }, never>(
        `{ comuneAt(lat: ${r.centroid_lat_geom}, lon: ${r.centroid_lon_geom}) { istatCode } }`,
      );
      expect(data!.comuneAt?.istatCode, r.name).toBe(r.com_istat_code);
    }
  });

  it('returns valid GeoJSON for the comuni of the consortium (lon, lat order)', async () => {
    const { data, errors } = await hub.run<{ featureCollection: Record<string, unknown> }, never>(
      '{ featureCollection(territory: "consorzio-it", layer: COMUNI) }',
    );
    expect(errors).toBeUndefined();
    const fc = data!.featureCollection as {
      type: string;
      features: { type: string; geometry: Geometry; properties: Record<string, unknown> }[];
    };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(52);
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect(f.properties).toMatchObject({
        istatCode: expect.any(String),
        name: expect.any(String),
      });
      const ring = (
        f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0]
      ) as number[][];
      const [lon, lat] = ring[0];
      expect(lon).toBeGreaterThan(9);
      expect(lon).toBeLessThan(11);
      expect(lat).toBeGreaterThan(44.8);
      expect(lat).toBeLessThan(45.6);
    }
  });
});

describe('global ids', () => {
  it('round-trips any object through node(id) and nodes(ids)', async () => {
    const { data } = await hub.run<
      { comune: { id: string }; organizations: { id: string; name: string }[] },
      never
    >('{ comune(istatCode: "019035") { id } organizations { id name } }');
    const ids = [data!.comune.id, data!.organizations[0].id];
    const one = await hub.run<{ node: { __typename: string; name: string } }, { id: string }>(
      'query($id: ID!) { node(id: $id) { __typename ... on Comune { name } } }',
      { id: ids[0] },
    );
    expect(one.data!.node).toEqual({ __typename: 'Comune', name: 'Crema' });
    const many = await hub.run<
      { nodes: ({ __typename: string; id: string } | null)[] },
      { ids: string[] }
    >('query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', {
      ids: [...ids, Buffer.from('Comune:000000').toString('base64url')],
    });
    expect(many.data!.nodes.map((n) => n?.__typename ?? null)).toEqual([
      'Comune',
      'Organization',
      null,
    ]);
    expect(many.data!.nodes[1]!.id).toBe(ids[1]);
    const bad = await hub.run('{ node(id: "nonsense") { id } }');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('search', () => {
  it('ranks comuni and organisations, forgiving case, accents, apostrophes and typos', async () => {
    type R = {
      search: { edges: { score: number; node: { __typename: string; name?: string } }[] };
    };
    const q = (text: string) =>
      hub.run<R, { text: string }>(
        'query($text: String!) { search(text: $text, first: 5) { edges { score node { __typename ... on Comune { name } ... on Organization { name } } } } }',
        { text },
      );
    for (const text of ["SPINO D'ADDA", 'spino dadda', 'Spino d’Adda', 'spinno d adda']) {
      const { data } = await q(text);
      expect(data!.search.edges[0].node.name, text).toBe("Spino d'Adda");
    }
    const lgh = await q('fondazione lgh');
    expect(lgh.data!.search.edges[0].node).toEqual({
      __typename: 'Organization',
      name: 'Fondazione LGH',
    });
    const scores = lgh.data!.search.edges.map((e) => e.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const empty = await hub.run('{ search(text: " ") { edges { score } } }');
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('datasets', () => {
  it('lists every dataset with its record count', async () => {
    const { data } = await hub.run<
      { datasets: { id: string; licence: string | null; recordCount: number }[] },
      never
    >('{ datasets { id title publisher licence recordCount retrievedOn } }');
    const istat = data!.datasets.find((d) => d.id === 'istat-elenco-comuni')!;
    expect(istat.recordCount).toBeGreaterThanOrEqual(summary.length);
    expect(data!.datasets.find((d) => d.id === 'openpolis-limits-cr')).toBeTruthy();
    const readme = readFileSync('README.md', 'utf8');
    // Datasets named test-* are fixtures that other test files add and remove meanwhile.
    for (const d of data!.datasets.filter((x) => !x.id.startsWith('test-')))
      expect(readme, d.id).toContain(`| \`${d.id}\``);
  });
});

describe('cross-domain search and layers over addresses', () => {
  it('finds civic addresses, collection centres and energy communities in one search', async () => {
    type R = {
      search: {
        edges: { score: number; node: { __typename: string; label?: string; name?: string } }[];
      };
    };
    const run = (text: string, types?: string[]) =>
      hub.run<R, { text: string; types?: string[] }>(
        'query($text: String!, $types: [String!]) { search(text: $text, first: 5, types: $types) { edges { score node { __typename ... on CivicAddress { label } ... on EnergyCommunity { name } ... on CollectionCentre { name } } } } }',
        { text, types },
      );
    const olivetti = await run('olivetti');
    expect(olivetti.errors).toBeUndefined();
    expect(olivetti.data!.search.edges[0].node.__typename).toBe('EnergyCommunity');
    const addresses = await run('via roma crema', ['CivicAddress']);
    expect(addresses.errors).toBeUndefined();
    for (const e of addresses.data!.search.edges) {
      expect(e.node.__typename).toBe('CivicAddress');
      expect(e.node.label).toMatch(/Crema CR$/);
    }
    const centres = await run('piattaforma pandino', ['CollectionCentre']);
    expect(centres.data!.search.edges[0].node.name).toMatch(/Pandino/);
  });

  it('serves capped address features as GeoJSON, unlocated civics with a null geometry', async () => {
    const { data, errors } = await hub.run<{ featureCollection: Record<string, unknown> }, never>(
      '{ featureCollection(territory: "019035", layer: ADDRESSES, first: 50) }',
    );
    expect(errors).toBeUndefined();
    const fc = data!.featureCollection as {
      truncated: boolean;
      features: {
        geometry: { type: string; coordinates: [number, number] } | null;
        properties: { id: string; istatCode: string; gapCategory: string | null };
      }[];
    };
    expect(fc.features).toHaveLength(50);
    expect(fc.truncated).toBe(true);
    // The real civic numbers (Infratel's list) have no coordinates: never a guessed point.
    for (const f of fc.features) {
      expect(f.geometry).toBeNull();
      expect(f.properties.istatCode).toBe('019035');
      expect(['A', 'B', 'C']).toContain(f.properties.gapCategory);
    }
    const centres = await hub.run<{ featureCollection: { features: unknown[] } }, never>(
      '{ featureCollection(territory: "consorzio-it", layer: COLLECTION_CENTRES) }',
    );
    expect(centres.errors).toBeUndefined();
    // No emergency area is seeded (the facts name none): editors add them; the layer is valid and empty.
    const areas = await hub.run<
      { featureCollection: { type: string; features: unknown[] } },
      never
    >('{ featureCollection(territory: "ppc-2023-casaletto-ceredano", layer: EMERGENCY_AREAS) }');
    expect(areas.errors).toBeUndefined();
    expect(areas.data!.featureCollection).toMatchObject({
      type: 'FeatureCollection',
      features: [],
    });
  });
});
