import {
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { MAX_PAGE } from '../../../../src/common/pagination.js';
import { costEstimator, estimateCost } from '../../../../src/server/limits/cost.js';

/** A small schema declaring sizes the way the hub's fields do (field extensions). */
const Comune: GraphQLObjectType = new GraphQLObjectType({
  name: 'Comune',
  fields: () => ({
    name: { type: GraphQLString },
    istatCode: { type: GraphQLString },
    neighbours: { type: new GraphQLList(Comune), extensions: { maxItems: 10 } },
  }),
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      comuni: { type: new GraphQLList(Comune), extensions: { maxItems: 150 } },
      page: { type: new GraphQLList(Comune), args: { first: { type: GraphQLInt } } },
      byCodes: {
        type: new GraphQLList(Comune),
        args: { codes: { type: new GraphQLList(new GraphQLNonNull(GraphQLString)) } },
        extensions: { sizeArg: 'codes', maxItems: 100 },
      },
      one: { type: Comune },
    },
  }),
});
const cost = (query: string, variables?: Record<string, unknown>) =>
  estimateCost(schema, costEstimator(schema), parse(query), undefined, variables);

describe('the cost model', () => {
  it('costs a list of 150 comuni with 2 fields at 150 \u00d7 (1 + 2) = 450, as documented', () => {
    expect(cost('{ comuni { name istatCode } }')).toBe(450);
  });

  it('multiplies nested lists', () => {
    expect(cost('{ comuni { neighbours { name } } }')).toBe(150 * (1 + 10 * (1 + 1)));
  });

  it('sizes a list by its `first`, capped, or by the length of a list argument', () => {
    expect(cost('{ page(first: 10) { name } }')).toBe(10 * 2);
    expect(cost('query($n: Int) { page(first: $n) { name } }', { n: 3 })).toBe(3 * 2);
    expect(cost('{ page { name } }')).toBe(MAX_PAGE * 2);
    expect(cost('{ page(first: 100000) { name } }')).toBe(MAX_PAGE * 2);
    expect(cost('{ page(first: -5) { name } }')).toBe(0);
    expect(cost('{ byCodes(codes: ["019035", "019036", "019037"]) { name } }')).toBe(3 * 2);
  });

  it('costs a single object 1 plus its fields', () => {
    expect(cost('{ one { name istatCode } }')).toBe(3);
  });
});
