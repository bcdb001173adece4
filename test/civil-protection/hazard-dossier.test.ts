import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DossierManyDocument, DossierWithHazardsDocument } from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';
import { mappedHazards } from './hazard-files.js';

let hub: Awaited<ReturnType<typeof createTestHub>>;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

describe('the hazard section of the dossier', () => {
  it('keeps the statement count flat from 1 to 52 comuni', async () => {
    const runs = [];
    for (const [grouping, first] of [
      ['019035', 100],
      ['area-omogenea-cremasca', 10],
      ['consorzio-it', 100],
    ] as const) {
      const r = await hub.counted(DossierWithHazardsDocument, { grouping, first });
      expect(r.errors).toBeUndefined();
      runs.push(r);
    }
    const [one, ...more] = runs;
    expect(runs.map((r) => r.data!.comuni.edges.length)).toEqual([1, 10, 52]);
    for (const r of more) expect(r.statements).toBeLessThanOrEqual(one.statements + 2);
    for (const { node } of runs[2].data!.comuni.edges)
      expect(node.hazardProfile.mappedHazards).toEqual(mappedHazards(node.istatCode));
  });

  it('adds a fixed handful of statements to the dossier, whatever the number of comuni', async () => {
    for (const [grouping, first, comuni] of [
      ['019035', 1, 1],
      ['consorzio-it', 100, 52],
    ] as const) {
      const plain = await hub.counted(DossierManyDocument, { grouping, first });
      const withHazards = await hub.counted(DossierWithHazardsDocument, { grouping, first });
      expect(withHazards.errors).toBeUndefined();
      expect(withHazards.data!.comuni.edges).toHaveLength(comuni);
      // ISPRA's rows, their levels, the seismic zones: one statement each, for any number.
      const hazards = (r: { sql: string[] }) => r.sql.filter((q) => /from "hazard_/.test(q)).length;
      expect(hazards(withHazards) - hazards(plain)).toBe(3);
      // And their datasets, in one more batch (dataset batches vary by one or two with timing).
      expect(withHazards.statements - plain.statements).toBeLessThanOrEqual(6);
    }
  });
});
