import { MikroORM } from '@mikro-orm/postgresql';
import { print } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it, inject } from 'vitest';
import { ANONYMOUS } from '../../src/common/actor.js';
import { requestValues } from '../../src/common/context.js';
import { ormConfig } from '../../src/db/orm.config.js';
import { createSchema } from '../../src/schema.js';
import { createApollo } from '../../src/server/app.js';
import {
  PnrrClaimsDocument,
  PnrrComuniFullDocument,
  PnrrComuniTotalsDocument,
  type PnrrClaimsQuery,
  type PnrrComuniFullQuery,
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
    config: testConfig({ HUB_MAX_COST: '1000000' }),
    log: pino({ level: 'silent' }),
  });
  await apollo.start();
});
afterAll(async () => {
  await apollo.stop();
  await orm.close();
});

async function run(query: string, variables: Record<string, unknown> = {}) {
  statements.length = 0;
  const res = await apollo.executeOperation(
    { query, variables },
    {
      contextValue: {
        em: orm.em.fork(),
        actor: ANONYMOUS,
        requestId: 'n+1',
        loaders: requestValues(),
      },
    },
  );
  if (res.body.kind !== 'single') throw new Error('unexpected incremental response');
  expect(res.body.singleResult.errors).toBeUndefined();
  return { data: res.body.singleResult.data, sql: statements.length };
}

it('totals by measure for 52 comuni take as many statements as for 1', async () => {
  const doc = print(PnrrComuniTotalsDocument);
  const one = await run(doc, { grouping: '019035' });
  const all = await run(doc, { grouping: 'consorzio-it' });
  expect(all.sql).toBe(one.sql);
  // territory, count, page of comuni, then ONE grouped statement for every comune's sums.
  expect(all.sql).toBeLessThanOrEqual(4);
});

it('the full PNRR section (grants, bodies, notices, projects) is set-based too', async () => {
  const doc = print(PnrrComuniFullDocument);
  const one = await run(doc, { grouping: '019035', asOf: '2024-12-31' });
  const all = await run(doc, { grouping: 'consorzio-it', asOf: '2024-12-31' });
  const comuni = (all.data as PnrrComuniFullQuery).comuni.edges;
  expect(comuni).toHaveLength(52);
  expect(comuni.filter((e) => e.node.pnrr.grants.edges.length > 0).length).toBeGreaterThan(40);
  expect(all.sql).toBe(one.sql);
});

it('reconciling every claim costs a fixed number of statements', async () => {
  const { sql, data } = await run(print(PnrrClaimsDocument));
  const claims = (data as PnrrClaimsQuery).claims;
  // claims, measures, datasets, parts, totals; a lookup per territory (2); one sum per
  // (basis, territory, date): 4 bases x 2 territories per claim date; where no file
  // published that day is held, one check per territory.
  const dates = new Set(claims.map((c) => c.asOf));
  const withoutFile = [...dates].filter((d) => d !== '2022-11-17').length;
  expect(sql).toBeLessThanOrEqual(5 + 2 + 8 * dates.size + 2 * withoutFile);
  // The same, whatever the number of claims: it depends on the distinct dates only.
  expect(dates.size).toBeLessThan(claims.length);
});
