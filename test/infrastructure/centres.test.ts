import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CollectionCentresDocument,
  ComuneCollectionCentresDocument,
  ComuniCentresAndEnergyDocument,
  type CollectionCentresQuery,
} from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';
import { centres, datasets, organizations, programme } from './seed-files.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

const press = datasets.get('press-consorzio-it')!.title;
const orgName = (code: string) => (code ? organizations.get(code)!.name : null);
const platforms = centres.filter((c) => c.kind === 'SUPRA_MUNICIPAL_PLATFORM');
const municipal = centres.filter((c) => c.kind === 'MUNICIPAL_COLLECTION_CENTRE');

describe('comune.collectionCentres', () => {
  it("answers the issue's query for Crema: its platform, owner, operator, unknown location, source", async () => {
    const { data, errors } = await hub.run(ComuneCollectionCentresDocument, {
      istatCode: '019035',
    });
    expect(errors).toBeUndefined();
    const row = platforms.find((c) => c.istat_code === '019035')!;
    expect(data!.comune!.collectionCentres).toEqual([
      expect.objectContaining({
        name: row.name,
        nameIsOfficial: false,
        kind: 'SUPRA_MUNICIPAL_PLATFORM',
        address: null,
        owner: { code: row.owner_code, name: orgName(row.owner_code) },
        operator: { code: row.operator_code, name: orgName(row.operator_code) },
        location: null,
        source: { dataset: press, datasetId: row.dataset, note: row.source_note },
      }),
    ]);
    expect(data!.comune!.collectionCentres[0].description).toMatch(
      /official name.*not in the sources/,
    );
    // Crema hosts a platform, so it is outside the upgrade programme.
    expect(data!.comune!.upgradeProgrammes).toEqual([]);
  });

  it('gives each of the 35 participants one municipal centre with owner, operator, address and location unknown', async () => {
    const { data, errors } = await hub.run(ComuniCentresAndEnergyDocument, {
      grouping: programme.groupings.participants.code,
    });
    expect(errors).toBeUndefined();
    const nodes = data!.comuni.edges.map((e) => e.node);
    expect(nodes.map((n) => n.istatCode)).toEqual(municipal.map((c) => c.istat_code).sort());
    expect(nodes).toHaveLength(35);
    for (const n of nodes) {
      const row = municipal.find((c) => c.istat_code === n.istatCode)!;
      expect(n.collectionCentres).toEqual([
        {
          name: row.name,
          kind: 'MUNICIPAL_COLLECTION_CENTRE',
          owner: null,
          operator: null,
          source: { dataset: press },
        },
      ]);
      expect(n.upgradeProgrammes).toEqual([{ code: programme.programme.code }]);
    }
  });
});

describe('collectionCentres', () => {
  it("lists the 7 supra-municipal platforms (the issue's query)", async () => {
    const { data, errors } = await hub.run(CollectionCentresDocument, {
      filter: { kind: 'SUPRA_MUNICIPAL_PLATFORM', territory: 'consorzio-it' },
      first: 50,
    } as never);
    expect(errors).toBeUndefined();
    const conn = data!.collectionCentres;
    expect(conn.totalCount).toBe(platforms.length);
    expect(conn.totalCount).toBe(7);
    expect(conn.edges.map((e) => e.node.comune.name).sort()).toEqual(
      platforms.map((p) => p.comune_name).sort(),
    );
    for (const { node } of conn.edges) {
      expect(node.owner).toEqual({ code: 'consorzio-it', name: orgName('consorzio-it') });
      expect(node.operator).toEqual({ code: 'linea-gestioni', name: orgName('linea-gestioni') });
      expect(node.source).toEqual({
        dataset: press,
        note: 'press release of Consorzio.IT on the collection-centre programme, undated (written after the tenders of mid-February 2023)',
      });
      expect(node.location).toBeNull();
    }
  });

  it('filters by territory and by known location, and pages each centre exactly once', async () => {
    const inCrema = await hub.run(CollectionCentresDocument, { filter: { territory: '019035' } });
    expect(inCrema.data!.collectionCentres.totalCount).toBe(1);
    const unknown = await hub.run(CollectionCentresDocument, {
      filter: { territory: 'consorzio-it', locationKnown: false },
      first: 0,
    });
    expect(unknown.data!.collectionCentres.totalCount).toBe(
      centres.filter((c) => !c.lat || !c.lon).length,
    );
    const seen: string[] = [];
    let after: string | null | undefined = null;
    for (let page = 0; page < 10; page++) {
      const res: { data?: CollectionCentresQuery | null } = await hub.run(
        CollectionCentresDocument,
        { filter: { territory: 'consorzio-it' }, first: 10, after },
      );
      const conn = res.data!.collectionCentres;
      seen.push(...conn.edges.map((e) => e.node.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(centres.length);
    expect(new Set(seen).size).toBe(centres.length);
  });

  it('names the argument in errors', async () => {
    const over = await hub.run(CollectionCentresDocument, { first: 501 });
    expect(over.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(over.errors?.[0].message).toMatch(/first/);
    const place = await hub.run(CollectionCentresDocument, { filter: { territory: 'atlantis' } });
    expect(place.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(place.errors?.[0].message).toMatch(/filter\.territory/);
    const forged = await hub.run(CollectionCentresDocument, { after: 'nope' });
    expect(forged.errors?.[0].message).toMatch(/after/);
  });
});
