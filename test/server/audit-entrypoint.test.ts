import type { MikroORM } from '@mikro-orm/postgresql';
import { print } from 'graphql';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { newKey, ownPlans } from '../access/support.js';
import {
  AccessLogDocument,
  ChangesDocument,
  PlanOfComuneDocument,
  UpdatePlanDocument,
} from '../generated/graphql.js';
import { startChildHub, type ChildHub } from '../support/entry-point.js';
import { openTestOrm } from '../support/hub.js';

// The audit logs under the real entry point (`npm start` runs the sources through tsx, whose
// transpiler differs from vitest's): after a mutation, `changes` and `accessLog` must page.
// A plan of this file only (a comune outside the seeded 22): other files run in parallel.
const COMUNE = '019114';
let orm: MikroORM;
let hub: ChildHub;
let dropPlans: () => Promise<void>;
let editor: string;
let admin: string;

beforeAll(async () => {
  orm = await openTestOrm();
  dropPlans = await ownPlans(orm, [COMUNE]);
  editor = (await newKey(orm, { role: 'EDITOR', comuni: [COMUNE], domains: ['civil-protection'] }))
    .secret;
  admin = (await newKey(orm, { role: 'ADMIN' })).secret;
  // The run's seeded database, no seeding: what `npm start` does with DATABASE_URL.
  hub = await startChildHub({ DATABASE_URL: inject('databaseUrl'), HUB_SEED: 'never' });
}, 120_000);
afterAll(async () => {
  await hub?.stop();
  await dropPlans?.();
  await orm?.close();
});

async function post(key: string, document: Parameters<typeof print>[0], variables: object) {
  const res = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: print(document), variables }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data!;
}

type Page = {
  totalCount: number;
  edges: { node: { field: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

/** Walks a log one entry per page through its cursors; returns the fields seen. */
async function walk(key: string, document: typeof ChangesDocument | typeof AccessLogDocument) {
  const fields: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const data = await post(key, document, { filter: { comune: COMUNE }, first: 1, after });
    const page = (data.changes ?? data.accessLog) as Page;
    fields.push(...page.edges.map((e) => e.node.field));
    expect(typeof page.pageInfo.endCursor).toBe('string');
    if (!page.pageInfo.hasNextPage) return { fields, total: page.totalCount };
    after = page.pageInfo.endCursor;
  }
  throw new Error('the log did not end');
}

it('pages the change log and the access log after a mutation, under npm start', async () => {
  const input = { officer: { name: 'Audit Officer', phone: '+39 0373 222222' } };
  const changed = await post(editor, UpdatePlanDocument, {
    istatCode: COMUNE,
    expectedVersion: 1,
    input,
  });
  expect(
    (changed.updateCivilProtectionPlan as { changedFields: string[] }).changedFields,
  ).toHaveLength(2);
  // Reading the officer's personal fields as the editor writes the access log.
  await post(editor, PlanOfComuneDocument, { istatCode: COMUNE });

  for (const key of [admin, editor]) {
    const changes = await walk(key, ChangesDocument);
    expect(changes.fields.sort()).toEqual(['name', 'phone']);
    expect(changes.total).toBe(2);
  }
  // The officer's fields read by the editor, and the change log's personal values it read.
  const reads = await walk(admin, AccessLogDocument);
  expect(reads.fields.length).toBe(reads.total);
  expect(reads.fields).toEqual(
    expect.arrayContaining(['name', 'phone', 'email', 'name (change log: after)']),
  );
}, 120_000);
