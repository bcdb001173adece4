import { MikroORM } from '@mikro-orm/postgresql';
import { print } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it, inject } from 'vitest';
import { ANONYMOUS } from '../../src/common/actor.js';
import { ormConfig } from '../../src/db/orm.config.js';
import { createSchema } from '../../src/schema.js';
import { createApollo } from '../../src/server/app.js';
import { PlansNestedDocument, type PlansNestedQuery } from '../generated/graphql.js';
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

/** Runs the nested plans query for a territory; returns the plans and the SQL count. */
async function run(territory: string) {
  statements.length = 0;
  const res = await apollo.executeOperation(
    { query: print(PlansNestedDocument), variables: { filter: { territory } } },
    { contextValue: { em: orm.em.fork(), actor: ANONYMOUS, requestId: 'n+1', loaders: new Map() } },
  );
  if (res.body.kind !== 'single') throw new Error('unexpected incremental response');
  const data = res.body.singleResult.data as PlansNestedQuery;
  return { plans: data.civilProtectionPlans.totalCount, sql: statements.length };
}

it('loads plans with every nested record in the same number of statements for 1 or 22 plans', async () => {
  const one = await run('019018');
  const all = await run('ppc-2023-casaletto-ceredano');
  expect([one.plans, all.plans]).toEqual([1, 22]);
  expect(all.sql).toBe(one.sql);
  // territory, count, page, then one statement per kind of related record.
  expect(all.sql).toBeLessThanOrEqual(12);
});
