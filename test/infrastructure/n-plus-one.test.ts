import { afterAll, beforeAll, expect, it } from 'vitest';
import { ComuniCentresAndEnergyDocument, UpgradeProgrammesDocument } from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';

let hub: Awaited<ReturnType<typeof createTestHub>>;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

it('serves 52 comuni with centres, programmes and energy communities with fundings in as many statements as 1', async () => {
  const one = await hub.counted(ComuniCentresAndEnergyDocument, { grouping: '019035' });
  const all = await hub.counted(ComuniCentresAndEnergyDocument, { grouping: 'consorzio-it' });
  expect(all.errors).toBeUndefined();
  const comuni = all.data!.comuni;
  expect(comuni.totalCount).toBe(52);
  const crema = comuni.edges.find((e) => e.node.istatCode === '019035')!.node;
  expect(crema.energyCommunities.flatMap((c) => c.fundings.map((f) => f.amount))).toContain(
    '103000.00',
  );
  expect(comuni.edges.flatMap((e) => e.node.collectionCentres)).toHaveLength(42);
  expect(all.statements).toBe(one.statements);
  // territory, count, page, centres, organisations, datasets, memberships, programmes,
  // communities, fundings, funders: one statement each, whatever the number of comuni.
  expect(all.statements).toBeLessThanOrEqual(12);
});

it('serves the programme with participants, lots and milestones in a fixed number of statements', async () => {
  const r = await hub.counted(UpgradeProgrammesDocument, { first: 100 });
  expect(r.errors).toBeUndefined();
  expect(r.statements).toBeLessThanOrEqual(12);
});
