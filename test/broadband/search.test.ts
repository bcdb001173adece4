import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BroadbandSearchDocument } from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';
import { comuni, fold, infratel } from './raw.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

async function best(text: string) {
  const res = await hub.run(BroadbandSearchDocument, { text, first: 5 });
  expect(res.errors, text).toBeUndefined();
  return res.data!.addressSearch;
}

const raw = infratel();
/** A listed civic of the raw list, found by comune, folded street and civic as published. */
function listed(code: string, street: string, civic: string) {
  const r = raw.find(
    (x) => x.codice_istat === code && fold(x.strada) === street && x.civico === civic,
  );
  if (!r) throw new Error(`${code} ${street} ${civic} is not in the raw list`);
  return r;
}

describe('addressSearch finds the real civic numbers, forgiving what people type', () => {
  it('answers messy forms of a listed civic with that civic first, with its provenance', async () => {
    const r = listed('019035', 'viale santa maria della croce', '23');
    for (const text of [
      'v.le santa maria della croce 23 crema',
      'VIALE S. MARIA DELLA CROCE 23 CREMA',
      'viale santa maria della crocce 23 crema',
      'crema viale santa maria della croce 23',
      'v.le s. maria della croce 23, 26013',
    ]) {
      const [first] = await best(text);
      expect(first.address.streetLine, text).toBe(`${r.strada} ${r.civico}`);
      expect(first.address.comune.istatCode, text).toBe(r.codice_istat);
    }
    const [top] = await best('viale santa maria della croce 23 crema');
    expect(top.address).toMatchObject({
      streetType: 'VIALE',
      number: 23,
      exponent: null,
      civicNumber: '23',
      postalCode: null,
      units: null,
      location: null,
      coverage: null,
      observation: { category: r.caratteristica, mapping: { code: 'infratel-2025' } },
      source: { synthetic: false },
    });
    expect(top.address.source.note).toMatch(/mappatura2025_.*\.csv line \d+/);
  });

  it('ignores accents and straight or curly apostrophes', async () => {
    const r = listed('019035', 'via macalle', '4');
    for (const text of ['via macallè 4 crema', "VIA MACALLE' 4 CREMA", 'via macalle\u2019 4 crema'])
      expect((await best(text))[0].address.streetLine, text).toBe(`${r.strada} ${r.civico}`);
  });

  it('reads 16a, 16/A and 16 a as the same exponent', async () => {
    const r = listed('019035', 'via capergnanica', '16/A');
    for (const text of [
      'via capergnanica 16a crema',
      'via capergnanica 16/A crema',
      'via capergnanica 16 a 26013',
    ]) {
      const [hit] = await best(text);
      expect(hit.address.civicNumber, text).toBe(r.civico);
      expect(hit.address.exponent).toBe('A');
    }
  });

  it('uses the comune name or postal code anywhere in the text to pick the comune', async () => {
    const cremona = comuni().find((c) => c.name === 'Cremona')!;
    const r = raw.find((x) => x.codice_istat === cremona.com_istat_code && /^\d+$/.test(x.civico))!;
    for (const text of [
      `${r.strada} ${r.civico} cremona`,
      `cremona ${r.strada} ${r.civico}`,
      `${r.strada} ${r.civico} ${cremona.cap}`,
    ]) {
      const [hit] = await best(text);
      expect(hit.address.comune.istatCode, text).toBe(cremona.com_istat_code);
      expect(hit.address.streetLine, text).toBe(`${r.strada} ${r.civico}`);
    }
  });

  it('gives an empty list, not an error, when nothing matches', async () => {
    expect(await best('via qwxzzyk 3')).toEqual([]);
  });

  it('rejects empty or absurd text and bad sizes with BAD_USER_INPUT', async () => {
    for (const [text, first] of [
      ['', 5],
      ['   ', 5],
      ['!!! ???', 5],
      ['12', 5],
      ['x'.repeat(201), 5],
      ['crema', 5],
      ['via roma 1234567', 5],
      ['via roma 1', 0],
      ['via roma 1', 51],
    ] as const) {
      const res = await hub.run(BroadbandSearchDocument, { text, first });
      expect(res.errors?.[0].extensions?.code, `${text} / ${first}`).toBe('BAD_USER_INPUT');
    }
  });
});
