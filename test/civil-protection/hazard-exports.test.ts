import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey } from '../access/support.js';
import { startTestHttp } from '../support/hub.js';
import {
  comuneLevel,
  DPC,
  idrogeoRows,
  ISPRA,
  LEVELS,
  MEASURES,
  membersOf,
  zoneOf,
} from './hazard-files.js';

type Http = Awaited<ReturnType<typeof startTestHttp>>;
let http: Http;
let secret: string;
beforeAll(async () => {
  http = await startTestHttp();
  secret = (await newKey(http.orm, { role: 'ANALYST' })).secret;
});
afterAll(() => http.close());

const get = (path: string) =>
  fetch(`${http.base}${path}`, { headers: { authorization: `Bearer ${secret}` } });
const csv = async (path: string): Promise<Record<string, string>[]> =>
  parse(await (await get(path)).text(), { columns: true });

/** A CSV cell as the API's value: empty is null, numbers are numbers. */
const value = (cell: string) => (cell === '' ? null : Number(cell));

interface Figure {
  count?: number | null;
  km2?: number | null;
  percent: number | null;
}
interface Level {
  hazard: string;
  level: string;
  area: Figure;
  [measure: string]: unknown;
}
interface Profile {
  istatCode: string;
  flood: Level[];
  landslide: Level[];
  seismic: { zone: string; asOf: { on: string } } | null;
  exposureBase: Record<string, { count: number | null }>;
}

const fields = `area { km2 percent } ${MEASURES.map((m) => `${m.key} { count percent }`).join(' ')}`;

async function apiProfiles(): Promise<Map<string, Profile>> {
  // `first` as a variable: graphql-armor multiplies the cost by a literal `first` only.
  const res = await http.post({
    variables: { first: 200 },
    query: `query($first: Int!) { comuni(filter: { grouping: "province-cr" }, first: $first) { edges { node { hazardProfile {
      istatCode seismic { zone asOf { on } }
      exposureBase { buildings { count } businessUnits { count } culturalHeritage { count } }
      flood { hazard level ${fields} } landslide { hazard level ${fields} } } } } } }`,
  });
  const body = (await res.json()) as {
    data: { comuni: { edges: { node: { hazardProfile: Profile } }[] } };
    errors?: unknown;
  };
  expect(body.errors).toBeUndefined();
  return new Map(
    body.data.comuni.edges.map((e) => [e.node.hazardProfile.istatCode, e.node.hazardProfile]),
  );
}

const slugOf = (l: (typeof LEVELS)[number]) =>
  `${l.hazard === 'FLOOD' ? 'flood' : 'landslide'}_${l.code.toLowerCase()}`;

describe('hazard columns of the wide table', () => {
  it('equal the API for every comune and every column, and the raw files', async () => {
    const rows = await csv('/export/comuni.csv');
    const api = await apiProfiles();
    expect(rows).toHaveLength(113);
    for (const row of rows) {
      const p = api.get(row.istat_code)!;
      expect(row.hazard_seismic_zone).toBe(p.seismic!.zone);
      expect(row.hazard_seismic_zone).toBe(zoneOf(row.istat_code));
      expect(row.hazard_seismic_as_of).toBe(p.seismic!.asOf.on);
      expect(value(row.hazard_base_buildings)).toBe(p.exposureBase.buildings.count);
      expect(value(row.hazard_base_business_units)).toBe(p.exposureBase.businessUnits.count);
      expect(value(row.hazard_base_cultural_heritage)).toBe(p.exposureBase.culturalHeritage.count);
      const levels = [...p.flood, ...p.landslide];
      LEVELS.forEach((def, i) => {
        const level = levels[i];
        expect([level.hazard, level.level]).toEqual([def.hazard, def.level]);
        const prefix = `hazard_${slugOf(def)}`;
        const want = comuneLevel(row.istat_code, def);
        expect(value(row[`${prefix}_area_km2`])).toBe(level.area.km2);
        expect(value(row[`${prefix}_area_km2`])).toBe(want.area.km2);
        expect(value(row[`${prefix}_area_percent`])).toBe(level.area.percent);
        for (const m of MEASURES) {
          const figure = level[m.key] as Figure;
          expect(value(row[`${prefix}_${m.slug}`])).toBe(figure.count);
          expect(value(row[`${prefix}_${m.slug}_percent`])).toBe(figure.percent);
          expect(value(row[`${prefix}_${m.slug}`])).toBe(want[m.key].count);
          expect(value(row[`${prefix}_${m.slug}_percent`])).toBe(want[m.key].percent);
        }
      });
    }
    // Every hazard column of the export was compared above.
    const compared = 5 + LEVELS.length * (2 + 2 * MEASURES.length);
    expect(Object.keys(rows[0]).filter((k) => k.startsWith('hazard_'))).toHaveLength(compared);
    expect(idrogeoRows).toHaveLength(113);
  });

  it('puts the plan status beside the date it is known as of', async () => {
    const rows = await csv('/export/comuni.csv?territory=ppc-2023-casaletto-ceredano');
    expect(rows.map((r) => r.istat_code)).toEqual(membersOf('ppc-2023-casaletto-ceredano'));
    for (const r of rows) {
      expect(r.civil_protection_plan_status).toBe('DRAFTING');
      expect(r.civil_protection_plan_status_as_of).toBe('2023-02-21');
    }
    const [crema] = await csv('/export/comuni.csv?territory=019035');
    expect([crema.civil_protection_plan_status, crema.civil_protection_plan_status_as_of]).toEqual([
      '',
      '',
    ]);
  });

  it("names ISPRA's and DPC's datasets with their licences in the export's metadata", async () => {
    const meta = (await (await get('/export/comuni.json')).json()) as {
      sources: { id: string; licence: string | null }[];
      columns: { name: string; description: string }[];
    };
    expect(meta.sources.map((s) => s.id)).toEqual(expect.arrayContaining([ISPRA, DPC]));
    const described = meta.columns.find((c) => c.name === 'hazard_flood_p3_residents')!;
    expect(described.description).toMatch(/ISPRA IdroGEO/);
    expect(described.description).toMatch(/2011/);
  });
});

describe('civil-protection plans export', () => {
  it('leaves the counts of unknown lists empty, never 0', async () => {
    const rows = await csv(
      '/export/civil-protection-plans.csv?territory=ppc-2023-casaletto-ceredano',
    );
    expect(rows).toHaveLength(22);
    for (const r of rows) {
      expect([r.scenarios, r.emergency_areas, r.crisis_unit_members]).toEqual(['', '', '']);
      expect(r.status_as_of).toBe('2023-02-21');
    }
  });
});
