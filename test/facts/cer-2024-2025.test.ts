import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/access/keys.js';
import {
  CerComuneMembershipDocument,
  CerFoundedDocument,
  CerMembershipOfManyDocument,
  ConsorzioItProvenanceDocument,
  InitiativeNodeDocument,
  QualityFlagsByCodeDocument,
  type CerFoundedQuery,
} from '../generated/graphql.js';
import { createTestHub, startTestHttp } from '../support/hub.js';
import {
  CER_FILE,
  comuneNames,
  consorzioMembers,
  provinceComuni,
  rawCers,
  rawDate,
  rawFounders,
  SHARED_CER_FILE,
} from './raw.js';

/*
 * Seed facts, section 6: "Energy communities founded in 2024–2025". Every expected figure is
 * computed from cer-cremasco-2024-2025.csv (the table beside seed-facts.md) or the compiled
 * territory table; every answer is checked with its source.
 */

type Hub = Awaited<ReturnType<typeof createTestHub>>;
type Cer = CerFoundedQuery['energyCommunities'][number];
let hub: Hub;
let cers: Cer[];
beforeAll(async () => {
  hub = await createTestHub();
  const { data, errors } = await hub.run(CerFoundedDocument, {
    from: '2024-01-01',
    territory: 'consorzio-it',
  });
  expect(errors).toBeUndefined();
  cers = data!.energyCommunities;
});
afterAll(() => hub.close());

const byName = (name: string) => cers.find((c) => c.name === name)!;
const inProvince = [...new Set(rawFounders.filter((f) => f.istatCode).map((f) => f.istatCode!))];

it('keeps the press table verbatim (the copy equals the file beside seed-facts.md)', () => {
  // The check runs where the shared folder is checked out beside the repository.
  if (!SHARED_CER_FILE) return;
  expect(readFileSync(CER_FILE, 'utf8')).toBe(readFileSync(SHARED_CER_FILE, 'utf8'));
});

describe('the 8 CERs named in the press, with their founding comuni and dates', () => {
  it('holds each CER of the table, founded between 2024-11-28 and early 2025, promoted by Consorzio.IT', () => {
    expect(rawCers).toHaveLength(8);
    expect(cers.map((c) => c.name).sort()).toEqual([...rawCers].sort());
    for (const name of rawCers) {
      const c = byName(name);
      const dates = new Set(rawFounders.filter((f) => f.cer === name).map((f) => f.date));
      expect(dates.size, name).toBe(1);
      expect(c.founded, name).toMatchObject(rawDate([...dates][0]));
      expect(c.founded!.on >= '2024-11-01' && c.founded!.on <= '2025-02-28').toBe(true);
      expect(c).toMatchObject({ status: 'CONSTITUTED', promoter: { code: 'consorzio-it' } });
      expect(c.legalForm).toMatch(/recognised association/);
      expect(c.source.datasetId).toBe('press-consorzio-it');
    }
    // "2024-12 (prima del 7/12)": known to the month, with the "before the 7th" kept as a note.
    const oglio = byName('CER Oglio-Serio');
    expect(oglio.founded).toMatchObject({ on: '2024-12-01', precision: 'MONTH', label: '2024-12' });
    expect(oglio.foundedNote).toMatch(/before the 7th/);
  });

  it('lists every founding comune of the table, each citing its articles', () => {
    for (const f of rawFounders) {
      const c = byName(f.cer);
      const found = c.founders.filter((x) => x.kind === 'COMUNE' && x.name === f.name);
      expect(found, `${f.cer}: ${f.name}`).toHaveLength(1);
      const [founder] = found;
      expect(founder.articles).toEqual(f.articles);
      expect(founder.provinceCode).toBe(f.province);
      expect(founder.inProvince).toBe(!f.outside);
      expect(founder.comune?.istatCode ?? null).toBe(f.istatCode);
      for (const a of f.articles) expect(founder.source.note).toContain(a);
      for (const a of f.articles) expect(c.source.note).toContain(a);
    }
    for (const name of rawCers)
      expect(byName(name).founders.filter((x) => x.kind === 'COMUNE')).toHaveLength(
        rawFounders.filter((f) => f.cer === name).length,
      );
  });

  it('covers, for each CER, exactly its founding comuni of the province', () => {
    for (const name of rawCers) {
      const expected = rawFounders
        .filter((f) => f.cer === name && f.istatCode)
        .map((f) => f.istatCode)
        .sort();
      expect(byName(name).comuni.map((x) => x.istatCode)).toEqual(expected);
    }
  });
});

describe('51 comuni of the province plus two outside it', () => {
  it('counts 51 founders in the province of Cremona', () => {
    expect(inProvince).toHaveLength(51);
    for (const code of inProvince) expect(comuneNames.has(code)).toBe(true);
  });

  it('records Crespiatica (Lodi) and Misano di Gera d’Adda (Bergamo) as outside, with no invented code', async () => {
    const outside = rawFounders.filter((f) => f.outside);
    expect(outside.map((f) => [f.name, f.province])).toEqual([
      ['Crespiatica', 'LO'],
      ["Misano di Gera d'Adda", 'BG'],
    ]);
    for (const f of outside) {
      const founder = byName(f.cer).founders.find((x) => x.name === f.name)!;
      expect(founder).toMatchObject({ inProvince: false, comune: null, provinceCode: f.province });
      expect(founder.note).toMatch(/^Outside the province of Cremona/);
      expect(founder.note).toMatch(/no ISTAT code/);
      const node = await hub.run(InitiativeNodeDocument, { id: founder.id });
      expect(node.data!.node).toMatchObject({ name: f.name });
    }
    const { data } = await hub.run(QualityFlagsByCodeDocument, {
      code: 'FOUNDER_OUTSIDE_PROVINCE',
    });
    expect(data!.dataQualityIssues.map((q) => q.message.split(' (')[0]).sort()).toEqual(
      outside.map((f) => f.name).sort(),
    );
    for (const q of data!.dataQualityIssues) {
      expect(q.comune).toBeNull();
      expect(q.message).toMatch(/beyond the province/);
    }
  });
});

it('flags the gap between the 9 CERs the press speaks of and the 8 it names', async () => {
  const { data } = await hub.run(QualityFlagsByCodeDocument, { code: 'DECLARED_COUNT_MISMATCH' });
  const flag = data!.dataQualityIssues.find((q) => q.domain === 'energy')!;
  expect(flag.message).toContain('speaks of 9');
  expect(flag.message).toContain(`${rawCers.length} are named`);
  expect(flag.entity).toBe('Organization:consorzio-it');
  expect(flag.source.note).toMatch(/9 CERs/);
});

it('leaves the GSE qualification unknown, with the reason', () => {
  for (const c of cers) {
    expect(c.gseQualified).toBeNull();
    expect(c.gseQualificationNote).toMatch(/^Unknown/);
  }
});

describe('the 51 Cremona founders are the inferred 52 Consorzio.IT members less Izano', () => {
  it('holds as computed from the raw files, and is recorded in the grouping’s provenance', async () => {
    const missing = consorzioMembers.filter((c) => !inProvince.includes(c));
    expect(missing).toEqual(['019054']);
    expect(comuneNames.get('019054')).toBe('Izano');
    expect(inProvince.filter((c) => !consorzioMembers.includes(c))).toEqual([]);
    const { data } = await hub.run(ConsorzioItProvenanceDocument);
    const g = data!.territorialGrouping!;
    expect(g.members.map((m) => m.istatCode)).toEqual(consorzioMembers);
    expect(g).toMatchObject({ membershipInferred: true, declaredMemberCount: 52, memberCount: 52 });
    expect(g.source.note).toContain('the 51 comuni of the province that founded the 8');
    expect(g.source.note).toContain('exactly these 52 less Izano');
    expect(g.source.note).toContain('cer-cremasco-2024-2025.csv');
    expect(g.source.note).toMatch(/Crespiatica.*Misano di Gera d'Adda.*beyond the province/);
    expect(g.source.note).toMatch(/not an official list/);
  });

  it('flags the membership of every one of the 52 as inferred, on the comune itself', async () => {
    const { data } = await hub.run(CerMembershipOfManyDocument, { grouping: 'province-cr' });
    for (const { node } of data!.comuni.edges) {
      const own = node.qualityIssues.filter(
        (q) => q.code === 'MEMBERSHIP_INFERRED' && q.entity === 'TerritorialGrouping:consorzio-it',
      );
      expect(own, node.istatCode).toHaveLength(consorzioMembers.includes(node.istatCode) ? 1 : 0);
      if (own.length) {
        expect(own[0].domain).toBe('hub');
        expect(own[0].message).toContain(comuneNames.get(node.istatCode)!);
        expect(own[0].message).toMatch(/inferred/);
      }
    }
  });
});

describe('CER Fulcheria (crema-news.it, 2024-11-29)', () => {
  it('was founded on 2024-11-28 by six comuni with Castelleone as lead, and three parishes', () => {
    const c = byName('CER Fulcheria');
    expect(c.founded).toMatchObject({ on: '2024-11-28', precision: 'DAY' });
    expect(c.founders.filter((f) => f.lead).map((f) => f.name)).toEqual(['Castelleone']);
    const comuni = c.founders.filter((f) => f.kind === 'COMUNE').map((f) => f.name);
    expect(comuni.sort()).toEqual(
      [
        'Castelleone',
        'Montodine',
        'Trigolo',
        'Ripalta Arpina',
        'Ripalta Guerina',
        'Gombito',
      ].sort(),
    );
    const parishes = c.founders.filter((f) => f.kind === 'PARISH');
    expect(parishes.map((p) => [p.name, p.comune!.name])).toEqual([
      ['Parrocchia di Castelleone', 'Castelleone'],
      ['Parrocchia di Montodine', 'Montodine'],
      ['Parrocchia di Trigolo', 'Trigolo'],
    ]);
    for (const p of parishes) expect(p.source.note).toMatch(/crema-news\.it, 2024-11-29/);
    expect(c.founders[0]).toMatchObject({ name: 'Castelleone', lead: true });
    expect(c.founders[0].note).toMatch(/crema-news\.it, 2024-11-29/);
    expect(c.description).toMatch(/at Consorzio\.IT's seat/);
  });

  it('received 15,000 EUR from Consorzio.IT', () => {
    const [f] = byName('CER Fulcheria').fundings;
    expect(f).toMatchObject({
      funder: { code: 'consorzio-it' },
      amount: '15000.00',
      recipient: null,
      announced: { on: '2024-11-29', precision: 'DAY' },
    });
    expect(f.recipientNote).toMatch(/^Unknown/);
    expect(f.source.note).toMatch(/crema-news\.it, 2024-11-29/);
  });
});

describe('the public meetings of February 2025 (cremaonline.it, 2025-02-18)', () => {
  it('CER Fulcheria met in Castelleone on 2025-02-17, streamed to four comuni, about 250 people', async () => {
    const streamed = ['Gombito', 'Montodine', 'Ripalta Arpina', 'Ripalta Guerina'];
    const { data } = await hub.run(CerComuneMembershipDocument, { istatCode: '019025' });
    const meeting = data!.comune!.energyEvents.find((e) => e.kind === 'PUBLIC_MEETING')!;
    expect(meeting).toMatchObject({
      date: { on: '2025-02-17', precision: 'DAY' },
      participants: { value: 250, approximate: true },
      community: { code: byName('CER Fulcheria').code },
      comune: { istatCode: '019025' },
      source: { note: 'cremaonline.it, 2025-02-18' },
    });
    expect(meeting.streamedTo!.map((c) => c.name)).toEqual(streamed);
    for (const s of meeting.streamedTo!) {
      const there = await hub.run(CerComuneMembershipDocument, { istatCode: s.istatCode });
      expect(there.data!.comune!.energyEvents.map((e) => e.date.on)).toContain('2025-02-17');
      expect(there.data!.comune!.timeline.map((e) => [e.on, e.kind])).toContainEqual([
        '2025-02-17',
        'PUBLIC_MEETING',
      ]);
    }
  });

  it('CER Palate e Fontanili met in Vailate on 2025-02-18 (attendance not reported)', async () => {
    const { data } = await hub.run(CerComuneMembershipDocument, { istatCode: '019112' });
    const meeting = data!.comune!.energyEvents.find((e) => e.date.on === '2025-02-18')!;
    expect(meeting).toMatchObject({
      kind: 'PUBLIC_MEETING',
      participants: null,
      streamedTo: null,
      community: { code: byName('CER Palate e Fontanili').code },
      source: { note: 'cremaonline.it, 2025-02-18' },
    });
  });
});

it('keeps the 2023 CER of Crema (area ex Olivetti) apart from the 2024 CER Crema, saying they may be related', async () => {
  const crema = byName('CER Crema');
  expect(crema.possiblyRelated.map((c) => [c.code, c.status])).toEqual([
    ['cer-crema-ex-olivetti', 'FEASIBILITY_STUDY'],
  ]);
  expect(crema.relationNote).toMatch(/may have led to/);
  expect(crema.relationNote).toMatch(/kept apart/);
  const { data } = await hub.run(QualityFlagsByCodeDocument, { code: 'POSSIBLY_SAME_COMMUNITY' });
  expect(data!.dataQualityIssues.map((q) => q.comune?.istatCode)).toEqual(['019035']);
});

describe('per-comune CER membership, in the dossier and in the wide table', () => {
  const founderCodes = (cersOf: (istat: string) => string[]) =>
    new Map(provinceComuni.map((c) => [c, cersOf(c)]));
  const codeOf = (name: string) => byName(name).code;
  const expected = () =>
    founderCodes((istat) =>
      rawFounders
        .filter((f) => f.istatCode === istat)
        .map((f) => codeOf(f.cer))
        .sort(),
    );

  it('gives every comune of the province its founding memberships, with timeline events', async () => {
    const { data } = await hub.run(CerMembershipOfManyDocument, { grouping: 'province-cr' });
    const want = expected();
    expect(data!.comuni.edges).toHaveLength(113);
    for (const { node } of data!.comuni.edges) {
      const got = node.energyCommunityFounders
        .filter((f) => f.kind === 'COMUNE')
        .map((f) => f.community.code)
        .sort();
      expect(got, node.istatCode).toEqual(want.get(node.istatCode));
    }
    const castelleone = await hub.run(CerComuneMembershipDocument, { istatCode: '019025' });
    const founded = castelleone.data!.comune!.timeline.find((e) => e.kind === 'CER_FOUNDED')!;
    expect(founded).toMatchObject({ on: '2024-11-28', precision: 'DAY' });
    expect(founded.title).toMatch(/Castelleone is a founding comune \(lead/);
    expect(founded.source.note).toContain('crema-news.it');
  });

  it('writes the same memberships in /export/comuni.csv', async () => {
    const http = await startTestHttp();
    try {
      const { secret } = await createApiKey(http.orm.em.fork(), {
        role: 'ANALYST',
        label: `cer facts ${process.pid} ${Date.now()}`,
      });
      const res = await fetch(`${http.base}/export/comuni.csv`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      const rows: Record<string, string>[] = parse(await res.text(), { columns: true });
      const want = expected();
      expect(rows).toHaveLength(113);
      for (const r of rows) {
        expect(r.energy_community_founder_codes.split(';').filter(Boolean), r.istat_code).toEqual(
          want.get(r.istat_code),
        );
        if (consorzioMembers.includes(r.istat_code))
          for (const code of want.get(r.istat_code)!)
            expect(r.energy_community_codes.split(';')).toContain(code);
      }
    } finally {
      await http.close();
    }
  });
});
