import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ComuneEnergyDocument,
  EnergyCommunitiesDocument,
  EnergyEventsDocument,
  EnergyQualityFlagsDocument,
  OrganizationsDocument,
} from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';
import { communities, events, fundings, organizations, pressTitle } from './seed-files.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

const cer = communities.find((c) => c.code === 'cer-crema-ex-olivetti')!;
const lgh = fundings.find((f) => f.community_code === cer.code)!;
/** Codes of the seeded communities covering a comune, sorted. */
const covering = (istat: string) =>
  communities
    .filter((c) => c.comuni.split('|').includes(istat))
    .map((c) => c.code)
    .sort();

describe("energyCommunities (the issue's query)", () => {
  it('holds the CER of Crema, area ex Olivetti, with its funding, from the seed files', async () => {
    const { data, errors } = await hub.run(EnergyCommunitiesDocument, {
      filter: { territory: 'consorzio-it' },
    });
    expect(errors).toBeUndefined();
    expect(data!.energyCommunities.map((c) => c.code).sort()).toEqual(
      communities.map((c) => c.code).sort(),
    );
    const c = data!.energyCommunities.find((x) => x.code === cer.code)!;
    expect(c).toMatchObject({
      name: cer.name,
      site: 'area ex Olivetti',
      status: 'FEASIBILITY_STUDY',
      technology: 'SOLAR',
      aim: cer.aim,
      comuni: [{ istatCode: '019035', name: 'Crema' }],
      promoter: { code: 'consorzio-it', name: organizations.get('consorzio-it')!.name },
      replicationArea: { code: 'area-omogenea-cremasca' },
      source: { dataset: pressTitle, datasetId: 'press-consorzio-it', note: cer.source_note },
    });
    expect(c.aim).toMatch(/replicable across the Area Omogenea Cremasca/);
    expect(c.source.note).toMatch(/press release, 2023-02-28/);
    expect(c.fundings).toHaveLength(1);
    expect(c.fundings[0]).toMatchObject({
      funder: { code: 'fondazione-lgh', name: organizations.get('fondazione-lgh')!.name },
      recipient: null,
      recipientNote: lgh.recipient_note,
      amount: '103000.00',
      announcedOn: '2023-02-28',
      announcedPrecision: 'DAY',
      announced: { on: '2023-02-28', precision: 'DAY', label: '2023-02-28' },
      purpose: lgh.purpose,
      community: { code: cer.code },
      source: { dataset: pressTitle, note: 'press release, 2023-02-28' },
    });
    expect(c.fundings[0].amount).toBe(lgh.amount);
    expect(c.fundings[0].purpose).toMatch(/feasibility study/i);
    expect(c.fundings[0].recipientNote).toMatch(/Unknown/);
  });

  it('filters by territory and status', async () => {
    const crema = await hub.run(EnergyCommunitiesDocument, { filter: { territory: '019035' } });
    expect(crema.data!.energyCommunities.map((c) => c.code).sort()).toEqual(covering('019035'));
    expect(covering('019035')).toContain(cer.code);
    const studies = await hub.run(EnergyCommunitiesDocument, {
      filter: { territory: 'consorzio-it', status: 'OPERATIONAL' },
    } as never);
    expect(studies.data!.energyCommunities).toEqual([]);
    const bad = await hub.run(EnergyCommunitiesDocument, { filter: { territory: 'nowhere' } });
    expect(bad.errors?.[0].message).toMatch(/filter\.territory/);
  });
});

describe('comune.energyCommunities and energy events', () => {
  it("gives Crema its CER and the mayor's letter of 2023-04-13, dated to the day", async () => {
    const { data, errors } = await hub.run(ComuneEnergyDocument, { istatCode: '019035' });
    expect(errors).toBeUndefined();
    expect(data!.comune!.energyCommunities.map((c) => c.code).sort()).toEqual(covering('019035'));
    const letter = events.find((e) => e.istatCode === '019035')!;
    expect(data!.comune!.energyEvents).toEqual([
      {
        kind: letter.kind,
        authorRole: letter.authorRole,
        summary: letter.summary,
        date: { on: '2023-04-13', precision: 'DAY', label: '2023-04-13' },
        comune: { name: 'Crema' },
        source: { dataset: pressTitle, note: 'press release, 2023-04-13' },
      },
    ]);
    // Izano: the one Consorzio.IT comune that founded none of the CERs named in the press.
    expect(covering('019054')).toEqual([]);
    const other = await hub.run(ComuneEnergyDocument, { istatCode: '019054' });
    expect(other.data!.comune).toMatchObject({ energyCommunities: [], energyEvents: [] });
  });

  it('lists events by territory', async () => {
    const { data } = await hub.run(EnergyEventsDocument, { territory: 'consorzio-it' });
    expect(data!.energyEvents.map((e) => e.comune.istatCode)).toEqual(
      [...events].sort((a, b) => a.on.localeCompare(b.on)).map((e) => e.istatCode),
    );
  });
});

describe('data quality and organisations', () => {
  it('flags the funding whose recipient the source does not state', async () => {
    const { data } = await hub.run(EnergyQualityFlagsDocument);
    const flags = data!.dataQualityIssues.filter((f) => f.code === 'FUNDING_RECIPIENT_UNKNOWN');
    const crema = flags.filter((f) => f.comune?.istatCode === '019035');
    expect(crema).toHaveLength(1);
    expect(crema[0].message).toMatch(/103000\.00 EUR by Fondazione LGH/);
  });

  it("answers the issue's organisations query with the funder and the promoter", async () => {
    const { data } = await hub.run(OrganizationsDocument);
    const kinds = new Map(data!.organizations.map((o) => [o.code, o.kind]));
    expect(kinds.get('fondazione-lgh')).toBe(organizations.get('fondazione-lgh')!.kind);
    expect(kinds.get('fondazione-lgh')).toBe('FOUNDATION');
    expect(kinds.get('consorzio-it')).toBe('IN_HOUSE_COMPANY');
    expect(kinds.get('linea-gestioni')).toBe('COMPANY');
  });
});
