import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  EnergyCommunitiesDocument,
  EnergyNodeDocument,
  EnergySearchDocument,
  EnergyTimelineDocument,
} from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';
import { communities, events, fundings } from './seed-files.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

it("puts the CER funding, the mayor's letter and CER Crema's founding in Crema's timeline, newest first", async () => {
  const { data, errors } = await hub.run(EnergyTimelineDocument, { istatCode: '019035' });
  expect(errors).toBeUndefined();
  const timeline = data!.comune!.timeline;
  const founded = communities.find((c) => c.code === 'cer-crema')!;
  expect(timeline.map((e) => [e.on, e.precision, e.kind])).toEqual([
    [founded.founded_on, founded.founded_precision, 'CER_FOUNDED'],
    [events[0].on, 'DAY', 'LETTER_TO_CITIZENS'],
    [fundings[0].announced_on, 'DAY', 'FUNDING_ANNOUNCED'],
  ]);
  expect(timeline[0].title).toMatch(/^CER Crema founded .*Crema is a founding comune$/);
  expect(timeline[2].title).toMatch(/Fondazione LGH funds .* with 103000\.00 EUR/);
  expect(timeline.slice(1).map((e) => e.source.note)).toEqual([
    events[0].source,
    fundings[0].source_note,
  ]);
  expect(timeline[0].source.note).toMatch(/cremaonline\.it/);
  const letter = await hub.run(EnergyNodeDocument, { id: timeline[1].entityId! });
  expect(letter.data!.node).toMatchObject({ summary: events[0].summary });
  const funding = await hub.run(EnergyNodeDocument, { id: timeline[2].entityId! });
  expect(funding.data!.node).toMatchObject({ amount: '103000.00' });
});

it('resolves communities by global id and finds them by site', async () => {
  const { data } = await hub.run(EnergyCommunitiesDocument, { filter: { territory: '019035' } });
  const cer = data!.energyCommunities.find((c) => c.code === 'cer-crema-ex-olivetti')!;
  const node = await hub.run(EnergyNodeDocument, { id: cer.id });
  expect(node.data!.node).toEqual({ id: cer.id, code: cer.code });
  const found = await hub.run(EnergySearchDocument, { text: 'ex olivetti' });
  expect(found.data!.search.edges.map((e) => (e.node as { code?: string }).code)).toContain(
    cer.code,
  );
});
