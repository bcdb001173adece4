import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PnrrComuneDocument,
  PnrrMeasuresNoticesDocument,
  PnrrSummaryDocument,
  type PnrrComuneQuery,
  type PnrrGroupBy,
} from '../generated/graphql.js';
import { createTestHub, type OpResult } from '../support/hub.js';
import {
  countsAsOf,
  currentGrants,
  groupingCodes,
  money,
  readSeed,
  sumBy,
  total,
  type CsvGrant,
} from './csv.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

const grants = currentGrants();
const notRenounced = (g: CsvGrant) => g.status !== 'R';
const asRows = (m: Map<string, { amount: bigint; n: number }>) =>
  [...m.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, v]) => ({ key, amount: money(v.amount), grantCount: v.n }));

describe('comune.pnrr', () => {
  it('answers the issue operation for Crema, exact to the cent, from the CSV files', async () => {
    const { data, errors } = await hub.run(PnrrComuneDocument, { istatCode: '019035', first: 50 });
    expect(errors).toBeUndefined();
    const p = data!.comune!.pnrr;
    const mine = grants.filter(
      (g) => g.comune === '019035' && g.kind === 'COMUNE' && notRenounced(g),
    );
    expect(mine.length).toBeGreaterThan(0);
    expect(p.total).toBe(total(mine));
    expect(p.grantCount).toBe(mine.length);
    expect(
      p.byMeasure.map((m) => ({ key: m.measure.code, amount: m.amount, grantCount: m.grantCount })),
    ).toEqual(asRows(sumBy(mine, (g) => g.measure)));
    expect(p.byMeasure[0].measure.title).toBeTruthy();
    expect(p.grants.totalCount).toBe(mine.length);
    expect(p.grants.edges.map((e) => e.node.cup).sort()).toEqual(mine.map((g) => g.cup).sort());
    for (const { node } of p.grants.edges) {
      expect(node.amount).toMatch(/^\d+\.\d{2}$/);
      expect(node.body).toMatchObject({ ipaCode: 'c_d142', kind: 'COMUNE' });
      expect(node.notice.title).toBeTruthy();
      expect(node.source).toMatchObject({
        datasetId: 'padigitale2026-candidature',
        licence: 'CC-BY-4.0',
      });
      expect(['FUNDED', 'PAID']).toContain(node.status);
    }
    const kpi = readSeed('pnrr/importi_per_comune_cr.csv').find(
      (r) => r.com_istat_code === '019035',
    )!;
    expect(p.publishedTotal).toBe(money(BigInt(kpi.importo_finanziamento) * 100n));
  });

  it('adds every body located in the comune with bodies: ALL, renounced with includeRenounced', async () => {
    const all = await hub.run(PnrrComuneDocument, {
      istatCode: '019035',
      bodies: 'ALL' as never,
      first: 0,
    });
    const located = grants.filter((g) => g.comune === '019035');
    expect(all.data!.comune!.pnrr.total).toBe(total(located.filter(notRenounced)));
    expect(located.some((g) => g.kind !== 'COMUNE')).toBe(true);
    const withR = await hub.run(PnrrComuneDocument, {
      istatCode: '019035',
      bodies: 'ALL' as never,
      includeRenounced: true,
      first: 0,
    });
    expect(withR.data!.comune!.pnrr.total).toBe(total(located));
    expect(withR.data!.comune!.pnrr.grantCount).toBe(located.length);
  });

  it('pages the grants with keyset cursors, each once, in funding order', async () => {
    const code = grants.find((g) => g.kind === 'COMUNE')!.comune;
    const seen: { fundedOn: string; cup: string }[] = [];
    let after: string | null | undefined = null;
    for (let i = 0; i < 50; i++) {
      const res: OpResult<PnrrComuneQuery> = await hub.run(PnrrComuneDocument, {
        istatCode: code,
        first: 2,
        after,
        includeRenounced: true,
      });
      const page = res.data!.comune!.pnrr.grants;
      seen.push(...page.edges.map((e) => ({ fundedOn: e.node.fundedOn, cup: e.node.cup })));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const expected = grants.filter((g) => g.comune === code && g.kind === 'COMUNE');
    expect(seen).toHaveLength(expected.length);
    expect(seen.map((s) => s.fundedOn)).toEqual([...seen.map((s) => s.fundedOn)].sort());
    const forged = await hub.run(PnrrComuneDocument, {
      istatCode: code,
      first: 2,
      after: 'WyJ4Il0',
    });
    expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('pnrrSummary', () => {
  const groups: [PnrrGroupBy, (g: CsvGrant) => string][] = [
    ['MEASURE' as PnrrGroupBy, (g) => g.measure],
    ['COMUNE' as PnrrGroupBy, (g) => g.comune],
    ['STATUS' as PnrrGroupBy, (g) => ({ A: 'FUNDED', R: 'RENOUNCED', E: 'PAID' })[g.status]],
    ['NOTICE' as PnrrGroupBy, (g) => g.notice],
    ['BODY_KIND' as PnrrGroupBy, (g) => g.kind],
    ['FUNDING_MONTH' as PnrrGroupBy, (g) => g.fundedOn.slice(0, 7)],
  ];
  const province = groupingCodes('province-cr');

  it.each(groups)(
    'groups the province by %s (bodies ALL) as the CSV files sum',
    async (groupBy, key) => {
      const { data, errors } = await hub.run(PnrrSummaryDocument, {
        territory: 'province-cr',
        groupBy,
        bodies: 'ALL' as never,
      });
      expect(errors).toBeUndefined();
      const mine = grants.filter((g) => province.has(g.comune) && notRenounced(g));
      const s = data!.pnrrSummary;
      expect(s.total).toBe(total(mine));
      expect(s.grantCount).toBe(mine.length);
      expect(s.comuneCount).toBe(113);
      const rows = s.rows.map(({ key: k, amount, grantCount }) => ({ key: k, amount, grantCount }));
      expect(rows.sort((a, b) => (a.key < b.key ? -1 : 1))).toEqual(asRows(sumBy(mine, key)));
    },
  );

  it('answers the issue operations: the Cremasco by measure as of 2022-11-17, the province by comune', async () => {
    const aoc = groupingCodes('area-omogenea-cremasca');
    const asOf = await hub.run(PnrrSummaryDocument, {
      territory: 'area-omogenea-cremasca',
      groupBy: 'MEASURE' as PnrrGroupBy,
      asOf: '2022-11-17',
    });
    const counted = grants.filter(
      (g) => aoc.has(g.comune) && g.kind === 'COMUNE' && countsAsOf(g, '2022-11-17'),
    );
    expect(asOf.data!.pnrrSummary.total).toBe(total(counted));
    expect(asOf.data!.pnrrSummary.rows.map((r) => r.key)).toEqual(
      asRows(sumBy(counted, (g) => g.measure)).map((r) => r.key),
    );
    const byComune = await hub.run(PnrrSummaryDocument, {
      territory: 'province-cr',
      groupBy: 'COMUNE' as PnrrGroupBy,
    });
    const comuni = grants.filter((g) => g.kind === 'COMUNE' && notRenounced(g));
    expect(byComune.data!.pnrrSummary.total).toBe(total(comuni));
    const crema = byComune.data!.pnrrSummary.rows.find((r) => r.key === '019035')!;
    expect(crema.label).toBe('Crema');
  });

  it('applies asOf as stated: a renounced grant counts only when renounced after the date', async () => {
    const renouncedLater = grants.find(
      (g) => g.status === 'R' && g.statusOn && g.statusOn > g.fundedOn && g.kind === 'COMUNE',
    )!;
    const d = renouncedLater.fundedOn;
    const res = await hub.run(PnrrSummaryDocument, {
      territory: renouncedLater.comune,
      groupBy: 'STATUS' as PnrrGroupBy,
      asOf: d,
    });
    const counted = grants.filter(
      (g) => g.comune === renouncedLater.comune && g.kind === 'COMUNE' && countsAsOf(g, d),
    );
    expect(counted).toContain(renouncedLater);
    expect(res.data!.pnrrSummary.total).toBe(total(counted));
    expect(
      res.data!.pnrrSummary.rows.find((r) => r.key === 'RENOUNCED')?.grantCount,
    ).toBeGreaterThan(0);
    // No status date (older layout): from the day its file was published, a renounced
    // grant is renounced (test/pnrr/as-of.test.ts covers the days before).
    const unknown = grants.filter((g) => g.status === 'R' && !g.statusOn);
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.some((g) => countsAsOf(g, '2030-01-01'))).toBe(false);
  });

  it('names the argument of a bad territory or date', async () => {
    const bad = await hub.run(PnrrSummaryDocument, {
      territory: 'nowhere',
      groupBy: 'MEASURE' as PnrrGroupBy,
    });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toMatch(/territory/);
    const date = await hub.run(PnrrSummaryDocument, {
      territory: 'province-cr',
      asOf: '2022-13-45',
    });
    expect(date.errors?.[0].message).toMatch(/asOf|Date/);
  });
});

describe('measures and notices', () => {
  it('lists the measures and the 57 notices of avvisi.csv', async () => {
    const { data } = await hub.run(PnrrMeasuresNoticesDocument);
    const avvisi = readSeed('pnrr/avvisi.csv');
    expect(data!.measures.map((m) => m.code)).toEqual([
      '1.1',
      '1.2',
      '1.3.1',
      '1.4.1',
      '1.4.3',
      '1.4.4',
      '1.4.5',
    ]);
    expect(data!.measures.every((m) => m.source.licence === 'CC-BY-4.0')).toBe(true);
    expect(data!.notices).toHaveLength(avvisi.length);
    const cloud = data!.notices.find((n) => n.title === avvisi[1].titolo)!;
    expect(cloud.allocatedAmount).toBe(
      money(BigInt(avvisi[1].totale_importo_stanziato.split('.')[0]) * 100n),
    );
    expect(cloud.targetBodies).toEqual(avvisi[1].soggetti_destinatari.split(';'));
    expect(cloud.measure.code).toBe('1.2');
  });
});
