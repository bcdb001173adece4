import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/access/keys.js';
import {
  BroadbandAddressPageDocument,
  BroadbandComuneDocument,
  BroadbandComuniFiguresDocument,
  BroadbandCoverageAtDocument,
  BroadbandSummaryDocument,
  type BroadbandAddressPageQuery,
  type BroadbandPlan,
} from '../generated/graphql.js';
import { createTestHub, startTestHttp, type OpResult } from '../support/hub.js';
import { createScratchDatabase } from '../support/scratch-db.js';
import { consorzio, listedByComune } from './raw.js';
import { expectWideEqualsApi } from './wide.js';

/*
 * The synthetic sample is opt-in: these tests make a database of their own with the real
 * data (hub and broadband) plus the sample at scale 1, as `npm run seed -- broadband`
 * does for the benchmark and demos.
 */
type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
let db: Awaited<ReturnType<typeof createScratchDatabase>>;
beforeAll(async () => {
  db = await createScratchDatabase('synthetic', {
    domains: ['hub', 'broadband'],
    syntheticSample: true,
  });
  hub = await createTestHub({ HUB_MAX_COST: '1000000' }, db.url);
}, 300_000);
afterAll(async () => {
  await hub?.close();
  await db?.drop();
});

const cal = JSON.parse(readFileSync('seeds/data/broadband/calibration.json', 'utf8'));
const within = (value: number, target: number, tolerance: number) =>
  Math.abs(value - target) <= target * tolerance;

describe('the synthetic sample holds the published figures (recomputed through the API)', () => {
  it('white areas: exact comuni count, units ±2%, network km; grey areas: comuni incl. Crema and Offanengo, civic numbers ±3%', async () => {
    const { data, errors } = await hub.run(BroadbandComuniFiguresDocument, {
      grouping: cal.territory,
    });
    expect(errors).toBeUndefined();
    const comuni = data!.comuni.edges.map((e) => e.node);
    expect(comuni).toHaveLength(52);
    const plan = (c: (typeof comuni)[number], p: BroadbandPlan) =>
      c.broadband.byPlan!.find((x) => x.plan === p)!;
    const white = comuni.filter((c) => plan(c, 'WHITE_AREAS_BUL').addressCount > 0);
    expect(white).toHaveLength(cal.whiteAreas.comuni);
    const whiteUnits = white.reduce((s, c) => s + plan(c, 'WHITE_AREAS_BUL').unitCount, 0);
    expect(within(whiteUnits, cal.whiteAreas.units, cal.whiteAreas.unitsTolerance)).toBe(true);
    const km = comuni.reduce((s, c) => s + Math.round(c.broadband.networkKm! * 100), 0);
    expect(km / 100).toBe(cal.whiteAreas.networkKm);
    // km only where there are white areas, 0 (known, in the sample) elsewhere in the 52.
    expect(comuni.filter((c) => c.broadband.networkKm! > 0)).toHaveLength(white.length);

    const grey = comuni.filter((c) => plan(c, 'GREY_AREAS_1GIGA').addressCount > 0);
    expect(grey).toHaveLength(cal.greyAreas.comuni);
    expect(grey.map((c) => c.istatCode)).toEqual(expect.arrayContaining(cal.greyAreas.include));
    const greyNumbers = grey.reduce((s, c) => s + plan(c, 'GREY_AREAS_1GIGA').addressCount, 0);
    expect(
      within(greyNumbers, cal.greyAreas.civicNumbers, cal.greyAreas.civicNumbersTolerance),
    ).toBe(true);
    for (const c of comuni) {
      expect(c.broadband.synthetic).toBe(true);
      expect(c.broadband.addressCount).toBeGreaterThan(0);
      expect(c.broadband.byPlan!.reduce((s, p) => s + p.addressCount, 0)).toBe(
        c.broadband.addressCount,
      );
    }
  });

  it('says that aggregates over synthetic records are synthetic, and keeps the real ones real', async () => {
    const { data } = await hub.run(BroadbandSummaryDocument, {
      territory: cal.territory,
      groupBy: 'PLAN',
    });
    const rows = data!.broadbandSummary.rows;
    const white = rows.find((r) => r.key === 'WHITE_AREAS_BUL')!;
    expect(within(white.unitCount!, cal.whiteAreas.units, cal.whiteAreas.unitsTolerance)).toBe(
      true,
    );
    expect(white.networkKm).toBe(cal.whiteAreas.networkKm);
    expect(white.networkKmNote).toMatch(/SYNTHETIC/);
    expect(white.gaps).toBeNull();
    const total = data!.broadbandSummary.total;
    expect(total.synthetic).toBe(true);
    expect(total.addressCount).toBe(rows.reduce((s, r) => s + r.addressCount!, 0));
    const expected = listedByComune();
    expect(total.gaps!.listedCount).toBe(
      [...consorzio()].reduce((s, c) => s + expected.get(c)!.total, 0),
    );
    const byComune = await hub.run(BroadbandSummaryDocument, {
      territory: cal.territory,
      groupBy: 'COMUNE',
    });
    expect(byComune.data!.broadbandSummary.rows).toHaveLength(52);
    expect(byComune.data!.broadbandSummary.total.unitCount).toBe(total.unitCount);
  });

  it('keeps white-area km unknown (null with the reason) outside the programme\u2019s territory', async () => {
    const { data } = await hub.run(BroadbandComuneDocument, { istatCode: '019036', first: 0 });
    expect(data!.comune!.broadband.networkKm).toBeNull();
    expect(data!.comune!.broadband.networkKmNote).toMatch(/outside the territory/);
    const crema = await hub.run(BroadbandComuneDocument, { istatCode: '019035', first: 0 });
    expect(crema.data!.comune!.broadband.networkKm).toBe(0);
    expect(crema.data!.comune!.broadband.networkKmNote).toMatch(/SYNTHETIC/);
  });
});

describe('the wide table on synthetic records', () => {
  it('gives every bb_* column as the API field it names, for every comune (one definition of the shares)', async () => {
    const http = await startTestHttp({}, undefined, db.url);
    try {
      const { secret } = await createApiKey(http.orm.em.fork(), {
        role: 'ANALYST',
        label: 'synthetic wide',
      });
      const rows = await expectWideEqualsApi(
        async () =>
          (
            await fetch(`${http.base}/export/comuni.csv`, {
              headers: { authorization: `Bearer ${secret}` },
            })
          ).text(),
        hub.run,
      );
      const crema = rows.find((r) => r.istat_code === '019035')!;
      expect(Number(crema.bb_addresses)).toBeGreaterThan(0);
      expect(['true', 't']).toContain(crema.bb_coverage_synthetic);
    } finally {
      await http.close();
    }
  });
});

describe('paging and locating synthetic civic addresses', () => {
  it('walks a filtered list (grey-area civic numbers of Crema) each once', async () => {
    const filter = { plan: 'GREY_AREAS_1GIGA' as const };
    const { data } = await hub.run(BroadbandComuneDocument, {
      istatCode: '019035',
      first: 1,
      filter,
    });
    const grey = data!.comune!.broadband.byPlan!.find((p) => p.plan === filter.plan)!.addressCount;
    expect(data!.comune!.broadband.addresses.totalCount).toBe(grey);
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: OpResult<BroadbandAddressPageQuery> = await hub.run(BroadbandAddressPageDocument, {
        istatCode: '019035',
        first: 500,
        after,
        filter,
      });
      const conn = res.data!.comune!.broadband.addresses;
      ids.push(...conn.edges.map((e) => e.node.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(grey);
    expect(new Set(ids).size).toBe(grey);
    const real = await hub.run(BroadbandComuneDocument, {
      istatCode: '019035',
      first: 1,
      filter: { synthetic: false },
    });
    expect(real.data!.comune!.broadband.addresses.totalCount).toBe(
      listedByComune().get('019035')!.total,
    );
  });

  it('finds the located civic address nearest to a point, never an unlocated one', async () => {
    const { data } = await hub.run(BroadbandCoverageAtDocument, { lat: 45.3625, lon: 9.6853 });
    expect(data!.coverageAt!.address.location).not.toBeNull();
    expect(data!.coverageAt!.coverage).not.toBeNull();
  });
});

describe('exports holding the synthetic sample (a source without a licence)', () => {
  it('need a key: 401 naming the unlicensed source to anonymous callers, 403 to PARTNER, 200 to ANALYST', async () => {
    const http = await startTestHttp({}, undefined, db.url);
    try {
      const key = async (role: 'PARTNER' | 'ANALYST') =>
        (await createApiKey(http.orm.em.fork(), { role, label: `synthetic ${role}` })).secret;
      const get = (path: string, secret?: string) =>
        fetch(`${http.base}${path}`, {
          headers: secret ? { authorization: `Bearer ${secret}` } : {},
        });
      // The dataset record states no licence (seeds/data/broadband/datasets.json).
      const records = JSON.parse(readFileSync('seeds/data/broadband/datasets.json', 'utf8')) as {
        id: string;
        licence: string | null;
      }[];
      expect(records.find((d) => d.id === 'broadband-synthetic-sample')!.licence).toBeNull();

      const meta = (await (await get('/export/addresses.json?territory=019035')).json()) as {
        access: string;
        accessNote: string;
        sources: { id: string }[];
      };
      expect(meta.sources.map((s) => s.id)).toContain('broadband-synthetic-sample');
      expect(meta.access).toBe('KEY');
      expect(meta.accessNote).toContain('broadband-synthetic-sample');

      const anonymous = await get('/export/addresses.csv?territory=019035');
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/Bearer/);
      const body = (await anonymous.json()) as {
        errors: { message: string; extensions: { code: string } }[];
      };
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(body.errors[0].message).toMatch(/needs an ANALYST or ADMIN key/);
      expect(body.errors[0].message).toContain('broadband-synthetic-sample');
      expect(
        (await get('/export/addresses.csv?territory=019035', await key('PARTNER'))).status,
      ).toBe(403);
      expect(
        (await get('/export/addresses.csv?territory=019035', await key('ANALYST'))).status,
      ).toBe(200);
      // An export none of whose rows come from the sample stays open on the same database.
      expect((await get('/export/pnrr-grants.csv?territory=019035')).status).toBe(200);
    } finally {
      await http.close();
    }
  });
});
