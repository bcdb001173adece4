import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BroadbandClaimsDocument,
  BroadbandProgrammesDocument,
  CivicCoverageDocument,
  BroadbandOrganizationsDocument,
  type BroadbandClaimsQuery,
} from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';

/*
 * Every fact of section 2 of the seed facts ("Broadband coverage") answered by a query of
 * test/operations/, with its source: the Consorzio.IT item on the Open Fiber meeting at
 * Consorzio.IT (meeting 2022-11-29, item dated 2022-12-15). The figures are claims.
 */
type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
let claims: BroadbandClaimsQuery['broadbandClaims'];
beforeAll(async () => {
  hub = await createTestHub();
  claims = (await hub.run(BroadbandClaimsDocument, {})).data!.broadbandClaims;
});
afterAll(() => hub.close());

/** The claim with this figure and unit, checked to cite the press item with both dates. */
function claim(value: number, unit: string, programme: string) {
  const c = claims.find((x) => x.value === value && x.unit === unit);
  expect(c, `${value} ${unit}`).toBeDefined();
  expect(c!.programme.code).toBe(programme);
  expect(c).toMatchObject({ statedOn: '2022-11-29', reportedOn: '2022-12-15' });
  expect(c!.source).toMatchObject({ datasetId: 'press-broadband-consorzio-it', synthetic: false });
  expect(c!.source.note).toMatch(/Open Fiber meeting .*29 November 2022.*2022-12-15/);
  return c!;
}

describe('seed facts, section 2: white areas (Aree Bianche)', () => {
  it('a publicly owned FTTH network run by Open Fiber under concession, with its source', async () => {
    const { data } = await hub.run(BroadbandProgrammesDocument, {});
    const white = data!.broadbandProgrammes.find((p) => p.code === 'aree-bianche-bul')!;
    expect(white).toMatchObject({
      plan: 'WHITE_AREAS_BUL',
      operator: { code: 'open-fiber' },
      source: { datasetId: 'press-broadband-consorzio-it', synthetic: false },
    });
    expect(white.description).toMatch(/Publicly owned FTTH network of the white areas/);
    expect(white.source.note).toMatch(/2022-12-15/);
    expect(claim(3, 'TENDERS', 'aree-bianche-bul').statement).toMatch(
      /Open Fiber won the three Infratel tenders/,
    );
    expect(claim(20, 'YEARS', 'aree-bianche-bul').statement).toMatch(/20-year concession/);
  });

  it('40 of the 52 comuni cabled (checked), about 34,000 units and 360 km (not verifiable), up to 1 Gbit/s', async () => {
    const cabled = claim(40, 'COMUNI', 'aree-bianche-bul');
    expect(cabled).toMatchObject({ outOf: 52, territory: 'consorzio-it', verifiable: true });
    expect(cabled.check!.computed).toBe(43);
    for (const [value, unit, wording] of [
      [34000, 'REAL_ESTATE_UNITS', 'ABOUT'],
      [360, 'KILOMETRES', 'ABOUT'],
      [1000, 'MBPS', 'UP_TO'],
    ] as const)
      expect(claim(value, unit, 'aree-bianche-bul')).toMatchObject({
        wording,
        verifiable: false,
        check: null,
      });
  });
});

describe('seed facts, section 2: grey areas (Aree Grigie, Italia a 1 Giga)', () => {
  it('areas with no network of at least 200 Mbit/s; Open Fiber won 8 lots: 3,881 comuni in 9 regions, about 3.3 million units', async () => {
    const { data } = await hub.run(BroadbandProgrammesDocument, {});
    const grey = data!.broadbandProgrammes.find((p) => p.code === 'italia-1-giga')!;
    expect(grey).toMatchObject({ plan: 'GREY_AREAS_1GIGA', operator: { code: 'open-fiber' } });
    expect(grey.description).toMatch(/no network giving at least 200 Mbit\/s download/);
    expect(claim(8, 'LOTS', 'italia-1-giga').scope).toMatch(/Italy/);
    expect(claim(3881, 'COMUNI', 'italia-1-giga').territory).toBeNull();
    claim(9, 'REGIONS', 'italia-1-giga');
    expect(claim(3300000, 'REAL_ESTATE_UNITS', 'italia-1-giga').wording).toBe('ABOUT');
  });

  it('20 of the 52 comuni and about 7,500 civic numbers financed: claims no open data can check', async () => {
    expect(claim(20, 'COMUNI', 'italia-1-giga')).toMatchObject({ outOf: 52, verifiable: false });
    const civics = claim(7500, 'CIVIC_NUMBERS', 'italia-1-giga');
    expect(civics).toMatchObject({ wording: 'ABOUT', verifiable: false, check: null });
    expect(civics.notVerifiableReason).toMatch(/not found/);
  });
});

describe('seed facts, section 2: a citizen checks his own civic number, then picks a retail operator', () => {
  it('checks a civic number (street + house number) and names the wholesale-only network operator', async () => {
    const { data } = await hub.run(CivicCoverageDocument, {
      address: "cascina Ca' de' Tocchi 1, Acquanegra Cremonese",
    });
    expect(data!.civicCoverage.source.datasetId).toBe('infratel-mappatura-2025');
    expect(data!.civicCoverage.answer).toBeTruthy();
    const orgs = (await hub.run(BroadbandOrganizationsDocument, {})).data!.organizations;
    const openFiber = orgs.find((o) => o.code === 'open-fiber')!;
    expect(openFiber.roleNotes).toMatch(/Wholesale-only fibre operator/);
    expect(orgs.find((o) => o.code === 'infratel-italia')!.roleNotes).toMatch(
      /ran the broadband tenders/,
    );
  });
});
