import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BroadbandAddressPageDocument,
  BroadbandClaimsDocument,
  BroadbandComuneRealDocument,
  BroadbandComuniCoverageDocument,
  BroadbandComuniGapsDocument,
  BroadbandComuniPlanDocument,
  BroadbandMappingsDocument,
  BroadbandSummaryDocument,
} from '../generated/graphql.js';
import { createApiKey } from '../../src/access/keys.js';
import { createTestHub, startTestHttp } from '../support/hub.js';
import {
  anncsu,
  bul,
  comuni,
  consorzio,
  infratel,
  infratelSummary,
  listedByComune,
  STATE,
} from './raw.js';
import { expectWideEqualsApi } from './wide.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  // Lists of comuni with nested broadband figures pass the default cost limit (20000) by
  // far, whatever their length: a limit issue of its own, not what these tests check.
  hub = await createTestHub({ HUB_MAX_COST: '1000000' });
});
afterAll(() => hub.close());

const sql = <T>(text: string, params: unknown[] = []) =>
  hub.orm.em.fork().getConnection().execute<T[]>(text, params);

async function gapsOfAll() {
  const { data, errors } = await hub.run(BroadbandComuniGapsDocument, { grouping: 'province-cr' });
  expect(errors).toBeUndefined();
  return data!.comuni.edges.map((e) => e.node);
}
async function planOfAll() {
  const { data, errors } = await hub.run(BroadbandComuniPlanDocument, { grouping: 'province-cr' });
  expect(errors).toBeUndefined();
  return data!.comuni.edges.map((e) => e.node);
}
async function coverageOfAll() {
  const res = await hub.run(BroadbandComuniCoverageDocument, { grouping: 'province-cr' });
  expect(res.errors).toBeUndefined();
  return res.data!.comuni.edges.map((e) => e.node);
}

describe('only real data by default', () => {
  it('holds no synthetic civic address, coverage record or network length', async () => {
    const [row] = await sql<{ n: number }>(
      `select (select count(*) from civic_address a join dataset d on d.id = a.dataset_id where d.synthetic)
            + (select count(*) from address_coverage c join dataset d on d.id = c.dataset_id where d.synthetic)
            + (select count(*) from white_area_network)::int as n`,
    );
    expect(Number(row.n)).toBe(0);
    const page = await hub.run(BroadbandAddressPageDocument, {
      istatCode: '019035',
      first: 1,
      filter: { synthetic: true },
    });
    expect(page.data!.comune!.broadband.addresses.edges).toEqual([]);
  });

  it('holds every civic number of Infratel\u2019s list as a real civic address, unlocated', async () => {
    const raw = infratel();
    const [row] = await sql<{ n: number; located: number }>(
      `select count(*)::int as n, count(lat)::int as located from civic_address a
        join coverage_observation o on o.address_pk = a.pk where o.mapping_code = 'infratel-2025'`,
    );
    expect(row).toEqual({ n: raw.length, located: 0 });
  });

  it('gives no per-address figures where no record exists: null, with the reason for the km', async () => {
    const members = consorzio();
    for (const c of await coverageOfAll()) {
      const b = c.broadband;
      expect([b.addressCount, b.unitCount, b.synthetic, b.coverage, b.byPlan, b.networkKm]).toEqual(
        [null, null, null, null, null, null],
      );
      expect(b.networkKmNote).toMatch(
        members.has(c.istatCode) ? /360 km for the 52/ : /outside the territory/,
      );
    }
  });
});

describe('per-comune figures, computed from the raw files', () => {
  it('lists each comune\u2019s civic numbers by category as the raw list does (and its own summary)', async () => {
    const expected = listedByComune();
    for (const s of infratelSummary())
      expect(expected.get(s.codice_istat)).toEqual({
        A: Number(s.car_A_coord_scarsa_qualita),
        B: Number(s.car_B_entro_50m_rete_300M),
        C: Number(s.car_C_oltre_50m_rete_300M),
        total: Number(s.civici_totali),
      });
    const got = await gapsOfAll();
    expect(got).toHaveLength(comuni().length);
    for (const c of got) {
      const e = expected.get(c.istatCode)!;
      const g = c.broadband.gaps!;
      expect(g.mapping.code).toBe('infratel-2025');
      expect(g.current).toBe(true);
      expect(g.listedCount, c.name).toBe(e.total);
      expect(Object.fromEntries(g.byCategory.map((x) => [x.category, x.count]))).toEqual({
        A: e.A,
        B: e.B,
        C: e.C,
      });
      for (const x of g.byCategory) expect(x.meaning).toBeTruthy();
      expect(c.broadband.gapsByMapping.map((m) => m.mapping.code)).toEqual(['infratel-2025']);
    }
  });

  it('gives the share of the ANNCSU civic numbers where known, null where unknown or impossible', async () => {
    const expected = listedByComune();
    const counts = new Map(anncsu().map((r) => [r.CODICE_ISTAT, r]));
    const residents = new Map(comuni().map((r) => [r.com_istat_code, Number(r.pop_res_2021)]));
    let unknown = 0;
    for (const c of await gapsOfAll()) {
      const g = c.broadband.gaps!;
      const raw = counts.get(c.istatCode);
      const listed = expected.get(c.istatCode)!.total;
      if (!raw) {
        unknown++;
        expect([c.broadband.anncsu, g.anncsuCivicNumbers, g.shareOfAnncsu]).toEqual([
          null,
          null,
          null,
        ]);
        expect(g.shareNote).toMatch(/Unknown/);
        continue;
      }
      const total = Number(raw.totale);
      expect(c.broadband.anncsu).toMatchObject({
        total,
        geocodedInside: Number(raw.civico_geocodificato),
        outsideBoundary: Number(raw.fuori_limite_comunale),
        fromOtherComuni: Number(raw.civici_da_altri_comuni),
      });
      expect(g.anncsuCivicNumbers).toBe(total);
      if (total < listed) {
        expect(g.shareOfAnncsu, c.name).toBeNull();
        expect(g.shareNote).toMatch(/fewer than/);
      } else {
        expect(g.shareOfAnncsu, c.name).toBe(Math.round((listed / total) * 10000) / 10000);
        if (total / residents.get(c.istatCode)! < 0.1) expect(g.shareNote).toMatch(/probably/);
        else expect(g.shareNote).toBeNull();
      }
    }
    expect(unknown).toBe(comuni().length - counts.size);
  });

  it('gives the plan\u2019s state for fibre and FWA of every place, as the raw BUL file does', async () => {
    const rows = bul();
    for (const c of await planOfAll()) {
      const raw = rows
        .filter((r) => r.codice_istat === c.istatCode)
        .sort((a, b) => a.Citta.localeCompare(b.Citta));
      const plan = c.broadband.plan!;
      expect(plan.map((p) => p.place)).toEqual(raw.map((r) => r.Citta));
      raw.forEach((r, i) => {
        const p = plan[i];
        const year = (v: string) => (v ? Number(v) : null);
        expect(p.fibre).toEqual({
          inPlan: r.Fibra === '1',
          state: STATE[r['Stato Fibra']] ?? null,
          stateAsPublished: r['Stato Fibra'] || null,
          planYear: year(r['Piano fibra (anno)']),
        });
        expect(p.fwa).toEqual({
          inPlan: r.FWA === '1',
          state: STATE[r['Stato FWA']] ?? null,
          stateAsPublished: r['Stato FWA'] || null,
          planYear: year(r['Piano FWA (anno)']),
        });
        expect(p.pcnRoute).toBe(r.PCN_route || null);
        expect(p.asOf).toBeNull();
        expect(p.knownBy).toBe('2024-03-25');
        expect(p.asOfNote).toMatch(/not dated/);
        if (r.nota) expect(p.note).toBe(r.nota);
      });
      expect(c.broadband.fibreInPlan).toBe(raw.some((r) => r.Fibra === '1'));
      expect(c.broadband.fwaInPlan).toBe(raw.some((r) => r.FWA === '1'));
    }
  });
});

describe('the press claims, reconciled', () => {
  it('flags 40 (press, 2022) against 43 (plan file) with both figures, dates and sources', async () => {
    const members = consorzio();
    const raw = bul().filter((r) => members.has(r.codice_istat));
    const inPlan = [...new Set(raw.filter((r) => r.Fibra === '1').map((r) => r.codice_istat))];
    const outside = [...members].filter((c) => !inPlan.includes(c)).sort();
    const finished = raw.filter((r) => r.Fibra === '1' && r['Stato Fibra'] === 'terminato');
    expect(inPlan).toHaveLength(43);
    expect(finished).toHaveLength(43);
    const { data } = await hub.run(BroadbandClaimsDocument, { verifiable: true });
    const [claim] = data!.broadbandClaims;
    expect(claim).toMatchObject({
      code: 'white-areas-ftth-comuni',
      value: 40,
      outOf: 52,
      statedOn: '2022-11-29',
      reportedOn: '2022-12-15',
      source: { datasetId: 'press-broadband-consorzio-it', synthetic: false },
      check: {
        computed: inPlan.length,
        difference: inPlan.length - 40,
        consistent: false,
        completed: finished.length,
        dataAsOf: null,
        dataKnownBy: '2024-03-25',
        source: { datasetId: 'bul-stato-lavori' },
      },
    });
    expect(claim.check!.comuni.sort()).toEqual(inPlan.sort());
    expect(claim.check!.otherComuni.sort()).toEqual(outside);
    expect(claim.check!.otherComuni).toContain('019035');
    for (const s of ['40', '43', '2022-11-29', '2022-12-15', '2024-03-25', 'Crema'])
      expect(claim.check!.note).toContain(s);

    const flags = await sql<{ message: string; grouping: string }>(
      `select message, grouping_code as grouping from data_quality_issue where code = 'BROADBAND_CLAIM_DIFFERS'`,
    );
    expect(flags).toHaveLength(1);
    expect(flags[0].grouping).toBe('consorzio-it');
    expect(flags[0].message).toBe(claim.check!.note);
  });

  it('keeps the figures no open data can check as claims marked not verifiable', async () => {
    const { data } = await hub.run(BroadbandClaimsDocument, { verifiable: false });
    const byValue = (v: number) => data!.broadbandClaims.find((c) => c.value === v)!;
    for (const [value, unit] of [
      [34000, 'REAL_ESTATE_UNITS'],
      [360, 'KILOMETRES'],
      [7500, 'CIVIC_NUMBERS'],
    ] as const) {
      const c = byValue(value);
      expect(c).toMatchObject({ unit, verifiable: false, check: null, wording: 'ABOUT' });
      expect(c.notVerifiableReason).toBeTruthy();
    }
  });
});

describe('summaries by territory and grouping', () => {
  it('sums the raw figures over the 52 comuni, by comune and by grouping', async () => {
    const expected = listedByComune();
    const members = consorzio();
    const sum = (pick: (x: { A: number; B: number; C: number; total: number }) => number) =>
      [...members].reduce((s, c) => s + pick(expected.get(c)!), 0);
    const { data } = await hub.run(BroadbandSummaryDocument, {
      territory: 'consorzio-it',
      groupBy: 'COMUNE',
    });
    const s = data!.broadbandSummary;
    expect(s.total.gaps!.listedCount).toBe(sum((x) => x.total));
    expect(s.total.gaps!.comuneCount).toBe(52);
    expect(s.total.gaps!.byCategory.map((x) => x.count)).toEqual([
      sum((x) => x.A),
      sum((x) => x.B),
      sum((x) => x.C),
    ]);
    expect(s.total.plan).toMatchObject({ comuniWithData: 52, fibreInPlan: 43, fibreCompleted: 43 });
    expect(s.total.addressCount).toBeNull();
    expect(s.rows).toHaveLength(52);
    for (const r of s.rows) expect(r.gaps!.listedCount).toBe(expected.get(r.key)!.total);
    const groups = await hub.run(BroadbandSummaryDocument, {
      territory: 'province-cr',
      groupBy: 'GROUPING',
    });
    const area = groups.data!.broadbandSummary.rows.find((r) => r.key === 'consorzio-it')!;
    expect(area.gaps!.listedCount).toBe(sum((x) => x.total));
    expect(groups.data!.broadbandSummary.total.gaps!.listedCount).toBe(infratel().length);
  });

  it('lists the mapping with its date and source', async () => {
    const { data } = await hub.run(BroadbandMappingsDocument, {});
    expect(data!.broadbandMappings).toEqual([
      expect.objectContaining({
        code: 'infratel-2025',
        current: true,
        horizonYear: 2028,
        publisher: { code: 'infratel-italia' },
        published: { on: '2025-08-01', precision: 'MONTH', label: '2025-08' },
      }),
    ]);
    expect(data!.broadbandMappings[0].description).toMatch(
      /may still be unserved today|cannot say/,
    );
  });
});

describe('the dossier of a comune', () => {
  it('shows the real figures, their sources and their dated events', async () => {
    const { data } = await hub.run<
      {
        comune: {
          broadband: { gaps: { listedCount: number } };
          sources: { datasetId: string }[];
          timeline: {
            on: string;
            precision: string;
            kind: string;
            source: { datasetId: string };
          }[];
        };
      },
      never
    >(`{ comune(istatCode: "019035") {
          broadband { gaps { listedCount } }
          sources { datasetId }
          timeline(first: 100, domain: "broadband") { on precision kind source { datasetId } } } }`);
    const c = data!.comune;
    expect(c.broadband.gaps.listedCount).toBe(listedByComune().get('019035')!.total);
    expect(c.sources.map((s) => s.datasetId)).toEqual(
      expect.arrayContaining([
        'infratel-mappatura-2025',
        'bul-stato-lavori',
        'anncsu-civici-per-comune',
      ]),
    );
    const raw = bul().find((r) => r.codice_istat === '019035')!;
    expect(c.timeline).toContainEqual({
      on: '2025-08-01',
      precision: 'MONTH',
      kind: 'BROADBAND_MAPPING_PUBLISHED',
      source: { datasetId: 'infratel-mappatura-2025' },
    });
    expect(c.timeline).toContainEqual({
      on: `${raw['Piano FWA (anno)']}-01-01`,
      precision: 'YEAR',
      kind: 'BROADBAND_PLAN_YEAR',
      source: { datasetId: 'bul-stato-lavori' },
    });
  });
});

describe('a comune alone', () => {
  it('answers for Crema with the mapping\u2019s date and every source', async () => {
    const { data, errors } = await hub.run(BroadbandComuneRealDocument, { istatCode: '019035' });
    expect(errors).toBeUndefined();
    const b = data!.comune!.broadband;
    expect(b).toMatchObject({ fibreInPlan: false, fwaInPlan: true });
    expect(b.gaps!.mapping).toMatchObject({
      code: 'infratel-2025',
      year: 2025,
      horizonYear: 2028,
      thresholdMbps: 300,
      published: { on: '2025-08-01', precision: 'MONTH', label: '2025-08' },
      source: { datasetId: 'infratel-mappatura-2025' },
    });
    expect(b.anncsu!.source.datasetId).toBe('anncsu-civici-per-comune');
    expect(b.plan![0].source).toMatchObject({ datasetId: 'bul-stato-lavori' });
    expect(b.plan![0].source.note).toMatch(/bul_stato_lavori_cr\.csv line \d+/);
  });
});

describe('the wide table', () => {
  it('gives every bb_* column as the API field it names, for every comune (empty where null)', async () => {
    const http = await startTestHttp();
    try {
      const { secret } = await createApiKey(http.orm.em.fork(), {
        role: 'ANALYST',
        label: `broadband wide ${Date.now()}`,
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
      const expected = listedByComune();
      const crema = rows.find((r) => r.istat_code === '019035')!;
      expect(Number(crema.bb_gaps_listed_count)).toBe(expected.get('019035')!.total);
      expect([crema.bb_addresses, crema.bb_ftth_share, crema.bb_white_area_network_km]).toEqual([
        '',
        '',
        '',
      ]);
      expect(crema.bb_white_area_network_km_note).toMatch(/Unknown/);
    } finally {
      await http.close();
    }
  });
});
