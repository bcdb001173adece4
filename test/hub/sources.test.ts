import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComuniSourcesDocument, type ComuniSourcesQuery } from '../generated/graphql.js';
import { readSeed } from '../pnrr/csv.js';
import { createTestHub } from '../support/hub.js';
import { readFileSync } from 'node:fs';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

const boundaries = JSON.parse(
  readFileSync('seeds/data/hub/limits_P_19_municipalities.geojson', 'utf8'),
) as { features: { properties: { com_istat_code: string } }[] };

describe('sources of the comuni', () => {
  it("lists the openpolis boundaries in every comune's sources, with their real record count", async () => {
    const nodes: ComuniSourcesQuery['comuni']['edges'][number]['node'][] = [];
    let datasets: ComuniSourcesQuery['datasets'] = [];
    let after: string | null = null;
    do {
      const res = await hub.run(print(ComuniSourcesDocument), { first: 20, after });
      expect(res.errors).toBeUndefined();
      const data = res.data as ComuniSourcesQuery;
      nodes.push(...data.comuni.edges.map((e) => e.node));
      datasets = data.datasets;
      after = data.comuni.pageInfo.hasNextPage ? data.comuni.pageInfo.endCursor! : null;
    } while (after);
    const withBoundary = new Set(boundaries.features.map((f) => f.properties.com_istat_code));
    expect(nodes).toHaveLength(readSeed('hub/comuni_cr_summary.csv').length);
    for (const c of nodes) {
      expect(withBoundary.has(c.istatCode)).toBe(true);
      expect(
        c.sources.map((s) => s.datasetId),
        c.istatCode,
      ).toContain('openpolis-limits-cr');
      expect(c.boundarySource).toMatchObject({
        datasetId: 'openpolis-limits-cr',
        licence: 'CC-BY-4.0',
      });
      expect(c.boundarySource!.note).toContain(c.istatCode);
    }
    const openpolis = datasets.find((d) => d.id === 'openpolis-limits-cr')!;
    expect(openpolis.recordCount).toBe(boundaries.features.length);
    expect(openpolis.retrievedOn).toBe('2024-05-14');
  });
});
