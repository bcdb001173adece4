import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PnrrProjectsDocument, type PnrrProjectsQuery } from '../generated/graphql.js';
import { createTestHub, type OpResult } from '../support/hub.js';
import { cents, money, readSeed } from './csv.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

const projects = readSeed('pnrr/pnrr_progetti_validati_cr.csv');
const locations = readSeed('pnrr/pnrr_localizzazioni_validate_cr.csv');
/** The projects' dataset record as committed. */
const italiaDomani = (
  JSON.parse(readFileSync('seeds/data/pnrr/datasets.json', 'utf8')) as {
    id: string;
    licence: string | null;
  }[]
).find((d) => d.id === 'italiadomani-progetti-validati')!;

describe('pnrrProjects', () => {
  it('answers the issue operation for Crema with the projects located there', async () => {
    const local = new Set(
      locations
        .filter((l) => l.COD_ISTAT_COMUNE === '019035')
        .map((l) => l['Codice Locale Progetto']),
    );
    const seen: string[] = [];
    let sum = 0n;
    let after: string | null | undefined = null;
    for (let i = 0; i < 20; i++) {
      const res: OpResult<PnrrProjectsQuery> = await hub.run(PnrrProjectsDocument, {
        filter: { comune: '019035' },
        first: 20,
        after,
      });
      expect(res.errors).toBeUndefined();
      const c = res.data!.pnrrProjects;
      expect(c.totalCount).toBe(local.size);
      for (const { node } of c.edges) {
        seen.push(node.localCode);
        sum += cents(node.pnrrFunding);
        expect(node.locations.some((l) => l.comune?.name === 'Crema')).toBe(true);
        // The repository states none: CC-BY-4.0 by law (art. 52 CAD), as its record says.
        expect(node.source.licence).toBe(italiaDomani.licence);
      }
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual([...local].sort());
    const expected = projects
      .filter((p) => local.has(p['Codice Locale Progetto']))
      .reduce((s, p) => s + cents(p['Finanziamento PNRR']), 0n);
    expect(money(sum)).toBe(money(expected));
  });

  it('filters by digital measure and text; whole-province places have no comune', async () => {
    const cloud = projects.filter((p) => p['Codice Univoco Submisura'] === 'M1C1I1.02.00');
    const res = await hub.run(PnrrProjectsDocument, { filter: { measure: '1.2' }, first: 500 });
    expect(res.data!.pnrrProjects.totalCount).toBe(cloud.length);
    expect(res.data!.pnrrProjects.edges.every((e) => e.node.measure?.code === '1.2')).toBe(true);
    const civil = projects.filter((p) =>
      /servizio civile/i.test(p['Titolo progetto'] + p['Sintesi progetto']),
    );
    const text = await hub.run(PnrrProjectsDocument, {
      filter: { text: 'servizio civile' },
      first: 500,
    });
    expect(text.data!.pnrrProjects.totalCount).toBeGreaterThanOrEqual(civil.length);
    const whole = locations
      .filter((l) => !l.COD_ISTAT_COMUNE)
      .map((l) => l['Codice Locale Progetto']);
    const all = await hub.run(PnrrProjectsDocument, { first: 500 });
    expect(all.data!.pnrrProjects.totalCount).toBe(projects.length);
    const wp = all.data!.pnrrProjects.edges.filter((e) =>
      e.node.locations.some((l) => l.wholeProvince),
    );
    expect(wp.map((e) => e.node.localCode).sort()).toEqual([...new Set(whole)].sort());
    expect(
      wp.every((e) =>
        e.node.locations.filter((l) => l.wholeProvince).every((l) => l.comune === null),
      ),
    ).toBe(true);
  });
});
