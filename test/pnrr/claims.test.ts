import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PnrrClaimsDocument, PnrrFlagsDocument } from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';
import {
  countsAsOf,
  currentGrants,
  groupingCodes,
  money,
  snapshotGrants,
  stateOn,
  type CsvGrant,
} from './csv.js';
import { readFileSync } from 'node:fs';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

const claimFile = JSON.parse(readFileSync('seeds/data/pnrr/claims.json', 'utf8')) as {
  common: { asOf: string };
  claims: { code: string }[];
};
const D = claimFile.common.asOf;
const rome = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const appliedDay = (g: CsvGrant) => rome.format(new Date(g.appliedOn.replace('+0000', 'Z')));
const grants = currentGrants();
const snapshot = snapshotGrants();
/** Per basis: whether a grant counts, and whether its state on D is not known. */
const BASES: Record<string, [(g: CsvGrant) => boolean, (g: CsvGrant) => boolean]> = {
  AS_OF: [(g) => countsAsOf(g, D), (g) => stateOn(g, D) === 'UNCERTAIN'],
  PUBLISHED_SNAPSHOT: [(g) => g.status !== 'R', () => false],
  APPLIED_BY: [
    (g) => appliedDay(g) <= D && (g.fundedOn > D || stateOn(g, D) === 'ACTIVE'),
    (g) => appliedDay(g) <= D && stateOn(g, D) === 'UNCERTAIN',
  ],
  CURRENT: [(g) => g.status !== 'R', () => false],
};

/** The figure of a basis computed here from the CSV files. */
function figure(basis: string, territory: string, measure: string | null) {
  const codes = groupingCodes(territory as 'consorzio-it');
  const source = basis === 'PUBLISHED_SNAPSHOT' ? snapshot : grants;
  const mine = source.filter(
    (g) => codes.has(g.comune) && g.kind === 'COMUNE' && (!measure || g.measure === measure),
  );
  const hit = mine.filter(BASES[basis][0]);
  const unknown = mine.filter(BASES[basis][1]);
  return {
    computed: money(hit.reduce((s, g) => s + g.cents, 0n)),
    grantCount: hit.length,
    uncertain: money(unknown.reduce((s, g) => s + g.cents, 0n)),
  };
}
const cents = (m: string) => BigInt(m.replace('.', ''));

describe('claims', () => {
  it('holds the press figures with their source and reconciles each with the CSV files', async () => {
    const { data, errors } = await hub.run(PnrrClaimsDocument);
    expect(errors).toBeUndefined();
    const claims = data!.claims;
    expect(claims.map((c) => c.code).sort()).toEqual(claimFile.claims.map((c) => c.code).sort());
    const totalClaim = claims.find((c) => c.measure === null)!;
    expect(totalClaim.value).toBe('11038976.00');
    for (const c of claims) {
      expect(c.source.datasetId).toBe('press-consorzio-it');
      expect(c.territory).toBe('area-omogenea-cremasca');
      const measure = c.measure?.code ?? null;
      const r = c.reconciliation;
      const primary = figure('AS_OF', c.territory, measure);
      expect(r.computed, c.code).toBe(primary.computed);
      expect(cents(r.difference)).toBe(cents(primary.computed) - cents(c.value));
      expect(r.comparisons).toHaveLength(8);
      for (const cmp of r.comparisons) {
        const f = figure(cmp.basis, cmp.territory, measure);
        expect({
          basis: cmp.basis,
          territory: cmp.territory,
          computed: cmp.computed,
          n: cmp.grantCount,
          uncertain: cmp.uncertainAmount,
        }).toEqual({
          basis: cmp.basis,
          territory: cmp.territory,
          computed: f.computed,
          n: f.grantCount,
          uncertain: f.uncertain,
        });
        // The figure lies between computed and computed + uncertain: it fits (or not) only
        // when every value of that interval does.
        const [lo, hi] = [cents(f.computed), cents(f.computed) + cents(f.uncertain)];
        const [low, high] = [cents(c.low), cents(c.high)];
        const fits = lo >= low && hi <= high ? true : hi < low || lo > high ? false : null;
        expect(cmp.consistent, `${c.code} ${cmp.basis} ${cmp.territory}`).toBe(fits);
      }
      expect(r.contradicted).toBe(
        r.comparisons[0].consistent === false && r.comparisons[1].consistent !== true,
      );
      expect(r.note).toContain('Claimed');
    }
  });

  it('raises a territory-level CLAIM_CONTRADICTED flag exactly for the contradicted claims', async () => {
    const claims = (await hub.run(PnrrClaimsDocument)).data!.claims;
    const flags = (await hub.run(PnrrFlagsDocument)).data!.dataQualityIssues.filter(
      (f) => f.code === 'CLAIM_CONTRADICTED',
    );
    expect(flags.map((f) => f.entity).sort()).toEqual(
      claims
        .filter((c) => c.reconciliation.contradicted)
        .map((c) => `Claim:${c.code}`)
        .sort(),
    );
    expect(flags.length).toBeGreaterThan(0);
    for (const f of flags) expect(f.comune).toBeNull();
  });
});
