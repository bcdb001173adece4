import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BroadbandAddressPageDocument,
  BroadbandComuneDocument,
  type AddressFilter,
  type BroadbandAddressPageQuery,
} from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';
import { fold, infratel } from './raw.js';

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

const CREMONA = '019036';
const raw = infratel().filter((r) => r.codice_istat === CREMONA);

describe('keyset paging of a comune\u2019s civic addresses (the real ones of Infratel\u2019s list)', () => {
  it('walking every page returns each civic of the raw list exactly once', async () => {
    const { data } = await hub.run(BroadbandComuneDocument, { istatCode: CREMONA, first: 1 });
    expect(data!.comune!.broadband.addresses.totalCount).toBe(raw.length);
    const ids = await walk(CREMONA, 97);
    expect(ids).toHaveLength(raw.length);
    expect(new Set(ids).size).toBe(raw.length);
  });

  it('walks a list filtered by category the same way', async () => {
    const filter = { category: 'C' as const };
    const expected = raw.filter((r) => r.caratteristica === 'C').length;
    const ids = await walk(CREMONA, 50, filter);
    expect(ids).toHaveLength(expected);
    expect(new Set(ids).size).toBe(expected);
    const res = await hub.run(BroadbandComuneDocument, { istatCode: CREMONA, first: 30, filter });
    for (const e of res.data!.comune!.broadband.addresses.edges)
      expect(e.node.observation!.category).toBe('C');
    expect((await walk(CREMONA, 500, { listed: false })).length).toBe(0);
  });

  it('filters by street, ignoring case and accents', async () => {
    const street = raw[0].strada.split(' ').slice(1).join(' ');
    const expected = raw.filter((r) =>
      fold(r.strada).split(' ').slice(1).join(' ').includes(fold(street)),
    );
    const ids = await walk(CREMONA, 500, { street: street.toLowerCase() });
    expect(ids).toHaveLength(expected.length);
  });

  it('rejects a forged cursor and an oversized page with BAD_USER_INPUT', async () => {
    for (const vars of [
      { istatCode: CREMONA, first: 10, after: 'not-a-cursor' },
      { istatCode: CREMONA, first: 10, after: Buffer.from('[1,2]').toString('base64url') },
      { istatCode: CREMONA, first: 501 },
    ]) {
      const res = await hub.run(BroadbandAddressPageDocument, vars);
      expect(res.errors?.[0].extensions?.code, JSON.stringify(vars)).toBe('BAD_USER_INPUT');
    }
  });
});
