import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BroadbandAddressPageDocument,
  BroadbandComuneDocument,
  type BroadbandAddressPageQuery,
  type AddressFilter,
} from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

type Conn = NonNullable<BroadbandAddressPageQuery['comune']>['broadband']['addresses'];

const page = (istatCode: string, first: number, after: string | null, filter?: AddressFilter) =>
  hub.run(BroadbandAddressPageDocument, { istatCode, first, after, filter });

/** Walks every page and returns the ids in order. */
async function walk(istatCode: string, first: number, filter?: AddressFilter) {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 10_000; pages++) {
    const res: Awaited<ReturnType<typeof page>> = await page(istatCode, first, after, filter);
    expect(res.errors).toBeUndefined();
    const conn: Conn = res.data!.comune!.broadband.addresses;
    ids.push(...conn.edges.map((e) => e.node.id));
    if (!conn.pageInfo.hasNextPage) return ids;
    after = conn.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

describe('keyset paging of a comune’s civic addresses', () => {
  it('walking every page returns each address of the comune exactly once', async () => {
    const { data } = await hub.run(BroadbandComuneDocument, { istatCode: '019062', first: 1 });
    const total = data!.comune!.broadband.addressCount;
    expect(data!.comune!.broadband.addresses.totalCount).toBe(total);
    const ids = await walk('019062', 317);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });

  it('walks a filtered list the same way (grey-area civic numbers of Crema)', async () => {
    const filter = { plan: 'GREY_AREAS_1GIGA' as const };
    const { data } = await hub.run(BroadbandComuneDocument, {
      istatCode: '019035',
      first: 1,
      filter,
    });
    const grey = data!.comune!.broadband.byPlan.find((p) => p.plan === filter.plan)!.addressCount;
    expect(data!.comune!.broadband.addresses.totalCount).toBe(grey);
    const ids = await walk('019035', 500, filter);
    expect(ids).toHaveLength(grey);
    expect(new Set(ids).size).toBe(grey);
    const page = await hub.run(BroadbandComuneDocument, { istatCode: '019035', first: 50, filter });
    for (const e of page.data!.comune!.broadband.addresses.edges) {
      expect(e.node.coverage!.plan).toBe(filter.plan);
      expect(e.node.coverage!.history.at(-1)!.status).toBe(e.node.coverage!.status);
    }
  });

  it('filters by street, ignoring case and accents', async () => {
    const ids = await walk('019035', 500, { street: 'REPÙBBLICA' });
    expect(ids.length).toBeGreaterThan(0);
    const res = await hub.run(BroadbandComuneDocument, {
      istatCode: '019035',
      first: 500,
      filter: { street: 'repubblica' },
    });
    const labels = res.data!.comune!.broadband.addresses.edges.map((e) => e.node.label);
    expect(labels).toHaveLength(ids.length);
    for (const l of labels) expect(l).toMatch(/Repubblica/);
  });

  it('rejects a forged cursor and an oversized page with BAD_USER_INPUT', async () => {
    for (const vars of [
      { istatCode: '019062', first: 10, after: 'not-a-cursor' },
      { istatCode: '019062', first: 10, after: Buffer.from('[1,2]').toString('base64url') },
      { istatCode: '019062', first: 501 },
    ]) {
      const res = await hub.run(BroadbandAddressPageDocument, vars);
      expect(res.errors?.[0].extensions?.code, JSON.stringify(vars)).toBe('BAD_USER_INPUT');
    }
  });
});
