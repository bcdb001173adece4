import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatePrecision } from '../../src/common/dates.js';
import { addMonths, ProgrammeLot } from '../../src/domains/infrastructure/model/lot.entity.js';
import {
  ComuniDocument,
  GroupingsDocument,
  InfrastructureQualityFlagsDocument,
  UpgradeProgrammesDocument,
  type UpgradeProgrammesQuery,
} from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';
import { centres, datasets, organizations, programme } from './seed-files.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
let p: UpgradeProgrammesQuery['upgradeProgrammes'][number];
beforeAll(async () => {
  hub = await createTestHub();
  const { data, errors } = await hub.run(UpgradeProgrammesDocument, { first: 100 });
  expect(errors).toBeUndefined();
  expect(data!.upgradeProgrammes).toHaveLength(1);
  p = data!.upgradeProgrammes[0];
});
afterAll(() => hub.close());

const seed = programme.programme;
const { participants, platforms } = programme.groupings;

describe("upgradeProgrammes (the issue's query)", () => {
  it('holds investment, its qualifier and VAT, investor, cost and payback as the seed states them', () => {
    expect(p).toMatchObject({
      code: seed.code,
      name: seed.name,
      purpose: seed.purpose,
      phase: seed.phase,
      investment: seed.investment,
      investmentQualifier: seed.investmentQualifier,
      investmentVatExcluded: seed.investmentVatExcluded,
      investmentNote: seed.investmentNote,
      investor: { code: seed.investor, name: organizations.get(seed.investor)!.name },
      noCostToComuni: seed.noCostToComuni,
      paybackDescription: seed.paybackDescription,
      feePayer: { code: seed.feePayer, name: organizations.get(seed.feePayer)!.name },
      worksDurationMonths: seed.worksDurationMonths,
      source: {
        dataset: datasets.get('press-consorzio-it')!.title,
        datasetId: 'press-consorzio-it',
        note: seed.source,
      },
    });
    // The facts: "more than 2,000,000 EUR (VAT excluded), at no cost for the comuni".
    expect([p.investment, p.investmentQualifier, p.investmentVatExcluded]).toEqual([
      '2000000.00',
      'MORE_THAN',
      true,
    ]);
    expect(p.paybackDescription).toMatch(/multi-year agreement/);
    expect(p.paybackDescription).toMatch(/fee/);
    expect(p.feePayer!.name).toMatch(/Linea Gestioni/);
  });

  it('lists the 35 participants and the 7 excluded platform comuni', () => {
    expect(p.participants.totalCount).toBe(participants.comuni.length);
    expect(p.participants.totalCount).toBe(35);
    expect(p.participants.edges.map((e) => e.node.istatCode)).toEqual(
      participants.comuni.map((c) => c.istatCode).sort(),
    );
    expect(p.participants.edges.map((e) => e.node.name).sort()).toEqual(
      participants.comuni.map((c) => c.name).sort(),
    );
    expect(p.participantsGrouping).toMatchObject({
      code: participants.code,
      kind: 'PROGRAMME',
      declaredMemberCount: 35,
      memberCount: 35,
    });
    const platformComuni = centres
      .filter((c) => c.kind === 'SUPRA_MUNICIPAL_PLATFORM')
      .map((c) => c.comune_name)
      .sort();
    expect(p.excludedComuni.map((c) => c.name).sort()).toEqual(platformComuni);
    expect(p.excludedComuni).toHaveLength(7);
    expect(p.excludedGrouping!.code).toBe(platforms.code);
    const inBoth = p.excludedComuni.filter((c) =>
      p.participants.edges.some((e) => e.node.istatCode === c.istatCode),
    );
    expect(inBoth).toEqual([]);
  });

  it('pages the participants by cursor, each exactly once', async () => {
    const seen: string[] = [];
    let after: string | null | undefined = null;
    for (let page = 0; page < 10; page++) {
      const res: { data?: UpgradeProgrammesQuery | null } = await hub.run(
        UpgradeProgrammesDocument,
        { first: 10, after },
      );
      const conn = res.data!.upgradeProgrammes[0].participants;
      expect(conn.totalCount).toBe(35);
      seen.push(...conn.edges.map((e) => e.node.istatCode));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(participants.comuni.map((c) => c.istatCode).sort());
  });

  it('shows the 4 lots with membership unknown, 7 months of works and no invented dates', () => {
    expect(p.lots.map((l) => l.code)).toEqual(programme.lots.map((l) => l.code));
    expect(p.lots).toHaveLength(4);
    for (const lot of p.lots) {
      expect(lot).toMatchObject({
        comuni: [],
        membershipKnown: false,
        status: 'TENDER_PUBLISHED',
        durationMonths: 7,
        worksStart: null,
        expectedEnd: null,
        grouping: { code: lot.code, kind: 'LOT', membershipKnown: false },
        source: {
          note: 'press release of Consorzio.IT on the collection-centre programme, undated (written after the tenders of mid-February 2023)',
        },
      });
    }
    expect(p.lotCriterion).toMatch(/territorial contiguity/);
  });

  it('keeps each milestone at the precision the source gives, with "by" and "mid"', () => {
    expect(
      p.milestones.map((m) => [m.kind, m.on, m.precision, m.qualifier, m.status, m.source.note]),
    ).toEqual(
      programme.milestones.map((m) => [m.kind, m.on, m.precision, m.qualifier, m.status, m.source]),
    );
    expect(p.milestones.map((m) => m.label)).toEqual([
      'by 2023-01-31',
      'mid 2023-02',
      'by 2023-05',
      'within 2024-H1',
    ]);
    expect(p.milestones.map((m) => m.status)).toEqual([
      'HAPPENED',
      'HAPPENED',
      'EXPECTED',
      'EXPECTED',
    ]);
    for (const m of p.milestones) {
      expect(m.date).toMatchObject({ on: m.on, precision: m.precision });
      // Coarser than a day: the date is the first day of its period, never a made-up day.
      if (m.precision !== 'DAY') expect(m.on.endsWith('-01')).toBe(true);
    }
    expect(p.milestones.find((m) => m.kind === 'TENDERS_PUBLISHED')!.description).toMatch(/mid/);
  });
});

describe('lot end dates', () => {
  const lot = (on: string | null, precision: DatePrecision | null) =>
    Object.assign(new ProgrammeLot(), {
      durationMonths: 7,
      worksStartOn: on,
      worksStartPrecision: precision,
    });

  it('counts 7 months from the start-of-works record at its precision, and nothing without it', () => {
    expect(lot(null, null).expectedEnd).toBeNull();
    expect(lot('2023-05-15', DatePrecision.DAY).expectedEnd).toMatchObject({
      on: '2023-12-15',
      label: '2023-12-15',
    });
    expect(lot('2023-05-01', DatePrecision.MONTH).expectedEnd!.label).toBe('2023-12');
    expect(lot('2023-01-01', DatePrecision.HALF_YEAR).expectedEnd).toBeNull();
    expect(addMonths('2023-07-31', 7)).toBe('2024-02-29');
  });
});

describe('groupings and quality flags', () => {
  it('adds the participants, the 4 empty lots and the platform comuni as groupings usable as territory', async () => {
    const { data } = await hub.run(GroupingsDocument);
    const byCode = new Map(data!.territorialGroupings.map((g) => [g.code, g]));
    expect(byCode.get(participants.code)).toMatchObject({ memberCount: 35, kind: 'PROGRAMME' });
    expect(byCode.get(platforms.code)).toMatchObject({ memberCount: 7, membershipKnown: true });
    for (const l of programme.lots)
      expect(byCode.get(l.code)).toMatchObject({
        kind: 'LOT',
        memberCount: 0,
        membershipKnown: false,
        declaredMemberCount: null,
      });
    const comuni = await hub.run(ComuniDocument, { filter: { grouping: platforms.code } });
    expect(comuni.data!.comuni.totalCount).toBe(7);
  });

  it('flags each lot of unknown membership and the centres of unknown location', async () => {
    const { data } = await hub.run(InfrastructureQualityFlagsDocument);
    const flags = data!.dataQualityIssues;
    expect(flags.filter((f) => f.code === 'LOT_MEMBERSHIP_UNKNOWN').map((f) => f.entity)).toEqual(
      programme.lots.map((l) => `ProgrammeLot:${l.code}`),
    );
    // One flag per kind (centres imported by other test files elsewhere get their own).
    const location = flags.filter(
      (f) =>
        f.code === 'COLLECTION_CENTRE_LOCATION_UNKNOWN' &&
        f.entity.startsWith('CollectionCentre:kind='),
    );
    expect(location.map((f) => f.entity).sort()).toEqual([
      'CollectionCentre:kind=MUNICIPAL_COLLECTION_CENTRE',
      'CollectionCentre:kind=SUPRA_MUNICIPAL_PLATFORM',
    ]);
    for (const f of location) expect(f.message).toMatch(/^\d+ of \d+ .* no known location/);
  });
});
