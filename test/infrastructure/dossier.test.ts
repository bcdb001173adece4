import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  ComuneCollectionCentresDocument,
  InfrastructureLayerDocument,
  InfrastructureNodeDocument,
  InfrastructureSearchDocument,
  InfrastructureTimelineDocument,
  UpgradeProgrammesDocument,
} from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';
import { programme } from './seed-files.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

it('resolves collection centres and milestones by global id', async () => {
  const c = await hub.run(ComuneCollectionCentresDocument, { istatCode: '019035' });
  const centre = c.data!.comune!.collectionCentres[0];
  const { data } = await hub.run(InfrastructureNodeDocument, { id: centre.id });
  expect(data!.node).toEqual({ id: centre.id, name: centre.name, kind: centre.kind });
  const missing = await hub.run(InfrastructureNodeDocument, {
    id: Buffer.from('CollectionCentre:abc').toString('base64url'),
  });
  expect(missing.data!.node).toBeNull();
});

it("puts the programme's milestones, at their precision, in each participant's timeline", async () => {
  const code = programme.groupings.participants.comuni[0].istatCode;
  const { data, errors } = await hub.run(InfrastructureTimelineDocument, { istatCode: code });
  expect(errors).toBeUndefined();
  const events = data!.comune!.timeline;
  expect(events.map((e) => [e.on, e.precision]).sort()).toEqual(
    programme.milestones.map((m) => [m.on, m.precision]).sort(),
  );
  for (const e of events) {
    expect(e).toMatchObject({ domain: 'infrastructure', kind: 'MILESTONE' });
    expect(e.source.note).toBe(
      'press release of Consorzio.IT on the collection-centre programme, undated (written after the tenders of mid-February 2023)',
    );
  }
  expect(events.filter((e) => e.title.endsWith('(expected)'))).toHaveLength(
    programme.milestones.filter((m) => m.status === 'EXPECTED').length,
  );
  const node = await hub.run(InfrastructureNodeDocument, { id: events[0].entityId! });
  expect(node.data!.node).toMatchObject({ label: expect.any(String) });
  // Crema hosts a platform: it is not in the programme, so no milestones.
  const crema = await hub.run(InfrastructureTimelineDocument, { istatCode: '019035' });
  expect(crema.data!.comune!.timeline).toEqual([]);
});

it('maps only centres with a known location, and finds centres by name', async () => {
  const { data } = await hub.run(InfrastructureLayerDocument, { territory: 'consorzio-it' });
  const fc = data!.featureCollection as { type: string; features: unknown[] };
  expect(fc.type).toBe('FeatureCollection');
  // No source gives the location of any seeded centre.
  expect(fc.features).toEqual([]);
  const found = await hub.run(InfrastructureSearchDocument, { text: 'piattaforma pandino' });
  const names = found.data!.search.edges.map((e) => (e.node as { name?: string }).name);
  expect(names[0]).toBe('Piattaforma sovracomunale di Pandino');
});

it('keeps the programme reachable by its global id', async () => {
  const { data } = await hub.run(UpgradeProgrammesDocument, { first: 1 });
  const id = data!.upgradeProgrammes[0].id;
  const node = await hub.run(InfrastructureNodeDocument, { id });
  expect(node.data!.node!.id).toBe(id);
});
