import { afterAll, beforeAll, expect, it } from 'vitest';
import { PlansNestedDocument } from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';

let hub: Awaited<ReturnType<typeof createTestHub>>;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

/** Runs the nested plans query for a territory; returns the plans and the SQL count. */
async function run(territory: string) {
  const r = await hub.counted(PlansNestedDocument, { filter: { territory } });
  return { plans: r.data!.civilProtectionPlans.totalCount, sql: r.statements };
}

it('loads plans with every nested record in the same number of statements for 1 or 22 plans', async () => {
  const one = await run('019018');
  const all = await run('ppc-2023-casaletto-ceredano');
  expect([one.plans, all.plans]).toEqual([1, 22]);
  expect(all.sql).toBe(one.sql);
  // territory, count, page, then one statement per kind of related record.
  expect(all.sql).toBeLessThanOrEqual(12);
});
