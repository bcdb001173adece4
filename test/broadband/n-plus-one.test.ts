import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  BroadbandAddressPageDocument,
  BroadbandComuniFiguresDocument,
  BroadbandSummaryDocument,
  type BroadbandGroupBy,
} from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';

let hub: Awaited<ReturnType<typeof createTestHub>>;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

it('broadband figures of 52 comuni cost the same number of statements as those of one', async () => {
  const many = await hub.counted(BroadbandComuniFiguresDocument, { grouping: 'consorzio-it' });
  const one = await hub.counted(BroadbandComuniFiguresDocument, { grouping: '019035' });
  expect(many.errors).toBeUndefined();
  expect(many.data!.comuni.edges).toHaveLength(52);
  expect(one.statements).toBeGreaterThan(0);
  expect(many.statements).toBe(one.statements);
});

it('a summary issues a constant number of statements whatever its grouping', async () => {
  const counts = [];
  for (const groupBy of [
    'COMUNE',
    'PLAN',
    'TECHNOLOGY',
    'STATUS',
    'GROUPING',
  ] as BroadbandGroupBy[])
    for (const territory of ['consorzio-it', 'province-cr', '019062']) {
      const r = await hub.counted(BroadbandSummaryDocument, { territory, groupBy });
      expect(r.errors).toBeUndefined();
      counts.push(r.statements);
    }
  // territory, name, per-address cells, km, mappings, gap counts, ANNCSU, plan, the rows'
  // comuni or groupings (and their members): the same few whatever the territory.
  expect(Math.max(...counts)).toBeLessThanOrEqual(12);
});

it('a page of addresses aggregates nothing and costs a constant number of statements', async () => {
  const first = await hub.counted(BroadbandAddressPageDocument, {
    istatCode: '019035',
    first: 100,
  });
  expect(first.errors).toBeUndefined();
  expect(first.sql.some((s) => /group by/i.test(s))).toBe(false);
  const next = await hub.counted(BroadbandAddressPageDocument, {
    istatCode: '019035',
    first: 100,
    after: first.data!.comune!.broadband.addresses.pageInfo.endCursor,
  });
  expect(next.statements).toBe(first.statements);
  expect(first.statements).toBeLessThanOrEqual(3);
});
