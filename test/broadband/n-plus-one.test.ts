import { MikroORM } from '@mikro-orm/postgresql';
import { print } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it, inject } from 'vitest';
import { ANONYMOUS } from '../../src/common/actor.js';
import { ormConfig } from '../../src/db/orm.config.js';
import { createSchema } from '../../src/schema.js';
import { createApollo } from '../../src/server/app.js';
import {
  BroadbandAddressPageDocument,
  BroadbandComuniFiguresDocument,
  BroadbandSummaryDocument,
  type BroadbandGroupBy,
} from '../generated/graphql.js';
import { testConfig } from '../support/hub.js';

const statements: string[] = [];
let orm: MikroORM;
let apollo: ReturnType<typeof createApollo>;
beforeAll(async () => {
  orm = await MikroORM.init({
    ...ormConfig(inject('databaseUrl')),
    debug: ['query'],
    logger: (line: string) => statements.push(line),
  });
  apollo = createApollo({
    orm,
    schema: await createSchema(),
    config: testConfig(),
    log: pino({ level: 'silent' }),
  });
  await apollo.start();
});
afterAll(async () => {
  await apollo.stop();
  await orm.close();
});

/** Runs an operation and returns how many SQL statements it sent, and its data. */
async function count(query: string, variables: Record<string, unknown>) {
  statements.length = 0;
  const res = await apollo.executeOperation(
    { query, variables },
    { contextValue: { em: orm.em.fork(), actor: ANONYMOUS, requestId: 't', loaders: new Map() } },
  );
  if (res.body.kind !== 'single') throw new Error('unexpected');
  expect(res.body.singleResult.errors).toBeUndefined();
  return { n: statements.length, data: res.body.singleResult.data as Record<string, never> };
}

it('broadband figures of 52 comuni cost the same number of statements as those of one', async () => {
  const doc = print(BroadbandComuniFiguresDocument);
  const many = await count(doc, { grouping: 'consorzio-it' });
  const one = await count(doc, { grouping: '019035' });
  expect((many.data.comuni as { edges: unknown[] }).edges).toHaveLength(52);
  expect(one.n).toBeGreaterThan(0);
  expect(many.n).toBe(one.n);
});

it('a summary issues a constant number of statements whatever its grouping', async () => {
  const doc = print(BroadbandSummaryDocument);
  const counts = [];
  for (const groupBy of [
    'COMUNE',
    'PLAN',
    'TECHNOLOGY',
    'STATUS',
    'GROUPING',
  ] as BroadbandGroupBy[])
    for (const territory of ['consorzio-it', 'province-cr', '019062'])
      counts.push((await count(doc, { territory, groupBy })).n);
  expect(Math.max(...counts)).toBeLessThanOrEqual(8);
});

it('a page of addresses aggregates nothing and costs a constant number of statements', async () => {
  const doc = print(BroadbandAddressPageDocument);
  const first = await count(doc, { istatCode: '019035', first: 100 });
  expect(statements.some((s) => /group by/i.test(s))).toBe(false);
  const conn = (
    first.data.comune as { broadband: { addresses: { pageInfo: { endCursor: string } } } }
  ).broadband.addresses;
  const next = await count(doc, {
    istatCode: '019035',
    first: 100,
    after: conn.pageInfo.endCursor,
  });
  expect(next.n).toBe(first.n);
  expect(first.n).toBeLessThanOrEqual(3);
});
