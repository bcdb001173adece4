import { afterAll, beforeAll, expect, it } from 'vitest';
import { foldName } from '../../src/common/text.js';
import { pnrr } from '../../src/domains/pnrr/index.js';
import { PnrrComuneDocument } from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';
import { currentGrants } from './csv.js';

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
  expect(events.filter((e) => e.kind === 'GRANT_RENOUNCED')).toHaveLength(
    located.filter((g) => g.status === 'R' && g.statusOn).length,
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
  const hits = await pnrr.search.PnrrBody(hub.context().em, {
    text,
    folded: foldName(text),
    limit: 5,
  });
  expect(hits.map((h) => (h.node as { ipaCode: string }).ipaCode)).toContain('citsrl');
});
