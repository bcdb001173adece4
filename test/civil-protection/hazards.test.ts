import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ComuneHazardProfileDocument,
  ComuniHazardProfilesDocument,
  HazardQualityFlagsDocument,
  HazardSummaryDocument,
  ResidentsInHighFloodHazardDocument,
  SeismicNodeDocument,
  type HazardSummaryQuery,
  type ProfileFragment,
} from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';
import {
  baseOf,
  comuneLevel,
  DPC,
  idrogeoRows,
  ISPRA,
  ISTAT,
  legalPopulation,
  LEVELS,
  mappedHazards,
  MEASURES,
  membersOf,
  milli,
  percent,
  seismicRows,
  setLevel,
  zoneOf,
} from './hazard-files.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
let profiles: Map<string, ProfileFragment>;

beforeAll(async () => {
  hub = await createTestHub();
  const { data, errors } = await hub.run(ComuniHazardProfilesDocument, {
    grouping: 'province-cr',
    first: 200,
  });
  expect(errors).toBeUndefined();
  profiles = new Map(data!.comuni.edges.map((e) => [e.node.istatCode, e.node.hazardProfile]));
});
afterAll(() => hub.close());

type Level = ProfileFragment['flood'][number];
const levelsOf = (p: { flood: Level[]; landslide: Level[] }) => [...p.flood, ...p.landslide];

describe('the hazard profile of every comune', () => {
  it('holds both source files for all 113 comuni', () => {
    expect(idrogeoRows).toHaveLength(113);
    expect(seismicRows).toHaveLength(113);
    expect(profiles.size).toBe(113);
    expect([...profiles.keys()].sort()).toEqual(idrogeoRows.map((r) => r.codice_istat).sort());
  });

  it("equals ISPRA's file, level by level and figure by figure, with source and data year", () => {
    for (const { codice_istat: code } of idrogeoRows) {
      const p = profiles.get(code)!;
      expect(p.idrogeoUnknownReason).toBeNull();
      expect(p.flood.map((l) => [l.level, l.code])).toEqual([
        ['HIGH', 'P3'],
        ['MEDIUM', 'P2'],
        ['LOW', 'P1'],
      ]);
      expect(p.landslide.map((l) => [l.level, l.code])).toEqual([
        ['VERY_HIGH', 'P4'],
        ['HIGH', 'P3'],
        ['MEDIUM', 'P2'],
        ['LOW', 'P1'],
        ['ATTENTION', 'AA'],
      ]);
      const got = levelsOf(p);
      LEVELS.forEach((def, i) => {
        const want = comuneLevel(code, def);
        const level = got[i];
        expect(level).toMatchObject({
          hazard: want.hazard,
          level: want.level,
          code: want.code,
          mapYear: want.mapYear,
          area: { km2: want.area.km2, percent: want.area.percent, unknownReason: null },
          source: { datasetId: ISPRA },
        });
        expect(level.source.note).toContain(`line ${want.line}`);
        for (const m of MEASURES) {
          const exposed = level[m.key];
          expect(exposed).toMatchObject(want[m.key]);
          if (exposed.percent == null) expect(exposed.unknownReason).toMatch(/0 of 0/);
          else expect(exposed.unknownReason).toBeNull();
        }
      });
    }
  });

  it('gives the bases of the shares: legal population 2011, and ISPRA’s counts of the comune', () => {
    for (const { codice_istat: code } of idrogeoRows) {
      const base = profiles.get(code)!.exposureBase;
      expect(base.residents).toMatchObject({
        count: legalPopulation.get(code),
        dataYear: 2011,
        source: { datasetId: ISTAT },
      });
      expect(base.families).toMatchObject({ count: null, source: { datasetId: ISPRA } });
      expect(base.families.unknownReason).toMatch(/2011 census/);
      for (const key of ['buildings', 'businessUnits', 'culturalHeritage'] as const)
        expect(base[key]).toMatchObject({ count: Number(baseOf(code, key)), unknownReason: null });
    }
  });

  it('never turns an undefined share into 0: 0 of 0 cultural heritage items is null with the reason', () => {
    const none = idrogeoRows.filter((r) => r.bct === '0').map((r) => r.codice_istat);
    expect(none.length).toBeGreaterThan(0);
    for (const code of none)
      for (const level of levelsOf(profiles.get(code)!)) {
        expect(level.culturalHeritage.count).toBe(0);
        expect(level.culturalHeritage.percent).toBeNull();
        expect(level.culturalHeritage.unknownReason).toMatch(/no cultural heritage items/);
      }
  });

  it('gives the seismic zone of the DPC classification of May 2025, with its source', () => {
    for (const r of seismicRows) {
      const p = profiles.get(r.codice_istat)!;
      expect(p.seismicUnknownReason).toBeNull();
      expect(p.seismic).toMatchObject({
        zone: r.zona_sismica,
        asOf: { on: '2025-05-01', precision: 'MONTH', label: '2025-05' },
        source: { datasetId: DPC, licence: 'CC-BY-4.0' },
      });
      expect(p.sources.map((s) => s.datasetId)).toEqual([DPC, ISTAT, ISPRA].sort());
    }
  });

  it('names the kinds of hazard the files map, in the enum plan scenarios use', () => {
    for (const { codice_istat: code } of idrogeoRows)
      expect(profiles.get(code)!.mappedHazards).toEqual(mappedHazards(code));
    // 62 comuni have residents in high-hazard flood areas (shared/data/SOURCES.md, section 8).
    expect(idrogeoRows.filter((r) => Number(r.pop_id_H) > 0)).toHaveLength(62);
  });

  it('reaches a seismic classification by its global id', async () => {
    const code = '019035';
    const id = (await hub.run(ComuneHazardProfileDocument, { istatCode: code })).data!.comune!
      .hazardProfile.seismic!.id;
    const { data } = await hub.run(SeismicNodeDocument, { id });
    expect(data!.node).toEqual({ id, zone: zoneOf(code), comune: { istatCode: code } });
  });

  it('flags every share of area above 100 % as ISPRA publishes it', async () => {
    const want = idrogeoRows.flatMap((r) =>
      LEVELS.filter((l) => Number(r[`area_${l.col}_p`]) > 100).map(() => r.codice_istat),
    );
    expect(want.length).toBeGreaterThan(0);
    const flags = (await hub.run(HazardQualityFlagsDocument)).data!.dataQualityIssues;
    expect(flags.map((f) => f.comune!.istatCode).sort()).toEqual(want.sort());
    for (const f of flags) expect(f.source.datasetId).toBe(ISPRA);
  });
});

type Row = HazardSummaryQuery['hazardSummary']['total'];

/** Checks a summary row against the files, for the given comuni. */
function expectRow(row: Row, codes: string[]) {
  expect(row.comuneCount).toBe(codes.length);
  expect(row.comuniWithoutIdrogeo).toEqual([]);
  expect(row.comuniWithoutSeismicZone).toEqual([]);
  const zones = new Map<string, number>();
  for (const c of codes) zones.set(zoneOf(c), (zones.get(zoneOf(c)) ?? 0) + 1);
  expect(row.seismicZones).toEqual(
    [...zones].map(([zone, comuneCount]) => ({ zone, comuneCount })),
  );
  const got = levelsOf(row);
  LEVELS.forEach((def, i) => {
    const want = codes.length === 1 ? comuneLevel(codes[0], def) : setLevel(codes, def);
    expect(got[i]).toMatchObject({
      hazard: want.hazard,
      level: want.level,
      area: want.area,
      ...Object.fromEntries(MEASURES.map((m) => [m.key, want[m.key]])),
    });
  });
  expect(row.exposureBase.residents.count).toBe(
    codes.reduce((a, c) => a + legalPopulation.get(c)!, 0),
  );
}

describe('hazard summaries by territory and grouping', () => {
  it('sums the residents in high-hazard flood areas of the PPC plan group, flagging the missing 23rd comune', async () => {
    const territory = 'ppc-2023-casaletto-ceredano';
    const codes = membersOf(territory);
    expect(codes).toHaveLength(22);
    const { data, errors } = await hub.run(ResidentsInHighFloodHazardDocument, { territory });
    expect(errors).toBeUndefined();
    const total = data!.hazardSummary.total;
    const residents = codes.reduce(
      (a, c) => a + BigInt(comuneLevel(c, LEVELS[0]).residents.count),
      0n,
    );
    const population = codes.reduce((a, c) => a + BigInt(legalPopulation.get(c)!), 0n);
    expect(total.comuneCount).toBe(22);
    expect(total.flood[0]).toMatchObject({
      level: 'HIGH',
      code: 'P3',
      residents: {
        count: Number(residents),
        percent: percent(residents, population),
        dataYear: 2011,
      },
      source: { datasetId: ISPRA, note: expect.stringMatching(/22 comuni/) },
    });
    expect(total.membershipNote).toMatch(/declares 23 comuni but names 22/);
  });

  it.each(['ppc-2023-casaletto-ceredano', 'area-omogenea-cremasca', 'consorzio-it', 'province-cr'])(
    'computes every figure of %s from the raw files',
    async (territory) => {
      const { data, errors } = await hub.run(HazardSummaryDocument, {
        territory,
        groupBy: 'COMUNE' as never,
      });
      expect(errors).toBeUndefined();
      const codes = membersOf(territory);
      expectRow(data!.hazardSummary.total, codes);
      expect(data!.hazardSummary.rows.map((r) => r.key)).toEqual(codes);
      for (const row of data!.hazardSummary.rows) expectRow(row, [row.key]);
    },
  );

  it("gives each comune's row exactly its profile (one definition everywhere)", async () => {
    const { data } = await hub.run(HazardSummaryDocument, { territory: 'consorzio-it' });
    for (const row of data!.hazardSummary.rows) {
      const p = profiles.get(row.key)!;
      expect(levelsOf(row).map(({ source: _s, ...l }) => l)).toEqual(
        levelsOf(p).map(({ source: _s, ...l }) => l),
      );
      expect(row.exposureBase).toEqual(p.exposureBase);
    }
  });

  it('gives one share definition: for one comune, 100 × count / base equals ISPRA’s own share', () => {
    for (const { codice_istat: code } of idrogeoRows)
      for (const def of LEVELS)
        for (const key of [
          'residents',
          'buildings',
          'businessUnits',
          'culturalHeritage',
        ] as const) {
          const base = baseOf(code, key)!;
          const want = comuneLevel(code, def)[key];
          if (base > 0n) expect(percent(BigInt(want.count), base)).toBe(want.percent);
        }
  });

  it('groups by grouping over the members inside the territory', async () => {
    const { data, errors } = await hub.run(HazardSummaryDocument, {
      territory: 'area-omogenea-cremasca',
      groupBy: 'GROUPING' as never,
    });
    expect(errors).toBeUndefined();
    const inside = new Set(membersOf('area-omogenea-cremasca'));
    const byKey = new Map(data!.hazardSummary.rows.map((r) => [r.key, r]));
    for (const g of [
      'area-omogenea-cremasca',
      'consorzio-it',
      'ppc-2023-casaletto-ceredano',
      'province-cr',
    ]) {
      const codes = membersOf(g).filter((c) => inside.has(c));
      expectRow(byKey.get(g)!, codes);
    }
    expect(byKey.get('consorzio-it')!.membershipNote).toMatch(/48 of its 52/);
    expect(byKey.get('ppc-2023-casaletto-ceredano')!.membershipNote).toMatch(/declares 23/);
    expect(byKey.get('area-omogenea-cremasca')!.membershipNote).toBeNull();
  });

  it('never sums flood levels: they are nested, each at least as large as the one above', () => {
    for (const r of idrogeoRows) {
      const [h, m, l] = ['id_H', 'id_M', 'id_L'].map((c) => milli(r[`area_${c}`]));
      expect(h <= m && m <= l).toBe(true);
    }
  });

  it('answers in as many statements for the province as for one comune', async () => {
    const one = await hub.counted(HazardSummaryDocument, { territory: '019035' });
    for (const groupBy of ['COMUNE', 'GROUPING'] as const) {
      const all = await hub.counted(HazardSummaryDocument, {
        territory: 'province-cr',
        groupBy: groupBy as never,
      });
      expect(all.errors).toBeUndefined();
      expect(all.statements).toBeLessThanOrEqual(one.statements + 4);
      expect(all.statements).toBeLessThan(15);
    }
  });

  it('refuses an unknown territory, naming the argument', async () => {
    const { errors } = await hub.run(HazardSummaryDocument, { territory: 'nowhere' });
    expect(errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0].message).toMatch(/territory/);
  });
});
