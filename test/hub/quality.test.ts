import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComuneQualityIssuesDocument } from '../generated/graphql.js';
import { currentGrants, groupingCodes, readSeed, snapshotGrants } from '../pnrr/csv.js';
import { createTestHub } from '../support/hub.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

const programme = JSON.parse(
  readFileSync('seeds/data/infrastructure/upgrade_programme.json', 'utf8'),
) as {
  groupings: Record<
    'participants' | 'platforms',
    { code: string; comuni: { istatCode: string }[] }
  >;
  lots: { code: string }[];
};
const participants = programme.groupings.participants.comuni.map((c) => c.istatCode);
const platforms = programme.groupings.platforms.comuni.map((c) => c.istatCode);
const quality = (istatCode: string) => hub.run(ComuneQualityIssuesDocument, { istatCode });

describe('flags reach every member they concern', () => {
  it('shows the 4 lot flags and the centre-location flag on each of the 35 comuni of the programme', async () => {
    expect(participants).toHaveLength(35);
    for (const code of participants) {
      const c = (await quality(code)).data!.comune!;
      const lots = c.inherited.filter((f) => f.code === 'LOT_MEMBERSHIP_UNKNOWN');
      expect(lots.map((f) => f.entity).sort(), code).toEqual(
        programme.lots.map((l) => `ProgrammeLot:${l.code}`).sort(),
      );
      for (const f of lots) expect(f.territory!.code).toBe(programme.groupings.participants.code);
      expect(
        c.inherited.map((f) => f.entity),
        code,
      ).toContain('CollectionCentre:kind=MUNICIPAL_COLLECTION_CENTRE');
    }
  });

  it('shows the platform-location flag on each of the 7 platform comuni, and no lot flag', async () => {
    for (const code of platforms) {
      const c = (await quality(code)).data!.comune!;
      expect(
        c.inherited.map((f) => f.entity),
        code,
      ).toContain('CollectionCentre:kind=SUPRA_MUNICIPAL_PLATFORM');
      expect(c.all.filter((f) => f.code === 'LOT_MEMBERSHIP_UNKNOWN')).toEqual([]);
    }
    const cremona = (await quality('019036')).data!.comune!;
    expect(cremona.all.filter((f) => f.code === 'LOT_MEMBERSHIP_UNKNOWN')).toEqual([]);
  });

  it("separates a comune's own flags from those of its groupings (own first)", async () => {
    const aoc = groupingCodes('area-omogenea-cremasca');
    // Comuni with a renounced grant whose day no file gives (raw files): an own flag each.
    const undated = currentGrants().filter((g) => g.status === 'R' && g.statusOn === '');
    const vailate = readSeed('hub/comuni_cr_summary.csv').find((r) => r.name === 'Vailate')!;
    expect(undated.some((g) => g.comune === vailate.com_istat_code)).toBe(true);
    for (const code of new Set(undated.map((g) => g.comune))) {
      const c = (await quality(code)).data!.comune!;
      const own = c.own.filter((f) => f.code === 'GRANT_RENUNCIATION_DATE_UNKNOWN');
      expect(own, code).toHaveLength(undated.filter((g) => g.comune === code).length);
      for (const f of c.own) expect(f.comune?.istatCode).toBe(code);
      for (const f of c.inherited) {
        expect(f.comune).toBeNull();
        expect(f.territory).not.toBeNull();
      }
      expect(c.all.map((f) => f.entity)).toEqual([...c.own, ...c.inherited].map((f) => f.entity));
      // The territory-level claim flags are inherited by every comune of the 48.
      if (aoc.has(code))
        expect(c.inherited.filter((f) => f.code === 'CLAIM_CONTRADICTED').length).toBeGreaterThan(
          0,
        );
      expect(c.own.filter((f) => f.code === 'CLAIM_CONTRADICTED')).toEqual([]);
    }
    const message = (await quality(vailate.com_istat_code)).data!.comune!.own.find(
      (f) => f.code === 'GRANT_RENUNCIATION_DATE_UNKNOWN',
    )!.message;
    const day = snapshotGrants()[0].observedOn;
    expect(message).toContain(`still funded in the file published on ${day}`);
  });

  it('flags a grant whose status date a later file contradicts, on its comune', async () => {
    const seen = snapshotGrants();
    const conflicts = currentGrants().filter(
      (g) =>
        g.status === 'R' &&
        g.statusOn !== '' &&
        seen.some(
          (s) =>
            s.cup === g.cup &&
            s.notice === g.notice &&
            s.status !== 'R' &&
            s.observedOn >= g.statusOn,
        ),
    );
    expect(conflicts.length).toBeGreaterThan(0);
    for (const g of conflicts) {
      const own = (await quality(g.comune)).data!.comune!.own;
      expect(
        own.filter((f) => f.code === 'GRANT_STATUS_CONFLICT').length,
        g.comune,
      ).toBeGreaterThan(0);
    }
  });
});
