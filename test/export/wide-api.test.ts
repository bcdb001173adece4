import { parse } from 'csv-parse/sync';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/access/keys.js';
import { WideTableApiDocument, type WideTableApiQuery } from '../generated/graphql.js';
import { currentGrants, groupingCodes, money, sumBy } from '../pnrr/csv.js';
import { startTestHttp } from '../support/hub.js';

type Http = Awaited<ReturnType<typeof startTestHttp>>;
type Api = WideTableApiQuery['comuni']['edges'][number]['node'];
let http: Http;
let rows: Record<string, string>[];
let api: Map<string, Api>;

beforeAll(async () => {
  http = await startTestHttp();
  const key = (
    await createApiKey(http.orm.em.fork(), { role: 'ANALYST', label: `wide-api ${Date.now()}` })
  ).secret;
  const res = await fetch(`${http.base}/export/comuni.csv`, {
    headers: { authorization: `Bearer ${key}` },
  });
  rows = parse(await res.text(), { columns: true });
  // Paged: the whole province in one request is above the default cost limit.
  api = new Map();
  let after: string | null = null;
  do {
    const gql = (await (
      await http.post({ query: print(WideTableApiDocument), variables: { first: 30, after } })
    ).json()) as { data: WideTableApiQuery; errors?: unknown };
    expect(gql.errors).toBeUndefined();
    for (const e of gql.data.comuni.edges) api.set(e.node.istatCode, e.node);
    after = gql.data.comuni.pageInfo.hasNextPage ? gql.data.comuni.pageInfo.endCursor! : null;
  } while (after);
});
afterAll(() => http.close());

const cents = (m: string) => BigInt(m.replace('.', ''));
/** A nullable API value as the CSV writes it: null is an empty cell. */
const cell = (v: string | number | boolean | null | undefined) => (v == null ? '' : String(v));
const num = (v: string) => (v === '' ? null : Number(v));
/** Codes as a ";"-separated, sorted list without repeats; empty when none. */
const distinctCodes = (codes: string[]) => [...new Set(codes)].sort().join(';');

/**
 * Every column of the wide table and the API value it equals, by the same definition, but
 * the broadband (`bb_*`) and hazard (`hazard_*`) columns: the broadband and civil-protection
 * tests compare those, for every comune, with the API and with the raw files.
 */
const API_OF: Record<string, (c: Api) => string | number | null> = {
  istat_code: (c) => c.istatCode,
  name: (c) => c.name,
  cadastral_code: (c) => c.cadastralCode,
  postal_codes: (c) => c.postalCodes.join(';'),
  population_legal_2011: (c) => cell(c.population.legal2011),
  population_resident_2021: (c) => cell(c.population.resident2021),
  area_km2: (c) => c.areaKm2 ?? null,
  centroid_lat: (c) => c.centroid?.lat ?? null,
  centroid_lon: (c) => c.centroid?.lon ?? null,
  groupings: (c) => c.groupings.map((g) => g.code).join(';'),
  area_omogenea_cremasca: (c) => cell(c.groupings.some((g) => g.code === 'area-omogenea-cremasca')),
  consorzio_it: (c) => cell(c.groupings.some((g) => g.code === 'consorzio-it')),
  collection_centres: (c) => cell(c.collectionCentreCount),
  supra_municipal_platform: (c) =>
    cell(c.collectionCentres.some((x) => x.kind === 'SUPRA_MUNICIPAL_PLATFORM')),
  ccr_upgrade_participant: (c) => cell(c.upgradeProgrammes.length > 0),
  energy_communities: (c) => cell(c.energyCommunities.length),
  energy_funding_eur: (c) =>
    money(c.energyCommunities.flatMap((e) => e.fundings).reduce((s, f) => s + cents(f.amount), 0n)),
  energy_community_codes: (c) => distinctCodes(c.energyCommunities.map((e) => e.code)),
  energy_community_founder_codes: (c) =>
    distinctCodes(
      c.energyCommunityFounders.filter((f) => f.kind === 'COMUNE').map((f) => f.community.code),
    ),
  civil_protection_plan_status: (c) => cell(c.civilProtectionPlan?.status),
  civil_protection_plan_status_as_of: (c) => cell(c.civilProtectionPlan?.statusAsOf.on),
  civil_protection_lead_comune: (c) => cell(c.civilProtectionPlan?.leadComune.istatCode),
  pnrr_total_eur: (c) => c.pnrr.total,
  pnrr_grant_count: (c) => cell(c.pnrr.grantCount),
  ...Object.fromEntries(
    ['1.2', '1.3.1', '1.4.1', '1.4.3', '1.4.4', '1.4.5'].map((m) => [
      `pnrr_${m.replace(/\./g, '_')}_eur`,
      (c: Api) => c.pnrr.byMeasure.find((r) => r.measure.code === m)?.amount ?? '0.00',
    ]),
  ),
  pnrr_all_bodies_total_eur: (c) => c.allBodies.total,
  pnrr_project_count: (c) => cell(c.pnrr.projects.totalCount),
};
/** Floating-point columns compare as numbers (PostgreSQL and JavaScript print them alike). */
const NUMERIC = new Set(['area_km2', 'centroid_lat', 'centroid_lon']);

describe('the wide table and the API', () => {
  it('maps every non-broadband column to an API field', () => {
    const unmapped = Object.keys(rows[0]).filter(
      (c) => !c.startsWith('bb_') && !c.startsWith('hazard_') && !(c in API_OF),
    );
    expect(unmapped, 'add each column and its API field to API_OF').toEqual([]);
  });

  it('agree for every comune and every non-broadband column', () => {
    expect(rows).toHaveLength(113);
    expect(api.size).toBe(113);
    const diffs: string[] = [];
    for (const r of rows) {
      const c = api.get(r.istat_code)!;
      for (const [column, of] of Object.entries(API_OF)) {
        if (!(column in r)) continue;
        const want = of(c);
        const got = NUMERIC.has(column) ? num(r[column]) : r[column];
        if (got !== want) diffs.push(`${r.istat_code} ${column}: CSV ${got} vs API ${want}`);
      }
    }
    expect(diffs).toEqual([]);
  });

  it('has the PNRR figures the raw files give, for every comune', () => {
    const grants = currentGrants().filter((g) => g.status !== 'R');
    const own = sumBy(
      grants.filter((g) => g.kind === 'COMUNE'),
      (g) => g.comune,
    );
    const all = sumBy(grants, (g) => g.comune);
    for (const code of groupingCodes('province-cr')) {
      const r = rows.find((x) => x.istat_code === code)!;
      expect(r.pnrr_total_eur, code).toBe(money(own.get(code)?.amount ?? 0n));
      expect(r.pnrr_grant_count, code).toBe(String(own.get(code)?.n ?? 0));
      expect(r.pnrr_all_bodies_total_eur, code).toBe(money(all.get(code)?.amount ?? 0n));
    }
  });

  it('leaves unknown counts empty, never 0: collection centres outside the sources', () => {
    const cremona = rows.find((r) => r.istat_code === '019036')!;
    expect(cremona.collection_centres).toBe('');
    expect(api.get('019036')!.collectionCentreCount).toBeNull();
    expect(rows.find((r) => r.istat_code === '019002')!.collection_centres).toBe('1');
  });
});
