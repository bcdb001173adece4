import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BroadbandComuniFiguresDocument,
  BroadbandProgrammesDocument,
  BroadbandSummaryDocument,
  type BroadbandPlan,
} from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

const cal = JSON.parse(readFileSync('seeds/data/broadband/calibration.json', 'utf8'));
const programmes = JSON.parse(readFileSync('seeds/data/broadband/programmes.json', 'utf8'));
const within = (value: number, target: number, tolerance: number) =>
  Math.abs(value - target) <= target * tolerance;

describe('the synthetic sample holds the published figures (recomputed through the API)', () => {
  it('white areas: exact comuni count, units ±2%, network km; grey areas: comuni incl. Crema and Offanengo, civic numbers ±3%', async () => {
    const { data, errors } = await hub.run(BroadbandComuniFiguresDocument, {
      grouping: cal.territory,
    });
    expect(errors).toBeUndefined();
    const comuni = data!.comuni.edges.map((e) => e.node);
    expect(comuni).toHaveLength(52);
    const plan = (c: (typeof comuni)[number], p: BroadbandPlan) =>
      c.broadband.byPlan.find((x) => x.plan === p)!;
    const white = comuni.filter((c) => plan(c, 'WHITE_AREAS_BUL').addressCount > 0);
    expect(white).toHaveLength(cal.whiteAreas.comuni);
    const whiteUnits = white.reduce((s, c) => s + plan(c, 'WHITE_AREAS_BUL').unitCount, 0);
    expect(within(whiteUnits, cal.whiteAreas.units, cal.whiteAreas.unitsTolerance)).toBe(true);
    const km = comuni.reduce((s, c) => s + Math.round((c.broadband.networkKm ?? 0) * 100), 0);
    expect(km / 100).toBe(cal.whiteAreas.networkKm);
    // km only where there are white areas
    expect(comuni.filter((c) => (c.broadband.networkKm ?? 0) > 0)).toHaveLength(white.length);

    const grey = comuni.filter((c) => plan(c, 'GREY_AREAS_1GIGA').addressCount > 0);
    expect(grey).toHaveLength(cal.greyAreas.comuni);
    expect(grey.map((c) => c.istatCode)).toEqual(expect.arrayContaining(cal.greyAreas.include));
    const greyNumbers = grey.reduce((s, c) => s + plan(c, 'GREY_AREAS_1GIGA').addressCount, 0);
    expect(
      within(greyNumbers, cal.greyAreas.civicNumbers, cal.greyAreas.civicNumbersTolerance),
    ).toBe(true);
    // The rest is commercial, and every comune has civic numbers.
    for (const c of comuni) {
      expect(c.broadband.addressCount).toBeGreaterThan(0);
      expect(c.broadband.byPlan.reduce((s, p) => s + p.addressCount, 0)).toBe(
        c.broadband.addressCount,
      );
    }
  });

  it('the summary by plan agrees with the per-comune figures', async () => {
    const { data } = await hub.run(BroadbandSummaryDocument, {
      territory: cal.territory,
      groupBy: 'PLAN',
    });
    const rows = data!.broadbandSummary.rows;
    const white = rows.find((r) => r.key === 'WHITE_AREAS_BUL')!;
    expect(within(white.unitCount, cal.whiteAreas.units, cal.whiteAreas.unitsTolerance)).toBe(true);
    expect(white.networkKm).toBe(cal.whiteAreas.networkKm);
    expect(data!.broadbandSummary.total.addressCount).toBe(
      rows.reduce((s, r) => s + r.addressCount, 0),
    );
    const byComune = await hub.run(BroadbandSummaryDocument, {
      territory: cal.territory,
      groupBy: 'COMUNE',
    });
    expect(byComune.data!.broadbandSummary.rows).toHaveLength(52);
    expect(byComune.data!.broadbandSummary.total.unitCount).toBe(
      data!.broadbandSummary.total.unitCount,
    );
  });

  it('publishes the programme figures from the press dataset, not the synthetic one', async () => {
    const { data } = await hub.run(BroadbandProgrammesDocument, {});
    const got = data!.broadbandProgrammes;
    expect(got.map((p) => p.code).sort()).toEqual(
      programmes.map((p: { code: string }) => p.code).sort(),
    );
    const white = got.find((p) => p.code === cal.whiteAreas.programme)!;
    expect(white).toMatchObject({
      comuniReached: cal.whiteAreas.comuni,
      units: cal.whiteAreas.units,
      networkKm: cal.whiteAreas.networkKm,
      operator: { code: 'open-fiber' },
      source: { synthetic: false },
    });
    expect(got.find((p) => p.code === cal.greyAreas.programme)!.civicNumbers).toBe(
      cal.greyAreas.civicNumbers,
    );
  });
});
