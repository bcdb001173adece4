import {
  graphql,
  GraphQLInt,
  GraphQLList,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestBudget } from '../../src/common/budget.js';
import type { HubContext } from '../../src/common/context.js';
import { instrumentSchema } from '../../src/server/limits/instrument.js';
import { startTestHttp } from '../support/hub.js';

// The budget of a request while it runs: what the estimate lets through is still stopped
// with a coded error, never a crash. The limits are lowered here to reach them.

type Http = Awaited<ReturnType<typeof startTestHttp>>;
let http: Http;
beforeAll(async () => {
  http = await startTestHttp({
    NODE_ENV: 'production',
    HUB_MAX_ROWS: '100',
    HUB_MAX_RESPONSE_BYTES: '20000',
  });
});
afterAll(() => http?.close());

async function stopped(query: string, limit: string) {
  const res = await http.post({ query });
  expect(res.status).toBe(400);
  const body = (await res.json()) as {
    data?: unknown;
    errors: { message: string; extensions: Record<string, unknown> }[];
  };
  expect(body.data).toBeUndefined();
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].extensions).toMatchObject({ code: 'BUDGET_EXCEEDED', limit });
  return body.errors[0];
}

describe('the budget of a request', () => {
  it('stops a request that materialises more rows than HUB_MAX_ROWS, with that error alone', async () => {
    const e = await stopped('{ comuni(first: 113) { edges { node { name } } } }', 'rows');
    expect(e.message).toMatch(/more than 100 rows \(HUB_MAX_ROWS\)/);
    const within = await http.post({ query: '{ comuni(first: 90) { edges { node { name } } } }' });
    expect(within.status).toBe(200);
  });

  it('counts the rows of nested lists across the whole request', async () => {
    await stopped(
      '{ comuni(first: 40) { edges { node { postalCodes groupings { code } } } } }',
      'rows',
    );
  });

  it('stops a response larger than HUB_MAX_RESPONSE_BYTES', async () => {
    const e = await stopped(
      '{ comuni(first: 50) { edges { node { boundary } } } }',
      'responseBytes',
    );
    expect(e.message).toMatch(/more than 20000 \(HUB_MAX_RESPONSE_BYTES\)/);
  });

  it('stops on time: every later check throws the same error', () => {
    const budget = new RequestBudget(
      { rows: 10, responseBytes: 1000, timeMs: 100 },
      Date.now() - 1000,
    );
    expect(() => budget.check()).toThrow(/longer than 100 ms/);
    expect(budget.exceeded?.extensions).toMatchObject({ code: 'BUDGET_EXCEEDED', limit: 'time' });
    expect(() => budget.charge(1)).toThrow(budget.exceeded!);
  });
});

describe('list caps', () => {
  it('refuses a list longer than its documented cap rather than cutting it', async () => {
    const schema = instrumentSchema(
      new GraphQLSchema({
        query: new GraphQLObjectType({
          name: 'Query',
          fields: {
            few: {
              type: new GraphQLList(GraphQLInt),
              extensions: { maxItems: 2 },
              resolve: () => [1, 2, 3],
            },
            name: { type: GraphQLString, resolve: () => 'x' },
          },
        }),
      }),
    );
    const contextValue = {
      budget: new RequestBudget({ rows: 10, responseBytes: 1000, timeMs: 10000 }),
    } as unknown as HubContext;
    const res = await graphql({ schema, source: '{ few name }', contextValue });
    expect(res.data).toEqual({ few: null, name: 'x' });
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      limit: 'listCap',
      max: 2,
    });
    expect(res.errors?.[0].message).toMatch(
      /Query\.few holds 3 items, more than its documented cap of 2/,
    );
    expect(schema.getQueryType()!.getFields().few.description).toBe('At most 2.');
  });
});
