import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DossierManyDocument, DossierOneDocument } from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
beforeAll(async () => {
  // The 52-comune dossier costs more than the default HUB_MAX_COST (see bench/notes.md).
  hub = await createTestHub({ HUB_MAX_COST: '10000000' });
});
afterAll(() => hub.close());

/**
 * Issue 12: at most 5 SQL statements per dossier (the whole fragment of
 * test/operations/dossier.graphql, every domain), flat from 1 to 52 comuni. Statements are
 * counted as the ORM's query logger sees them, the lean read path's included.
 */
describe('statements per dossier (lean read path)', () => {
  it('one comune by ISTAT code: at most 5', async () => {
    const r = await hub.counted(DossierOneDocument, { istatCode: '019035' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.comune!.name).toBe('Crema');
    expect(r.statements).toBeGreaterThan(0);
    expect(r.statements, r.sql.join('\n---\n')).toBeLessThanOrEqual(5);
  });

  it('the 52 comuni of the consortium in one request: at most 5, as many as for 1', async () => {
    const one = await hub.counted(DossierManyDocument, { grouping: '019035', first: 100 });
    const all = await hub.counted(DossierManyDocument, { grouping: 'consorzio-it', first: 100 });
    expect(one.errors).toBeUndefined();
    expect(all.errors).toBeUndefined();
    expect(one.data!.comuni.edges).toHaveLength(1);
    expect(all.data!.comuni.edges).toHaveLength(52);
    expect(one.statements, one.sql.join('\n---\n')).toBeLessThanOrEqual(5);
    expect(all.statements, all.sql.join('\n---\n')).toBeLessThanOrEqual(5);
    expect(all.statements).toBe(one.statements);
  });
});
