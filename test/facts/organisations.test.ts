import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllOrganizationsDocument, type AllOrganizationsQuery } from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';

/*
 * Seed facts, "Organisations" (top of shared/facts/seed-facts.md) and the organisations that
 * section 7 names: each is held with its kind, its roles and a dated source.
 */

type Hub = Awaited<ReturnType<typeof createTestHub>>;
type Org = AllOrganizationsQuery['organizations'][number];
let hub: Hub;
let orgs: Map<string, Org>;
beforeAll(async () => {
  hub = await createTestHub();
  const { data, errors } = await hub.run(AllOrganizationsDocument);
  expect(errors).toBeUndefined();
  orgs = new Map(data!.organizations.map((o) => [o.code, o]));
});
afterAll(() => hub.close());

/** The Organisations list: code, name as listed, kind, and what the list says of each. */
const LISTED: [string, RegExp, string, RegExp[]][] = [
  [
    'consorzio-it',
    /^Consorzio\.IT S\.p\.A\.$/,
    'IN_HOUSE_COMPANY',
    [
      /in-house company of the Cremasco comuni/i,
      /via del Commercio 29/,
      /52 comuni/,
      /Ufficio Bandi/,
      /RTD territoriale/,
      /7 supra-municipal waste platforms/,
    ],
  ],
  ['linea-gestioni', /^Linea Gestioni$/, 'COMPANY', [/A2A group/, /urban waste collection/]],
  [
    'open-fiber',
    /^Open Fiber S\.p\.A\.$/,
    'COMPANY',
    [/Wholesale-only/, /no service to end users/],
  ],
  [
    'infratel-italia',
    /^Infratel Italia$/,
    'COMPANY',
    [/Ministry of Enterprises and Made in Italy/, /broadband tenders/],
  ],
  ['fondazione-lgh', /^Fondazione LGH$/, 'FOUNDATION', [/A2A group/, /energy-community/]],
  ['provincia-cremona', /^Provincia di Cremona$/, 'PUBLIC_BODY', []],
  ['regione-lombardia', /^Regione Lombardia$/, 'PUBLIC_BODY', [/PPC online/]],
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

/** Organisations that section 7 names (digital facilitation, RTD, Cantiere 8). */
const SECTION_7: [string, string][] = [
  ['rtd-territoriale', 'SHARED_OFFICE'],
  ['iss-galilei', 'SCHOOL'],
  ['istituto-pacioli', 'SCHOOL'],
  ['liceo-racchetti-vinci', 'SCHOOL'],
  ['politecnico-milano-cremona', 'UNIVERSITY'],
  ['cres', 'ASSOCIATION'],
  ['fondazione-benefattori-cremaschi', 'FOUNDATION'],
  ['cna-cremona', 'ASSOCIATION'],
  ['ats-io-ci-credo', 'ASSOCIATION'],
];

/** A source note names a date, a month, or says that the release is undated. */
const DATED =
  /\d{4}-\d{2}-\d{2}|(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}|undated/;

describe('the organisations of the list', () => {
  it.each(LISTED)('%s: name, kind, roles and a dated source', (code, name, kind, facts) => {
    const o = orgs.get(code)!;
    expect(o, code).toBeDefined();
    expect(o.name).toMatch(name);
    expect(o.kind).toBe(kind);
    for (const f of facts) expect(o.roleNotes).toMatch(f);
    expect(o.source.datasetId).toBe('press-consorzio-it');
    expect(o.source.note).toMatch(DATED);
  });
});

describe('the organisations of section 7', () => {
  it.each(SECTION_7)('%s is held as %s with a dated source', (code, kind) => {
    const o = orgs.get(code)!;
    expect(o, code).toBeDefined();
    expect(o.kind).toBe(kind);
    expect(o.roleNotes).toBeTruthy();
    expect(o.source.note).toMatch(DATED);
  });
});
