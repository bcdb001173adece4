import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FactsCollectionCentresDocument,
  FactsEnergyDocument,
  FactsOrganizationsDocument,
  FactsPnrrDocument,
  type FactsPnrrQuery,
} from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';

/**
 * Every fact of shared/facts/seed-facts.md, sections "Organisations", 1, 3 and 5, asked with
 * an operation of test/operations/facts.graphql, its answer and its source checked. The
 * expected values are the facts as the seed-facts file states them (restated here, since
 * that file lives outside the repository). Section 1's context fact (the "Polo della
 * sicurezza" in Crema) is not a record of the hub: seed-facts section 7 lists it as context.
 */
type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

const PRESS = 'press-consorzio-it';
/** A source note that dates its source: a day, a month, or says it is undated. */
const DATED =
  /\b\d{4}-\d{2}-\d{2}\b|\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b|\bundated\b/;

describe('Organisations (seed-facts, "Organisations")', () => {
  const FACTS: [code: string, name: RegExp, kind: string, role: RegExp[]][] = [
    [
      'consorzio-it',
      /^Consorzio\.IT S\.p\.A\.$/,
      'IN_HOUSE_COMPANY',
      [
        /in-house/i,
        /Crema \(via del Commercio 29\)/,
        /52 comuni/,
        /Ufficio Bandi/,
        /RTD territoriale/,
        /7 supra-municipal waste platforms/,
      ],
    ],
    [
      'linea-gestioni',
      /^Linea Gestioni$/,
      'COMPANY',
      [/A2A group/, /waste collection in the Cremasco/],
    ],
    [
      'open-fiber',
      /^Open Fiber S\.p\.A\.$/,
      'COMPANY',
      [/Wholesale-only/, /sells no service to end users/],
    ],
    [
      'infratel-italia',
      /^Infratel Italia$/,
      'COMPANY',
      [/Ministry of Enterprises and Made in Italy/, /broadband tenders/],
    ],
    ['fondazione-lgh', /^Fondazione LGH$/, 'FOUNDATION', [/A2A group/, /energy-community/]],
    ['provincia-cremona', /^Provincia di Cremona$/, 'PUBLIC_BODY', []],
    ['regione-lombardia', /^Regione Lombardia$/, 'PUBLIC_BODY', []],
    ['comune-cremona', /^Comune di Cremona$/, 'PUBLIC_BODY', []],
    ['crit', /Cremona Information Technology/, 'COMPANY', [/Polo per l'Innovazione Digitale/]],
    ['rei', /Reindustria Innovazione/, 'COMPANY', []],
    [
      'cciaa-cremona-mantova-pavia',
      /^Camera di Commercio di Cremona, Mantova e Pavia$/,
      'PUBLIC_BODY',
      [],
    ],
    ['geometrics', /^Geometrics$/, 'COMPANY', [/Casaletto Ceredano/, /civil-protection plans/]],
  ];

  it.each(FACTS)('holds %s with its roles and a dated source', async (code, name, kind, role) => {
    const { data, errors } = await hub.run(FactsOrganizationsDocument);
    expect(errors).toBeUndefined();
    const o = data!.organizations.find((x) => x.code === code)!;
    expect(o, code).toBeDefined();
    expect(o.name).toMatch(name);
    expect(o.kind).toBe(kind);
    for (const r of role) expect(o.roleNotes).toMatch(r);
    expect(o.source.datasetId).toBe(PRESS);
    expect(o.source.note).toMatch(DATED);
  });
});

describe('1. Waste collection centres', () => {
  const PLATFORMS = [
    'Bagnolo Cremasco',
    'Castelleone',
    'Crema',
    'Montodine',
    'Offanengo',
    'Pandino',
    'Soncino',
  ];
  const JOINED = [
    'Agnadello',
    'Annicco',
    'Camisano',
    'Campagnola Cremasca',
    'Capergnanica',
    'Capralba',
    'Casaletto Ceredano',
    'Casaletto di Sopra',
    'Casaletto Vaprio',
    'Casalmorano',
    'Castel Gabbiano',
    'Credera Rubbiano',
    'Cremosano',
    'Cumignano sul Naviglio',
    'Formigara',
    'Genivolta',
    'Madignano',
    'Monte Cremasco',
    'Moscazzano',
    'Pianengo',
    'Pieranica',
    'Pizzighettone',
    'Quintano',
    'Ricengo',
    'Ripalta Arpina',
    'Ripalta Cremasca',
    'Romanengo',
    'Salvirola',
    'Sergnano',
    "Spino d'Adda",
    'Ticengo',
    'Torlino Vimercati',
    'Trigolo',
    'Vaiano Cremasco',
    'Vailate',
  ];
  let q: Awaited<ReturnType<typeof run>>;
  const run = async () => {
    const { data, errors } = await hub.run(FactsCollectionCentresDocument);
    expect(errors).toBeUndefined();
    return data!;
  };
  beforeAll(async () => {
    q = await run();
  });
  const undated = (note: string | null | undefined) => {
    expect(note).toMatch(/undated/);
    expect(note).toMatch(/mid-February 2023/);
  };

  it('7 comuni host a supra-municipal platform owned by Consorzio.IT, outside the programme', () => {
    const platforms = q.collectionCentres.edges.map((e) => e.node);
    expect(platforms.map((p) => p.comune.name).sort()).toEqual(PLATFORMS);
    for (const p of platforms) {
      expect(p.owner?.code).toBe('consorzio-it');
      expect(p.operator?.code).toBe('linea-gestioni');
      expect(p.source.datasetId).toBe(PRESS);
      undated(p.source.note);
    }
    const [p] = q.upgradeProgrammes;
    expect(p.excludedComuni.map((c) => c.name).sort()).toEqual(PLATFORMS);
    expect(p.exclusionReason).toMatch(/7 supra-municipal platforms/);
  });

  it('the upgrade programme: compliance, safety, improvements; more than 2,000,000 EUR VAT excluded, no cost for the comuni, paid back by an agreement and a fee of Linea Gestioni', () => {
    const [p] = q.upgradeProgrammes;
    expect(p.purpose).toMatch(/compliance/);
    expect(p.purpose).toMatch(/safety/);
    expect(p.purpose).toMatch(/functional improvements/);
    expect([p.investment, p.investmentQualifier, p.investmentVatExcluded]).toEqual([
      '2000000.00',
      'MORE_THAN',
      true,
    ]);
    expect(p.investor.code).toBe('consorzio-it');
    expect(p.noCostToComuni).toBe(true);
    expect(p.paybackDescription).toMatch(/multi-year agreement/);
    expect(p.paybackDescription).toMatch(
      /on top of the fee it already pays for the 7 supra-municipal platforms/,
    );
    expect(p.feePayer?.code).toBe('linea-gestioni');
    expect(p.source.datasetId).toBe(PRESS);
    undated(p.source.note);
  });

  it('35 comuni joined, first phase', () => {
    const [p] = q.upgradeProgrammes;
    expect(p.phase).toMatch(/first phase/);
    expect(p.participants.totalCount).toBe(35);
    expect(p.participants.edges.map((e) => e.node.name).sort()).toEqual([...JOINED].sort());
    expect(p.participantsGrouping).toMatchObject({ declaredMemberCount: 35, memberCount: 35 });
  });

  it('timeline: resolutions of essentially all by 2023-01-31, 4 lots by contiguity, 4 tenders mid-February 2023, 7 months of works, starts by May 2023, completion in the first half of 2024', () => {
    const [p] = q.upgradeProgrammes;
    const m = Object.fromEntries(p.milestones.map((x) => [x.kind, x]));
    expect(m.COUNCIL_RESOLUTIONS).toMatchObject({
      on: '2023-01-31',
      precision: 'DAY',
      qualifier: 'BY',
      status: 'HAPPENED',
    });
    expect(m.COUNCIL_RESOLUTIONS.description).toMatch(/^Essentially all the joining comuni/);
    expect(p.lots).toHaveLength(4);
    expect(p.lotCriterion).toMatch(/territorial contiguity/);
    for (const l of p.lots)
      expect(l).toMatchObject({
        membershipKnown: false,
        status: 'TENDER_PUBLISHED',
        durationMonths: 7,
      });
    expect(m.TENDERS_PUBLISHED).toMatchObject({
      on: '2023-02-01',
      precision: 'MONTH',
      qualifier: 'MID',
      status: 'HAPPENED',
    });
    expect(m.TENDERS_PUBLISHED.description).toMatch(/4 tenders/);
    expect(p.worksDurationMonths).toBe(7);
    expect(m.WORKS_START).toMatchObject({
      on: '2023-05-01',
      precision: 'MONTH',
      qualifier: 'BY',
      status: 'EXPECTED',
    });
    expect(m.WORKS_START.description).toMatch(/7 months from its start-of-works record/);
    expect(m.WORKS_COMPLETION).toMatchObject({
      on: '2024-01-01',
      precision: 'HALF_YEAR',
      qualifier: 'WITHIN',
      status: 'EXPECTED',
    });
    for (const x of p.milestones) {
      expect(x.source.datasetId).toBe(PRESS);
      undated(x.source.note);
    }
  });
});

describe('3. Renewable energy communities', () => {
  it('the CER of Crema, area ex Olivetti: a solar model replicable across the Area Omogenea Cremasca, its feasibility study funded by Fondazione LGH with 103,000 EUR (2023-02-28)', async () => {
    const { data, errors } = await hub.run(FactsEnergyDocument);
    expect(errors).toBeUndefined();
    const cer = data!.energyCommunities.find((c) => c.site === 'area ex Olivetti')!;
    expect(cer).toMatchObject({
      status: 'FEASIBILITY_STUDY',
      technology: 'SOLAR',
      promoter: { code: 'consorzio-it' },
      replicationArea: { code: 'area-omogenea-cremasca' },
      comuni: [{ name: 'Crema' }],
    });
    expect(cer.aim).toMatch(/replicable/);
    expect(cer.source.datasetId).toBe(PRESS);
    expect(cer.source.note).toMatch(/2023-02-28/);
    expect(cer.fundings).toHaveLength(1);
    expect(cer.fundings[0]).toMatchObject({
      funder: { code: 'fondazione-lgh' },
      amount: '103000.00',
      announcedOn: '2023-02-28',
      announcedPrecision: 'DAY',
    });
    expect(cer.fundings[0].purpose).toMatch(/[Ff]easibility study/);
    expect(cer.fundings[0].source).toEqual({ datasetId: PRESS, note: 'press release, 2023-02-28' });
  });

  it("Crema's mayor wrote to the citizens about the energy communities of Crema (2023-04-13)", async () => {
    const { data } = await hub.run(FactsEnergyDocument);
    const letter = data!.comune!.energyEvents.find((e) => e.kind === 'LETTER_TO_CITIZENS')!;
    expect(letter.date).toEqual({ on: '2023-04-13', precision: 'DAY' });
    expect(letter.authorRole).toMatch(/mayor of Crema/);
    expect(letter.summary).toMatch(/energy communities of Crema/);
    expect(letter.source).toEqual({ datasetId: PRESS, note: 'press release, 2023-04-13' });
  });
});

describe('5. PNRR digital measures', () => {
  let q: FactsPnrrQuery;
  beforeAll(async () => {
    const { data, errors } = await hub.run(FactsPnrrDocument);
    expect(errors).toBeUndefined();
    q = data!;
  });

  it('the Cremasco comuni have 11,038,976 EUR of PNRR digital funds (press, Nov 2022), in six rounded parts', () => {
    const total = q.claims.find((c) => c.measure === null && c.asOf === '2022-11-17')!;
    expect(total).toMatchObject({ value: '11038976.00', wording: 'EXACT', partOf: null });
    const PARTS: [string, string, string][] = [
      ['1.2', '2630000.00', 'ROUNDED'],
      ['1.3.1', '427000.00', 'ROUNDED'],
      ['1.4.1', '3500000.00', 'ROUNDED'],
      ['1.4.3', '1000000.00', 'ALMOST'],
      ['1.4.4', '500000.00', 'OVER'],
      ['1.4.5', '954000.00', 'ROUNDED'],
    ];
    for (const [measure, value, wording] of PARTS) {
      const c = q.claims.find((x) => x.measure?.code === measure)!;
      expect(c, measure).toMatchObject({
        value,
        wording,
        asOf: '2022-11-17',
        partOf: { code: total.code },
      });
    }
    expect(total.partsSum?.stated).toBe('9011000.00');
    for (const c of q.claims.filter((x) => x.asOf === '2022-11-17')) {
      expect(c.source.datasetId).toBe(PRESS);
      expect(c.source.note).toMatch(/2022-11-17/);
    }
  });

  it('goals must be reached by 2026', () => {
    const f = q.pnrrFramework!;
    expect(f.goalsDueBy).toEqual({ on: '2026-01-01', precision: 'YEAR', label: '2026' });
    expect(f.goalsNote).toMatch(/by 2026/);
    expect(f.source.datasetId).toBe(PRESS);
    expect(f.source.note).toMatch(/2022-11-17/);
  });

  it('some comuni delegate the whole project to Consorzio.IT; others (e.g. Crema) run it themselves with its support', () => {
    const f = q.pnrrFramework!;
    expect(f.implementationNote).toMatch(
      /delegate the whole project to Consorzio\.IT \(application, execution, reporting\)/,
    );
    expect(f.implementationNote).toMatch(/Crema/);
    expect(q.crema!.pnrr.implementation).toMatchObject({
      mode: 'SELF_WITH_SUPPORT',
      source: { datasetId: PRESS },
    });
    expect(q.crema!.pnrr.implementation!.source.note).toMatch(/2022-11-17/);
    // Which comuni delegate is not in the sources: unknown, not guessed.
    expect(q.vailate!.pnrr.implementation).toBeNull();
  });

  it('PNRR works are reported in ReGiS, native and merged works alike', () => {
    const f = q.pnrrFramework!;
    expect(f.reportingSystem).toBe('ReGiS');
    expect(f.reportingNote).toMatch(/"native"/);
    expect(f.reportingNote).toMatch(/"merged"/);
    expect(f.reportingNote).toMatch(/earlier state funding moved into the PNRR/);
    expect(f.source.note).toMatch(/2022-12-21/);
  });

  it('the real per-comune amounts are public open data (PA digitale 2026)', () => {
    expect(q.crema!.pnrr.total).toMatch(/^\d+\.\d{2}$/);
    expect(q.crema!.pnrr.grants.edges[0].node.source).toEqual({
      datasetId: 'padigitale2026-candidature',
      licence: 'CC-BY-4.0',
    });
    const ds = q.datasets.find((d) => d.id === 'padigitale2026-candidature')!;
    expect(ds.publisher).toMatch(/Dipartimento per la trasformazione digitale/);
    expect(ds.url).toMatch(/padigitale2026-opendata/);
  });
});
