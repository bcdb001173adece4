import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PnrrClaimsDocument, PnrrFlagsDocument } from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';
import {
  countsAsOf,
  currentGrants,
  groupingCodes,
  money,
  snapshotGrants,
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
const notRenouncedBy = (g: CsvGrant) => g.status !== 'R' || (g.statusOn !== '' && g.statusOn > D);
const grants = currentGrants();
const snapshot = snapshotGrants();
const BASES: Record<string, (g: CsvGrant) => boolean> = {
  AS_OF: (g) => countsAsOf(g, D),
  PUBLISHED_SNAPSHOT: (g) => g.status !== 'R',
  APPLIED_BY: (g) => appliedDay(g) <= D && notRenouncedBy(g),
  CURRENT: (g) => g.status !== 'R',
};

/** The figure of a basis computed here from the CSV files. */
function figure(basis: string, territory: string, measure: string | null) {
  const codes = groupingCodes(territory as 'consorzio-it');
  const source = basis === 'PUBLISHED_SNAPSHOT' ? snapshot : grants;
  const hit = source.filter(
    (g) =>
      codes.has(g.comune) &&
      g.kind === 'COMUNE' &&
      (!measure || g.measure === measure) &&
      BASES[basis](g),
  );
  return { computed: money(hit.reduce((s, g) => s + g.cents, 0n)), grantCount: hit.length };
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
        }).toEqual({
          basis: cmp.basis,
          territory: cmp.territory,
          computed: f.computed,
          n: f.grantCount,
        });
        const fits = cents(f.computed) >= cents(c.low) && cents(f.computed) <= cents(c.high);
        expect(cmp.consistent, `${c.code} ${cmp.basis} ${cmp.territory}`).toBe(fits);
      }
      expect(r.contradicted).toBe(!r.comparisons[0].consistent && !r.comparisons[1].consistent);
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
