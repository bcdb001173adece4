import { MikroORM } from '@mikro-orm/postgresql';
import { print } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it, inject } from 'vitest';
import { ANONYMOUS } from '../../src/common/actor.js';
import { ormConfig } from '../../src/db/orm.config.js';
import { createSchema } from '../../src/schema.js';
import { createApollo } from '../../src/server/app.js';
import {
  ComuniCentresAndEnergyDocument,
  UpgradeProgrammesDocument,
  type ComuniCentresAndEnergyQuery,
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

async function run(query: string, variables: Record<string, unknown>) {
  statements.length = 0;
  const res = await apollo.executeOperation(
    { query, variables },
    { contextValue: { em: orm.em.fork(), actor: ANONYMOUS, requestId: 'n+1', loaders: new Map() } },
  );
  if (res.body.kind !== 'single') throw new Error('unexpected incremental response');
  expect(res.body.singleResult.errors).toBeUndefined();
  return { data: res.body.singleResult.data, sql: statements.length };
}

it('serves 52 comuni with centres, programmes and energy communities with fundings in as many statements as 1', async () => {
  const doc = print(ComuniCentresAndEnergyDocument);
  const one = await run(doc, { grouping: '019035' });
  const all = await run(doc, { grouping: 'consorzio-it' });
  const comuni = (all.data as ComuniCentresAndEnergyQuery).comuni;
  expect(comuni.totalCount).toBe(52);
  const crema = comuni.edges.find((e) => e.node.istatCode === '019035')!.node;
  expect(crema.energyCommunities[0].fundings[0].amount).toBe('103000.00');
  expect(comuni.edges.flatMap((e) => e.node.collectionCentres)).toHaveLength(42);
  expect(all.sql).toBe(one.sql);
  // territory, count, page, centres, organisations, datasets, memberships, programmes,
  // communities, fundings, funders: one statement each, whatever the number of comuni.
  expect(all.sql).toBeLessThanOrEqual(12);
});

it('serves the programme with participants, lots and milestones in a fixed number of statements', async () => {
  const { sql } = await run(print(UpgradeProgrammesDocument), { first: 100 });
  expect(sql).toBeLessThanOrEqual(12);
});
