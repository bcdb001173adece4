import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/access/keys.js';
import { startTestHttp } from '../support/hub.js';

type Http = Awaited<ReturnType<typeof startTestHttp>>;
let http: Http;
let key: string;

beforeAll(async () => {
  http = await startTestHttp();
  key = (
    await createApiKey(http.orm.em.fork(), {
      role: 'ANALYST',
      label: `domain exports ${Date.now()}`,
    })
  ).secret;
});
afterAll(() => http.close());

const get = (path: string, init: RequestInit = {}) =>
  fetch(`${http.base}${path}`, { ...init, headers: { authorization: `Bearer ${key}` } });
const csv = async (path: string): Promise<Record<string, string>[]> =>
  parse(await (await get(path)).text(), { columns: true });
const gql = async <T>(query: string): Promise<T> => {
  const res = await http.post({ query });
  return ((await res.json()) as { data: T }).data;
};
const sql = <T>(text: string) => http.orm.em.fork().getConnection().execute<T[]>(text);

describe('domain exports', () => {
  it('exports every PNRR grant of the province, the same money as the API', async () => {
    const rows = await csv('/export/pnrr-grants.csv');
    const [db] = await sql<{ n: number }>('select count(*)::int as n from pnrr_grant');
    expect(rows).toHaveLength(db.n);
    const cents = rows.reduce((sum, r) => sum + BigInt(r.amount_eur.replace('.', '')), 0n);
    const data = await gql<{ pnrrSummary: { total: string } }>(
      '{ pnrrSummary(territory: "province-cr", groupBy: MEASURE, bodies: ALL, includeRenounced: true) { total } }',
    );
    expect(`${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`).toBe(data.pnrrSummary.total);
    for (const r of rows) {
      expect(r.funded_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.amount_eur).toMatch(/^\d+\.\d{2}$/);
    }
  });

  it('exports PNRR projects and collection centres', async () => {
    expect((await csv('/export/pnrr-projects.csv?territory=019035')).length).toBeGreaterThan(0);
    const centres = await csv('/export/collection-centres.csv');
    const [db] = await sql<{ n: number }>('select count(*)::int as n from collection_centre');
    expect(centres).toHaveLength(db.n);
    expect(centres.filter((c) => c.kind === 'SUPRA_MUNICIPAL_PLATFORM')).toHaveLength(7);
  });

  it('puts the indicators of every domain in the wide table, equal to the API', async () => {
    const [crema] = await csv('/export/comuni.csv?territory=019035');
    const data = await gql<{
      comune: {
        pnrr: { total: string };
        broadband: { gaps: { listedCount: number } };
        collectionCentres: unknown[];
      };
    }>(
      '{ comune(istatCode: "019035") { pnrr { total } broadband { gaps { listedCount } } collectionCentres { name } } }',
    );
    expect(crema.pnrr_total_eur).toBe(data.comune.pnrr.total);
    expect(Number(crema.bb_gaps_listed_count)).toBe(data.comune.broadband.gaps.listedCount);
    expect(Number(crema.collection_centres)).toBe(data.comune.collectionCentres.length);
    expect(crema.supra_municipal_platform).toBe('true');
    expect(Number(crema.energy_communities)).toBeGreaterThan(0);
    const [casaletto] = await csv('/export/comuni.csv?territory=019018');
    expect(casaletto.civil_protection_plan_status).toBeTruthy();
  });
});

describe('streaming the address export', () => {
  it('streams every address with flat memory', async () => {
    const [db] = await sql<{ n: number }>('select count(*)::int as n from civic_address');
    const before = process.memoryUsage().rss;
    let peak = before;
    const res = await get('/export/addresses.csv');
    expect(res.headers.get('content-length')).toBeNull();
    const reader = res.body!.getReader();
    let lines = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const b of value) if (b === 10) lines++;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(lines).toBe(db.n + 1);
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('stops the query when the client disconnects mid-way', async () => {
    const controller = new AbortController();
    const res = await get('/export/addresses.geojson', { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read();
    // The export holds a connection of its own, busy (active or inside its cursor's
    // transaction) while it streams, and released when the client goes away.
    const busy = async () =>
      (
        await sql<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where application_name = 'hub-export' and state <> 'idle'`,
        )
      )[0].n;
    expect(await busy()).toBeGreaterThan(0);
    controller.abort();
    await expect.poll(busy, { timeout: 10_000, interval: 100 }).toBe(0);
  });
});
