import { afterAll, beforeAll, expect, it } from 'vitest';
import { foldName } from '../../src/common/text.js';
import { pnrr } from '../../src/domains/pnrr/index.js';
import { PnrrComuneDocument, PnrrTimelineDocument } from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';
import { currentGrants, money, readSeed, SNAPSHOT_DAY, snapshotGrants } from './csv.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

it('contributes grant events to the dossier timeline, in one statement for any comuni', async () => {
  const located = currentGrants().filter((g) => g.comune === '019035' || g.comune === '019036');
  const events = await pnrr.timeline(hub.context(), ['019035', '019036']);
  expect(events.filter((e) => e.kind === 'GRANT_FUNDED')).toHaveLength(located.length);
  // Every renunciation, with or without a status date (then within the days the files allow).
  expect(events.filter((e) => e.kind === 'GRANT_RENOUNCED')).toHaveLength(
    located.filter((g) => g.status === 'R').length,
  );
  expect(events.filter((e) => e.kind === 'GRANT_PAID')).toHaveLength(
    located.filter((g) => g.status === 'E' && g.statusOn).length,
  );
  expect(events.every((e) => e.domain === 'pnrr' && e.entityId && e.datasetId)).toBe(true);
});

it('resolves global ids of grants and finds bodies by name', async () => {
  const first = await hub.run(PnrrComuneDocument, { istatCode: '019035', first: 1 });
  const grant = first.data!.comune!.pnrr.grants.edges[0].node;
  const key = Buffer.from(grant.id, 'base64url').toString().split(':')[1];
  const node = (await pnrr.nodes.PnrrGrant(hub.context(), key)) as { cup: string } | null;
  expect(node?.cup).toBe(grant.cup);
  expect(await pnrr.nodes.PnrrGrant(hub.context(), 'x')).toBeNull();
  const text = 'consorzio informatica territorio';
  const hits = await pnrr.search.PnrrBody(hub.context(), {
    text,
    folded: foldName(text),
    limit: 5,
  });
  expect(hits.map((h) => (h.node as { ipaCode: string }).ipaCode)).toContain('citsrl');
});

const codeOf = new Map(
  readSeed('hub/comuni_cr_summary.csv').map((r) => [r.name, r.com_istat_code]),
);
const nextDay = (d: string) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

it("puts Vailate's 1.2 renunciation on its timeline, between the days the files allow", async () => {
  const vailate = codeOf.get('Vailate')!;
  const g = currentGrants().find(
    (x) => x.comune === vailate && x.kind === 'COMUNE' && x.measure === '1.2',
  )!;
  expect([g.status, g.statusOn]).toEqual(['R', '']);
  const seen = snapshotGrants().find((s) => s.cup === g.cup && s.notice === g.notice)!;
  expect(seen.status).toBe('A');
  const { data } = await hub.run(PnrrTimelineDocument, { istatCode: vailate });
  const e = data!.comune!.timeline.find(
    (x) => x.kind === 'GRANT_RENOUNCED' && x.title.startsWith('PNRR 1.2:'),
  )!;
  expect(e).toMatchObject({ on: g.observedOn, notBefore: nextDay(SNAPSHOT_DAY), precision: 'DAY' });
  expect(e.title).toContain(`file of ${SNAPSHOT_DAY}`);
  expect(e.title).toContain('not published');
});

it("uses the default of the PNRR section: the comune's own grants; bodies ALL adds the others", async () => {
  const crema = '019035';
  const located = currentGrants().filter((g) => g.comune === crema);
  const own = located.filter((g) => g.kind === 'COMUNE');
  const events = (n: typeof located) =>
    n.length + n.filter((g) => g.status === 'R' || (g.status === 'E' && g.statusOn)).length;
  const mine = await hub.run(PnrrTimelineDocument, { istatCode: crema });
  const all = await hub.run(PnrrTimelineDocument, { istatCode: crema, bodies: 'ALL' as never });
  // The grants' events (the pnrr domain's timeline also has the facilitation sessions).
  const grantEvents = (t: { kind: string }[]) => t.filter((e) => e.kind.startsWith('GRANT_'));
  const c = mine.data!.comune!;
  const cg = grantEvents(c.timeline) as typeof c.timeline;
  expect(cg).toHaveLength(events(own));
  expect(new Set(cg.map((e) => e.entityId)).size).toBe(c.pnrr.grantCount);
  expect(c.timeline.every((e) => !e.otherBody)).toBe(true);
  const a = all.data!.comune!;
  const ag = grantEvents(a.timeline) as typeof a.timeline;
  expect(ag).toHaveLength(events(located));
  expect(new Set(ag.map((e) => e.entityId)).size).toBe(a.allBodies.grantCount);
  expect(a.timeline.filter((e) => e.otherBody).length).toBe(events(located) - events(own));
});

it('says why a timeline entry of 0 EUR is 0', async () => {
  const zero = currentGrants().filter((g) => g.cents === 0n);
  expect(zero.length).toBeGreaterThan(0);
  for (const g of zero) {
    const { data } = await hub.run(PnrrTimelineDocument, {
      istatCode: g.comune,
      bodies: 'ALL' as never,
    });
    const entries = data!.comune!.timeline.filter((e) => e.title.includes(': 0 EUR to'));
    expect(entries.length).toBeGreaterThan(0);
    // The other quota of the same CUP carries the amount (computed from the raw file).
    const other = currentGrants().find((o) => o.cup === g.cup && o.cents > 0n)!;
    const amount = money(other.cents)
      .replace(/\.00$/, '')
      .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    for (const e of entries) {
      expect(e.title).toContain('(0 EUR: ');
      expect(e.title).toContain(`measure ${other.measure}, ${amount} EUR`);
    }
  }
});
