import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../src/db/orm.config.js';
import { newKey, ownPlans } from '../access/support.js';
import { startChildHub, type ChildHub } from '../support/child-hub.js';
import { createScratchDatabase } from '../support/scratch-db.js';

/*
 * Two hubs started as `npm start` starts them (src/main.ts, child processes) on one
 * database and one Redis (REDIS_URL; a key prefix of this run's own): identical answers, a
 * shared response cache, a mutation through one seen at once through the other, one rate
 * limit for both. The second reads through a "replica" (DATABASE_REPLICA_URLS pointing at the
 * same database: its connections are named "cremasco-hub replica-1"), which proves the setting
 * is used.
 */

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PLAN = '019001';
const LIMIT = 500;
let db: Awaited<ReturnType<typeof createScratchDatabase>>;
let a: ChildHub;
let b: ChildHub;
let editor: string;

beforeAll(async () => {
  db = await createScratchDatabase('two_hubs', { domains: ['hub', 'civil-protection'] });
  const orm = await MikroORM.init(ormConfig(db.url));
  try {
    await ownPlans(orm, [PLAN]);
    editor = (await newKey(orm, { role: 'EDITOR', comuni: [PLAN], domains: ['civil-protection'] }))
      .secret;
  } finally {
    await orm.close();
  }
  const env = {
    DATABASE_URL: db.url,
    REDIS_URL,
    HUB_REDIS_PREFIX: `test-two-hubs-${randomUUID()}:`,
    HUB_RATE_ANONYMOUS: String(LIMIT),
  };
  [a, b] = await Promise.all([
    startChildHub(env),
    startChildHub({ ...env, DATABASE_REPLICA_URLS: db.url }),
  ]);
}, 240_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.drop();
});

const STATUS = `query Status($c: String!) { comune(istatCode: $c) { name civilProtectionPlan { status version } } }`;
const post = (hub: ChildHub, body: unknown, headers: Record<string, string> = {}) =>
  fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
type Status = { data: { comune: { civilProtectionPlan: { status: string; version: number } } } };

it('answers identically, shares the cache, and sees a mutation through the other at once', async () => {
  const fromA = await post(a, { query: STATUS, variables: { c: PLAN } });
  expect(fromA.headers.get('x-hub-cache')).toBe('MISS');
  const bodyA = (await fromA.json()) as Status;
  const fromB = await post(b, { query: STATUS, variables: { c: PLAN } });
  // Computed by A, stored in Redis, served by B.
  expect(fromB.headers.get('x-hub-cache')).toBe('HIT');
  expect(await fromB.json()).toEqual(bodyA);
  expect(fromB.headers.get('etag')).toBe(fromA.headers.get('etag'));

  const plan = bodyA.data.comune.civilProtectionPlan;
  const next = plan.status === 'SUBMITTED' ? 'DRAFTING' : 'SUBMITTED';
  const mutation = await post(
    a,
    {
      query: `mutation U($c: String!, $v: Int!) { updateCivilProtectionPlan(istatCode: $c, expectedVersion: $v, input: { status: ${next} }) { plan { status } } }`,
      variables: { c: PLAN, v: plan.version },
    },
    { authorization: `Bearer ${editor}` },
  );
  expect(((await mutation.json()) as { errors?: unknown }).errors).toBeUndefined();
  const afterB = await post(b, { query: STATUS, variables: { c: PLAN } });
  expect(((await afterB.json()) as Status).data.comune.civilProtectionPlan.status).toBe(next);
  expect(afterB.headers.get('etag')).not.toBe(fromB.headers.get('etag'));
  const afterA = await post(a, { query: STATUS, variables: { c: PLAN } });
  expect(afterA.headers.get('x-hub-cache')).toBe('HIT');
  expect(((await afterA.json()) as Status).data.comune.civilProtectionPlan.status).toBe(next);
}, 60_000);

it('shares one rate limit between the processes', async () => {
  const remaining = async (hub: ChildHub) =>
    Number((await post(hub, { query: '{ __typename }' })).headers.get('ratelimit-remaining'));
  const first = await remaining(a);
  expect(first).toBeLessThan(LIMIT);
  expect(await remaining(b)).toBe(first - 1);
  expect(await remaining(a)).toBe(first - 2);
});

it('sends reads to the read replica named by DATABASE_REPLICA_URLS', async () => {
  // A query B has never answered: computed, hence read through B's replica connection.
  const res = await post(b, {
    query: `{ comuni(first: 3) { edges { node { istatCode name } } } }`,
  });
  expect(res.status).toBe(200);
  expect(b.log.join('\n')).toMatch(/read replica/);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where application_name = $1 and datname = current_database()',
      ['cremasco-hub replica-1'],
    );
    expect(rows[0].n).toBeGreaterThan(0);
  } finally {
    await client.end();
  }
});
