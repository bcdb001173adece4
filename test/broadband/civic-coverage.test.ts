import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CivicCoverageDocument, type CivicCoverageQuery } from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';
import { comuni, fold, infratel } from './raw.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

type Answer = CivicCoverageQuery['civicCoverage'];

async function check(address: string): Promise<Answer> {
  const res = await hub.run(CivicCoverageDocument, { address });
  expect(res.errors, address).toBeUndefined();
  const a = res.data!.civicCoverage;
  // Every answer names its source and the mapping's date.
  expect(a.source).toMatchObject({ datasetId: 'infratel-mappatura-2025', synthetic: false });
  expect(a.mapping).toMatchObject({ code: 'infratel-2025', published: { label: '2025-08' } });
  expect(a.caveats.join(' ')).toMatch(/2028/);
  return a;
}

const raw = infratel();
const places = comuni();
const nameOf = new Map(places.map((c) => [c.com_istat_code, c.name]));
const capOf = new Map(places.map((c) => [c.com_istat_code, c.cap]));
const capShared = (cap: string) => places.filter((c) => c.cap === cap).length > 1;
const key = (r: Record<string, string>) => `${r.codice_istat}|${r.strada}|${r.civico}`;
const times = new Map<string, number>();
for (const r of raw) times.set(key(r), (times.get(key(r)) ?? 0) + 1);
/** Published streets, folded, by comune: to know which streets the list holds. */
const streets = new Map<string, Set<string>>();
for (const r of raw)
  streets.set(r.codice_istat, (streets.get(r.codice_istat) ?? new Set()).add(fold(r.strada)));

/** Ways people write a street type. */
const ABBREVIATION: Record<string, string> = {
  VIA: 'V.',
  VIALE: 'V.LE',
  PIAZZA: 'P.ZZA',
  "LOCALITA'": 'Loc.',
  STRADA: 'Str.',
  FRAZIONE: 'Fraz.',
  CORSO: 'C.so',
  VICOLO: 'V.lo',
  LARGO: 'L.go',
};
const titleCase = (s: string) =>
  s.toLowerCase().replace(/(^|[\s'])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());

/**
 * A sample of listed civics: every 250th row whose street and number are listed once in
 * the comune, with a plain house number and an exponent of letters or digits, if any.
 */
const sample = raw.filter(
  (r, i) =>
    i % 250 === 0 &&
    times.get(key(r)) === 1 &&
    /^[1-9]\d{0,3}(\/[A-Z0-9]{1,3})?$/.test(r.civico) &&
    ![...streets.get(r.codice_istat)!].some(
      (s) =>
        s !== fold(r.strada) &&
        fold(r.strada).split(' ').slice(1).join(' ') === s.split(' ').slice(1).join(' '),
    ),
);

describe('civicCoverage on listed civic numbers written in messy forms', () => {
  it('finds each with its category from the raw list, however it is written', async () => {
    expect(sample.length).toBeGreaterThan(30);
    for (const r of sample) {
      const [number, exponent] = r.civico.split('/');
      const comune = nameOf.get(r.codice_istat)!;
      const [type, ...rest] = r.strada.split(' ');
      const cap = capOf.get(r.codice_istat)!;
      const forms = [
        `${r.strada.toLowerCase()} ${r.civico.toLowerCase()}, ${comune}`,
        `${ABBREVIATION[type] ?? type} ${rest.join(' ')} ${number}${exponent ? (/^\d/.test(exponent) ? `/${exponent}` : exponent) : ''} ${capShared(cap) ? comune.toUpperCase() : cap}`,
        `${comune} - ${titleCase(r.strada).replace(/'/g, '\u2019')} ${number}${exponent ? (/^\d/.test(exponent) ? ` / ${exponent}` : ` ${exponent.toLowerCase()}`) : ''}`,
      ];
      for (const text of forms) {
        const a = await check(text);
        expect(a.comune.istatCode, text).toBe(r.codice_istat);
        expect(a.result, text).toBe('LISTED');
        expect(a.listed).toBe(true);
        expect(a.expectedAboveThreshold).toBe(false);
        expect(a.categories, text).toEqual([r.caratteristica]);
        expect(a.matchedStreet).toBe(r.strada);
        expect(a.civics).toHaveLength(1);
        expect(a.civics[0]).toMatchObject({
          civicNumber: r.civico,
          location: null,
          units: null,
          observation: { category: r.caratteristica, current: true },
        });
        expect(a.answer).toMatch(new RegExp(`^Listed: .*Category ${r.caratteristica}:`));
      }
    }
  });

  it('answers the issue\u2019s examples as the raw list says', async () => {
    const crema = places.find((c) => c.name === 'Crema')!;
    const roma = raw.filter(
      (r) => r.codice_istat === crema.com_istat_code && fold(r.strada) === 'via roma',
    );
    for (const text of ['via Roma 12, Crema', 'V. ROMA 12/a 26013']) {
      const a = await check(text);
      expect(a.comune.name).toBe('Crema');
      expect(a.result).toBe(
        roma.some((r) => r.civico === (text.includes('/a') ? '12/A' : '12'))
          ? 'LISTED'
          : roma.length
            ? 'NOT_LISTED_STREET_IN_LIST'
            : 'NOT_LISTED_STREET_NOT_IN_LIST',
      );
    }
    const tocchi = raw.find((r) => fold(r.strada) === 'cascina ca de tocchi' && r.civico === '1')!;
    const a = await check("cascina Ca' de' Tocchi 1 Acquanegra");
    expect(a).toMatchObject({
      comune: { istatCode: tocchi.codice_istat },
      result: 'LISTED',
      categories: [tocchi.caratteristica],
    });
    expect(a.comuneReadAs).toMatch(/acquanegra/i);
  });

  it('returns every civic the list repeats, and "snc" for civics without a number', async () => {
    const repeated = [...times].find(([k, n]) => n > 1 && !k.endsWith('|0'))!;
    const [code, street, civic] = repeated[0].split('|');
    const cats = raw.filter((r) => key(r) === repeated[0]).map((r) => r.caratteristica);
    const a = await check(`${street} ${civic}, ${nameOf.get(code)}`);
    expect(a.civics).toHaveLength(repeated[1]);
    expect([...a.categories].sort()).toEqual(cats.sort());
    const snc = raw.filter((r) => r.codice_istat === '019035' && /^0(\/SNC)?$/.test(r.civico));
    const street0 = snc[0].strada;
    const b = await check(`${street0} snc Crema`);
    expect(b.number).toBeNull();
    expect(b.civics.map((c) => c.civicNumber).sort()).toEqual(
      snc
        .filter((r) => r.strada === street0)
        .map((r) => r.civico)
        .sort(),
    );
  });
});

describe('civicCoverage on civic numbers the list does not hold', () => {
  it('says "not listed" on a street the list knows, with Infratel\u2019s basis', async () => {
    for (const r of sample.slice(0, 15)) {
      const numbers = raw
        .filter((x) => x.codice_istat === r.codice_istat && x.strada === r.strada)
        .map((x) => Number(x.civico.split('/')[0]));
      const missing = Math.max(...numbers) + 1;
      const a = await check(`${r.strada} ${missing}, ${nameOf.get(r.codice_istat)}`);
      expect(a).toMatchObject({
        result: 'NOT_LISTED_STREET_IN_LIST',
        listed: false,
        streetInList: true,
        expectedAboveThreshold: true,
        matchedStreet: r.strada,
        civics: [],
      });
      expect(a.answer).toMatch(/expected to be reached above 300 Mbit\/s by 2028/);
    }
  });

  it('says so on a street the list does not know, without confirming it exists', async () => {
    for (const [code, street] of [
      ['019035', 'via Inesistente del Test'],
      ['019036', 'viale Qwxzzyk'],
    ]) {
      expect(streets.get(code)!.has(fold(street))).toBe(false);
      const a = await check(`${street} 3, ${nameOf.get(code)}`);
      expect(a).toMatchObject({
        result: 'NOT_LISTED_STREET_NOT_IN_LIST',
        streetInList: false,
        expectedAboveThreshold: true,
        matchedStreet: null,
      });
      expect(a.answer).toMatch(/cannot confirm that the street exists/);
    }
  });

  it('does not read a "via" as a "piazza" of the same name', async () => {
    const piazza = raw.find(
      (r) =>
        r.strada.startsWith('PIAZZA ') &&
        !streets.get(r.codice_istat)!.has(fold(r.strada.replace(/^PIAZZA/, 'VIA'))),
    )!;
    const a = await check(
      `${piazza.strada.replace(/^PIAZZA/, 'via')} 1, ${nameOf.get(piazza.codice_istat)}`,
    );
    expect(a.result).toBe('NOT_LISTED_STREET_NOT_IN_LIST');
    expect(a.similarStreets).toContain(piazza.strada);
  });
});

describe('civicCoverage refuses what it cannot read', () => {
  it('answers BAD_USER_INPUT naming the problem', async () => {
    const shared = places.find((c) => capShared(c.cap))!.cap;
    for (const [text, message] of [
      ['', /not an address/],
      ['   ', /not an address/],
      ['!!! ???', /not an address/],
      ['12345', /not an address/],
      ['asdfgh qwerty', /no house number/],
      ['via Roma', /no house number/],
      ['via Roma 12', /which comune/],
      ['via Roma 12, Milano', /not the name of a comune/],
      [`via Roma 12, ${shared}`, /shared by \d+ comuni/],
      ['via Roma 1 Ripalta', /begins the names of 3 comuni/],
      ['via Roma 12, 00100', /not one of the province/],
      ['12, Crema', /no street name/],
      ['x'.repeat(201), /at most 200/],
    ] as const) {
      const res = await hub.run(CivicCoverageDocument, { address: text });
      expect(res.errors?.[0].extensions?.code, text).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message, text).toMatch(message);
      expect(res.data).toBeNull();
    }
  });
});
