import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ComuneFacilitationDocument,
  FacilitationCountsDocument,
  FacilitationMeetingsDocument,
  FacilitationTalliesDocument,
  InitiativeNodeDocument,
  InitiativesDocument,
  OrganizationFactsDocument,
  QualityFlagsByCodeDocument,
  type FacilitationMeetingsQuery,
  type InitiativesQuery,
} from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';
import { consorzioMembers, provinceComuni } from './raw.js';

/*
 * Seed facts, section 7: digital facilitation, training and the digital agenda. The facts
 * are restated from shared/facts/seed-facts.md; each answer is checked with its source.
 */

type Hub = Awaited<ReturnType<typeof createTestHub>>;
type Meeting = FacilitationMeetingsQuery['facilitationMeetings']['edges'][number]['node'];
type InitiativeNode = InitiativesQuery['initiatives']['edges'][number]['node'];
let hub: Hub;
let meetings: Meeting[];
let initiatives: InitiativeNode[];
beforeAll(async () => {
  hub = await createTestHub();
  const m = await hub.run(FacilitationMeetingsDocument, { first: 100 });
  expect(m.errors).toBeUndefined();
  meetings = m.data!.facilitationMeetings.edges.map((e) => e.node);
  const i = await hub.run(InitiativesDocument, { first: 100 });
  expect(i.errors).toBeUndefined();
  initiatives = i.data!.initiatives.edges.map((e) => e.node);
});
afterAll(() => hub.close());

const ARTICLE = /article of late November 2025/;
const meeting = (on: string) => meetings.find((m) => m.date.on === on)!;
const initiative = (code: string) => initiatives.find((i) => i.code === code)!;
const codes = (xs: { code: string }[]) => xs.map((x) => x.code);
const timelineOf = async (istatCode: string) =>
  (await hub.run(ComuneFacilitationDocument, { istatCode })).data!.comune!;

describe('digital facilitation (PNRR, Facilitazione Digitale)', () => {
  it('is run by Consorzio.IT with ISS Galilei as partner, for staff, then schools and citizens', () => {
    const p = initiative('facilitazione-digitale-consorzio-it');
    expect(p).toMatchObject({ kind: 'PROGRAMME', date: null, domain: 'pnrr' });
    expect(p.dateNote).toMatch(/No start date/);
    expect(p.organizations.map((o) => [o.organization.code, o.role])).toEqual([
      ['consorzio-it', 'runs the programme'],
      ['iss-galilei', 'partner'],
      ['iss-galilei', 'school reached (teachers, parents, students)'],
      ['istituto-pacioli', 'school reached (teachers, parents, students)'],
      ['liceo-racchetti-vinci', 'school reached (teachers, parents, students)'],
    ]);
    expect(p.summary).toMatch(/municipal staff first, then schools .* and citizens/);
    expect(p.source.note).toMatch(ARTICLE);
  });

  it('keeps the 12 public meetings already held as a count, with no invented dates', async () => {
    const { data } = await hub.run(FacilitationTalliesDocument);
    expect(data!.facilitationTallies).toEqual([
      expect.objectContaining({
        kind: 'PUBLIC_MEETING',
        status: 'HELD',
        count: 12,
        reported: { on: '2025-11-01', precision: 'MONTH', label: '2025-11' },
        area: 'in Cremasco comuni',
        programme: expect.objectContaining({ code: 'facilitazione-digitale-consorzio-it' }),
      }),
    ]);
    expect(data!.facilitationTallies[0].note).toMatch(/without their dates or comuni/);
    expect(data!.facilitationTallies[0].source.note).toMatch(ARTICLE);
    // None of the 12 is a stored session: the four sessions stored are the dated ones.
    expect(meetings.map((m) => m.date.on)).toEqual([
      '2025-11-26',
      '2025-11-27',
      '2025-12-04',
      '2025-12-18',
    ]);
  });

  it('held a free course on digital citizenship at the Politecnico, Cremona seat, on Wednesday 2025-11-26, about 50 participants', () => {
    const m = meeting('2025-11-26');
    expect(m).toMatchObject({
      kind: 'COURSE',
      date: { on: '2025-11-26', precision: 'DAY' },
      venue: 'Aula Magna, Politecnico di Milano, Cremona seat',
      comune: { istatCode: '019036', name: 'Cremona' },
      participants: { value: 50, approximate: true },
      status: 'HELD',
      programme: { code: 'facilitazione-digitale-consorzio-it' },
    });
    expect(codes(m.organizations)).toEqual(['politecnico-milano-cremona', 'cres']);
    expect(new Date('2025-11-26T12:00:00Z').getUTCDay()).toBe(3); // a Wednesday in 2025
    expect(m.dateNote).toMatch(/2025 is inferred/);
    expect(m.source).toMatchObject({ datasetId: 'press-consorzio-it' });
    expect(m.source.note).toMatch(ARTICLE);
  });

  it('trained about 30 staff at Fondazione Benefattori Cremaschi on Thursday 2025-11-27', () => {
    const m = meeting('2025-11-27');
    expect(m).toMatchObject({
      kind: 'STAFF_TRAINING',
      venue: 'Fondazione Benefattori Cremaschi',
      audience: 'STAFF',
      participants: { value: 30, approximate: true },
      comune: null,
    });
    expect(m.locationNote).toMatch(/not the comune/);
    expect(new Date('2025-11-27T12:00:00Z').getUTCDay()).toBe(4);
  });

  it('announced public meetings in Pandino (2025-12-04, 20:30, Sala Civica) and Crema (2025-12-18, 18:00, Sala Ricevimenti) on SPID, CIE, pagoPA', () => {
    for (const [on, time, venue, istat, name] of [
      ['2025-12-04', '20:30', 'Sala Civica', '019067', 'Pandino'],
      ['2025-12-18', '18:00', 'Sala Ricevimenti', '019035', 'Crema'],
    ]) {
      const m = meeting(on);
      expect(m).toMatchObject({
        kind: 'PUBLIC_MEETING',
        startTime: time,
        startsAt: `${on}T${time}:00+01:00`,
        venue,
        comune: { istatCode: istat, name },
        audience: 'CITIZENS',
        participants: null,
        topics: ['SPID', 'CIE', 'pagoPA'],
        status: 'ANNOUNCED',
      });
      expect(m.statusNote).toMatch(
        /whether it took place, and with how many people, is not reported/,
      );
    }
  });
});

describe('"next meetings near me" for a partner app', () => {
  const next = async (filter: Record<string, unknown>, first = 10, after?: string | null) => {
    const r = await hub.run(FacilitationMeetingsDocument, { filter, first, after } as never);
    return r;
  };

  it('lists the upcoming sessions of a comune or territory from a date, in order, paged', async () => {
    const pandino = await next({ territory: '019067', from: '2025-12-01' });
    expect(pandino.data!.facilitationMeetings.edges.map((e) => e.node.code)).toEqual([
      '2025-12-04-pandino-sala-civica',
    ]);
    const first = await next(
      { territory: 'consorzio-it', from: '2025-11-28', audience: 'CITIZENS' },
      1,
    );
    const page1 = first.data!.facilitationMeetings;
    expect(page1.totalCount).toBe(2);
    expect(page1.edges.map((e) => e.node.comune!.name)).toEqual(['Pandino']);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await next(
      { territory: 'consorzio-it', from: '2025-11-28', audience: 'CITIZENS' },
      1,
      page1.pageInfo.endCursor,
    );
    expect(second.data!.facilitationMeetings.edges.map((e) => e.node.comune!.name)).toEqual([
      'Crema',
    ]);
    expect(second.data!.facilitationMeetings.pageInfo.hasNextPage).toBe(false);
    const later = await next({ territory: 'consorzio-it', from: '2025-12-19' });
    expect(later.data!.facilitationMeetings).toMatchObject({ totalCount: 0, edges: [] });
    // A territory leaves out the session whose comune is unknown.
    const province = await next({ territory: 'province-cr', from: '2025-11-26' });
    expect(province.data!.facilitationMeetings.edges.map((e) => e.node.date.on)).toEqual([
      '2025-11-26',
      '2025-12-04',
      '2025-12-18',
    ]);
  });

  it('refuses a forged cursor and an empty date range, naming the argument', async () => {
    const forged = await next({}, 5, 'bm90LWEtY3Vyc29y');
    expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(forged.errors?.[0].message).toMatch(/after/);
    const range = await next({ from: '2025-12-10', until: '2025-12-01' });
    expect(range.errors?.[0].message).toMatch(/filter\.until/);
    const place = await next({ territory: 'nowhere' });
    expect(place.errors?.[0].message).toMatch(/filter\.territory/);
  });
});

describe('per-comune facilitation counts in the dossier', () => {
  it('counts the sessions of each comune and says the count is a lower bound where the 12 may belong', async () => {
    const { data } = await hub.run(FacilitationCountsDocument, { grouping: 'province-cr' });
    const byComune = new Map(
      data!.comuni.edges.map((e) => [e.node.istatCode, e.node.digitalFacilitation]),
    );
    expect([...byComune.keys()].sort()).toEqual(provinceComuni);
    const placed = new Map<string, number>();
    for (const m of meetings)
      if (m.comune) placed.set(m.comune.istatCode, (placed.get(m.comune.istatCode) ?? 0) + 1);
    for (const [istat, f] of byComune) {
      expect(f.meetingCount, istat).toBe(placed.get(istat) ?? 0);
      // The 12 meetings "in Cremasco comuni" may have been in any of the programme's comuni.
      expect(f.countComplete, istat).toBe(!consorzioMembers.includes(istat));
    }
    const crema = await timelineOf('019035');
    expect(crema.digitalFacilitation).toMatchObject({
      meetingCount: 1,
      heldCount: 0,
      announcedCount: 1,
      unplacedReportedCount: 12,
      countComplete: false,
    });
    expect(crema.digitalFacilitation.note).toMatch(/lower bound/);
    const event = crema.timeline.find((e) => e.kind === 'FACILITATION_MEETING')!;
    expect(event).toMatchObject({ on: '2025-12-18', precision: 'DAY', domain: 'pnrr' });
    expect(event.title).toMatch(/18:00, Sala Ricevimenti \(announced\)/);
    const node = await hub.run(InitiativeNodeDocument, { id: event.entityId! });
    expect(node.data!.node).toMatchObject({ code: '2025-12-18-crema-sala-ricevimenti' });
  });
});

describe('RTD territoriale (item dated 2022-12-15)', () => {
  it('is a shared office with its member comuni and Consorzio.IT, roles only', async () => {
    const { data } = await hub.run(OrganizationFactsDocument, { code: 'rtd-territoriale' });
    const o = data!.organization!;
    expect(o.kind).toBe('SHARED_OFFICE');
    expect(
      o.members.map((m) => [m.role, m.comune?.name ?? m.memberOrganization?.code ?? null]),
    ).toEqual([
      ['LEAD', "Spino d'Adda"],
      ['STAFF', 'Crema'],
      ['STAFF', 'Vailate'],
      ['STAFF', 'Cremosano'],
      ['STAFF', null],
      ['SUPPORT', 'consorzio-it'],
    ]);
    expect(o.members[4].roleNote).toMatch(/municipal secretary .* serving several comuni/);
    const member = await hub.run(InitiativeNodeDocument, { id: o.members[0].id });
    expect(member.data!.node).toMatchObject({ role: 'LEAD' });
    for (const m of o.members) expect(m.source.note).toMatch(/2022-12-15/);
    expect(o.source.note).toMatch(/2022-12-15/);
    const spino = await timelineOf('019102');
    expect(spino.organizationRoles.map((r) => [r.organization.code, r.role])).toEqual([
      ['rtd-territoriale', 'LEAD'],
    ]);
  });

  it('trained about 100 municipal officials in December 2022, after a cybersecurity course in November', async () => {
    const t = initiative('rtd-training-2022-12');
    expect(t).toMatchObject({
      kind: 'TRAINING',
      date: { on: '2022-12-01', precision: 'MONTH', label: '2022-12' },
      participants: { value: 100, approximate: true },
    });
    for (const topic of [
      'RTD office',
      'SPID',
      'CIE',
      'eIDAS',
      'pagoPA',
      'app IO',
      'PN',
      'PDND',
      'ITIS Crema',
    ])
      expect(t.summary).toContain(topic);
    expect(t.dateNote).toMatch(/2022-12-15/);
    expect(initiative('rtd-cybersecurity-course-2022-11').date).toMatchObject({
      on: '2022-11-01',
      precision: 'MONTH',
    });
    const spino = await timelineOf('019102');
    expect(spino.timeline.map((e) => [e.on, e.precision, e.kind])).toContainEqual([
      '2022-12-01',
      'MONTH',
      'TRAINING',
    ]);
  });
});

it('ReGiS training: 2022-12-14 at via del Commercio 29, Crema, by the Ufficio Bandi (item 2022-12-21), in every member comune’s timeline', async () => {
  const t = initiative('regis-training-2022-12-14');
  expect(t).toMatchObject({
    kind: 'TRAINING',
    date: { on: '2022-12-14', precision: 'DAY' },
    venue: 'Consorzio.IT, via del Commercio 29, Crema',
    domain: 'pnrr',
  });
  expect(t.organizations[0].role).toMatch(/Ufficio Bandi/);
  expect(t.summary).toMatch(/ReGiS/);
  expect(t.summary).toMatch(/"native" and "merged" works/);
  expect(t.dateNote).toMatch(/2022-12-21/);
  expect(t.comuni.map((c) => c.comune.istatCode)).toEqual(consorzioMembers);
  const node = await hub.run(InitiativeNodeDocument, { id: t.id });
  expect(node.data!.node).toMatchObject({ code: t.code, title: t.title });
  const found = await hub.run<
    { search: { edges: { node: { __typename: string; code?: string } }[] } },
    never
  >(
    '{ search(text: "ReGiS training", types: ["Initiative"]) { edges { node { __typename ... on Initiative { code } } } } }',
  );
  expect(found.data!.search.edges[0].node).toEqual({ __typename: 'Initiative', code: t.code });
  const { data } = await hub.run(InitiativesDocument, {
    filter: { territory: '019054', kind: 'TRAINING' },
    first: 10,
  } as never);
  expect(data!.initiatives.edges.map((e) => e.node.code)).toEqual(['regis-training-2022-12-14']);
});

describe('the digital agenda of the province', () => {
  it('the CRIT protocol was approved by the Comune di Cremona’s Giunta on 2020-09-16 (CRIT = Cremona Information Technology)', async () => {
    const p = initiative('crit-protocol-2020');
    expect(p).toMatchObject({ kind: 'PROTOCOL', date: { on: '2020-09-16', precision: 'DAY' } });
    expect(p.summary).toMatch(/early October 2020/);
    expect(p.summary).toMatch(/Polo per l'Innovazione Digitale/);
    expect(p.comuni.map((c) => c.comune.istatCode)).toEqual(['019036']);
    const cremona = await timelineOf('019036');
    expect(cremona.timeline.map((e) => [e.on, e.kind])).toContainEqual(['2020-09-16', 'PROTOCOL']);
  });

  it('keeps both expansions of CRIT with their sources, flagged as a conflict', async () => {
    const { data } = await hub.run(OrganizationFactsDocument, { code: 'crit' });
    const o = data!.organization!;
    expect(o.names.map((n) => n.name)).toEqual([
      'Cremona Information Technology',
      'Crescita Relazione Innovazione Territorio',
    ]);
    expect(o.names[0].source.note).toMatch(/2020-09-16/);
    expect(o.names[1].source.note).toMatch(/Cantiere 8.*May 2025/);
    expect(o.qualityIssues.map((q) => q.code)).toEqual(['CONFLICTING_NAMES']);
    const flags = await hub.run(QualityFlagsByCodeDocument, { code: 'CONFLICTING_NAMES' });
    expect(flags.data!.dataQualityIssues[0].message).toMatch(
      /"Cremona Information Technology".*"Crescita Relazione Innovazione Territorio"/,
    );
    expect(codes(o.initiatives).sort()).toEqual(
      ['cantiere-8-potenziamento-digitale-2025-05', 'crit-protocol-2020'].sort(),
    );
  });

  it('Cantiere 8 "Potenziamento del Digitale" first met in May 2025, with its roles', async () => {
    const c = initiative('cantiere-8-potenziamento-digitale-2025-05');
    expect(c).toMatchObject({
      kind: 'WORKING_GROUP',
      date: { on: '2025-05-01', precision: 'MONTH', label: '2025-05' },
      venue: 'Provincia di Cremona, with a link to Consorzio.IT in Crema',
    });
    const roles = new Map(c.organizations.map((o) => [o.organization.code, o.role]));
    expect(roles.get('crit')).toBe('team leader');
    expect(roles.get('rei')).toBe('technical secretariat');
    expect(roles.get('ats-io-ci-credo')).toMatch(/ATS/);
    for (const org of ['cna-cremona', 'cciaa-cremona-mantova-pavia', 'provincia-cremona'])
      expect(roles.has(org)).toBe(true);
    expect(c.summary).toMatch(/operational working group is to be formed/);
    expect(c.comuni.map((x) => x.comune.istatCode)).toEqual(['019035', '019036']);
  });

  it('the provincial study centre, the yearbook and the digital-maturity questionnaire concern every comune', async () => {
    const plans = {
      'centro-studi-provinciale-2025': ['PLAN', /provincial study centre/],
      'annuario-statistico-provinciale-2025': ['PROPOSAL', /statistical yearbook/],
      'questionario-maturita-digitale-2025': ['PROPOSAL', /digital maturity/],
    } as const;
    for (const [code, [kind, title]] of Object.entries(plans)) {
      const p = initiative(code);
      expect(p.kind).toBe(kind);
      expect(p.title).toMatch(title);
      expect(p.date).toMatchObject({ on: '2025-05-01', precision: 'MONTH' });
      expect(p.comuni.map((c) => c.comune.istatCode)).toEqual(provinceComuni);
    }
    const yearbook = initiative('annuario-statistico-provinciale-2025');
    expect(yearbook.organizations.map((o) => o.organization.code)).toEqual([
      'comune-cremona',
      'provincia-cremona',
      'cciaa-cremona-mantova-pavia',
    ]);
    const izano = await timelineOf('019054');
    expect(izano.initiatives.map((i) => i.code)).toEqual(
      expect.arrayContaining(['centro-studi-provinciale-2025', 'regis-training-2022-12-14']),
    );
  });

  it('filters and pages the initiatives, newest first', async () => {
    const seen: string[] = [];
    let after: string | null | undefined = null;
    for (let i = 0; i < 20; i++) {
      const r: Awaited<ReturnType<typeof hub.run<InitiativesQuery, never>>> = await hub.run(
        InitiativesDocument,
        { first: 2, after } as never,
      );
      seen.push(...r.data!.initiatives.edges.map((e) => e.node.code));
      if (!r.data!.initiatives.pageInfo.hasNextPage) break;
      after = r.data!.initiatives.pageInfo.endCursor;
    }
    expect(seen).toEqual(initiatives.map((i) => i.code));
    const dates = initiatives.map((i) => i.date?.on ?? '0000');
    expect([...dates].sort().reverse()).toEqual(dates);
    const may = await hub.run(InitiativesDocument, {
      filter: { from: '2025-05-31', until: '2025-05-31' },
      first: 10,
    } as never);
    expect(may.data!.initiatives.totalCount).toBe(4); // known to the month: May 2025 may include the 31st
  });
});

describe('dated items of the other domains (section 7)', () => {
  it('the CER letter of the mayor (2023-04-13) and the Fondazione LGH funding (2023-02-28)', async () => {
    const crema = await timelineOf('019035');
    expect(crema.timeline.map((e) => [e.on, e.kind])).toEqual(
      expect.arrayContaining([
        ['2023-04-13', 'LETTER_TO_CITIZENS'],
        ['2023-02-28', 'FUNDING_ANNOUNCED'],
      ]),
    );
    for (const e of crema.timeline.filter((x) => ['2023-04-13', '2023-02-28'].includes(x.on)))
      expect(e.source.note).toContain(`press release, ${e.on}`);
  });

  it('the Open Fiber meeting: item dated 2022-12-15, picture labelled 29.11.2022', async () => {
    const { data } = await hub.run(OrganizationFactsDocument, { code: 'open-fiber' });
    expect(data!.organization!.source.note).toMatch(/2022-12-15.*29\.11\.2022/);
  });
});
