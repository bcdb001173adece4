import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BroadbandComuneDocument, BroadbandSearchDocument } from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

const CREMA = '019035';

/** Civic addresses of Crema on streets whose name contains `street`, from the API. */
async function addressesOn(street: string) {
  const res = await hub.run(BroadbandComuneDocument, {
    istatCode: CREMA,
    first: 500,
    filter: { street },
  });
  return res.data!.comune!.broadband.addresses.edges.map((e) => e.node);
}

async function best(text: string) {
  const res = await hub.run(BroadbandSearchDocument, { text, first: 5 });
  expect(res.errors, text).toBeUndefined();
  return res.data!.addressSearch;
}

describe('addressSearch forgives what people type', () => {
  it('answers the issue’s example with the right civic number first, with provenance', async () => {
    const target = (await addressesOn('della repubblica')).find((a) =>
      a.label.startsWith('Viale della Repubblica 12,'),
    )!;
    expect(target).toBeDefined();
    for (const text of [
      'v.le repubblica 12 crema',
      'V.LE DELLA REPUBBLICA 12 CREMA',
      'vle repubblica 12, 26013',
      'viale della repubblca 12 crema',
      'crema viale repubblica 12',
    ]) {
      const [first] = await best(text);
      expect(first.address.id, text).toBe(target.id);
    }
    const [top, next] = await best('v.le repubblica 12 crema');
    expect(top.score).toBeGreaterThan(next.score);
    expect(top.address).toMatchObject({
      streetType: 'VIALE',
      number: 12,
      exponent: null,
      postalCode: '26013',
      comune: { name: 'Crema' },
      source: { synthetic: true },
    });
  });

  it('ignores accents and straight or curly apostrophes', async () => {
    const [antonio] = await addressesOn("sant'antonio");
    const number = antonio.label.match(/ (\d+)/)![1];
    for (const text of [
      `via sant’antonio ${number} crema`,
      `via sant'antonio ${number} crema`,
      `VIA SANT ANTONIO ${number} CREMA`,
    ])
      expect((await best(text))[0].address.id, text).toBe(antonio.id);
    const [liberta] = await addressesOn('della liberta');
    const n = liberta.label.match(/ (\d+)/)![1];
    const [hit] = await best(`v. della liberta ${n} crema`);
    expect(hit.address.id).toBe(liberta.id);
    expect(hit.address.streetName).toBe('della Libertà');
  });

  it('reads 12a, 12/A and 12 a as the same exponent', async () => {
    const all = await hub.run(BroadbandComuneDocument, { istatCode: CREMA, first: 500 });
    const withExponent = all
      .data!.comune!.broadband.addresses.edges.map((e) => e.node)
      .find((a) => /\d+\/A,/.test(a.label))!;
    const [, street, number] = withExponent.label.match(/^(.*) (\d+)\/A,/)!;
    for (const text of [
      `${street} ${number}a crema`,
      `${street} ${number}/A crema`,
      `${street} ${number} a 26013`,
    ]) {
      const [hit] = await best(text);
      expect(hit.address.id, text).toBe(withExponent.id);
      expect(hit.address.exponent).toBe('A');
    }
  });

  it('uses the comune name or postal code anywhere in the text to pick the comune', async () => {
    for (const text of ['via roma 1 offanengo', 'offanengo via roma 1', 'via roma 1 26010']) {
      const hits = await best(text);
      expect(hits.length, text).toBeGreaterThan(0);
      expect(hits[0].address.postalCode).toBe('26010');
    }
    const [inOffanengo] = await best('via roma 1 offanengo');
    expect(inOffanengo.address.comune.istatCode).toBe('019062');
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
