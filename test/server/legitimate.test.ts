import type { MikroORM } from '@mikro-orm/postgresql';
import { getNullableType, isListType, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyActor } from '../../src/common/actor.js';
import type { SizeExtensions } from '../../src/common/limits.js';
import { createSchema } from '../../src/schema.js';
import { costEstimator, estimateCost } from '../../src/server/limits/cost.js';
import { newKey, ownPlans } from '../access/support.js';
import { createTestHub, testConfig } from '../support/hub.js';
import { legitimateOperations, MUTATED_COMUNE } from '../support/legitimate.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
let orm: MikroORM;
let schema: GraphQLSchema;
let dropPlans: () => Promise<void>;
const actors: Partial<Record<'ADMIN' | 'EDITOR', KeyActor>> = {};

beforeAll(async () => {
  hub = await createTestHub(); // every limit at its default
  orm = hub.orm;
  schema = await createSchema();
  dropPlans = await ownPlans(orm, [MUTATED_COMUNE]);
  actors.ADMIN = (await newKey(orm, { role: 'ADMIN' })).actor;
  actors.EDITOR = (
    await newKey(orm, { role: 'EDITOR', comuni: [MUTATED_COMUNE], domains: ['civil-protection'] })
  ).actor;
});
afterAll(async () => {
  await dropPlans?.();
  await hub?.close();
});

describe('every list is bounded', () => {
  it('declares the size of every list field: a hard cap, a size argument, or its connection', async () => {
    const undeclared: string[] = [];
    for (const type of Object.values((await createSchema()).getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type))) continue;
        const ext = (field.extensions ?? {}) as SizeExtensions;
        if (!ext.maxItems && !ext.sizedByParent) undeclared.push(`${type.name}.${field.name}`);
      }
    }
    expect(undeclared).toEqual([]);
  });
});

const figures: { name: string; cost: number; rows: number; bytes: number; ms: number }[] = [];
afterAll(() => {
  // The figures the defaults are derived from (README, Safety): the largest of each.
  const top = (k: 'cost' | 'rows' | 'bytes' | 'ms') =>
    [...figures]
      .sort((a, b) => b[k] - a[k])
      .slice(0, 3)
      .map((f) => `${f[k]} (${f.name})`);
  console.log(
    `legitimate operations: ${figures.length}\n` +
      (['cost', 'rows', 'bytes', 'ms'] as const)
        .map((k) => `largest ${k}: ${top(k).join('; ')}`)
        .join('\n'),
  );
});

describe('legitimate questions pass under the default limits', () => {
  const defaults = testConfig();
  const ops = legitimateOperations();

  it('covers the README, test/operations, the bench dossier and a page of 200 addresses', () => {
    expect(ops.filter((o) => o.name.startsWith('README')).length).toBeGreaterThanOrEqual(15);
    expect(ops.filter((o) => o.name.startsWith('test/operations')).length).toBeGreaterThanOrEqual(
      50,
    );
  });

  it.each(ops.map((o) => [o.name, o] as const))('%s', async (_, op) => {
    const cost = estimateCost(
      schema,
      costEstimator(schema),
      parse(op.query),
      op.operationName,
      op.variables,
    );
    expect(cost).toBeLessThanOrEqual(defaults.HUB_MAX_COST);
    // One operation per document (with its fragments): no operationName needed.
    const started = performance.now();
    const res = await hub.run(op.query, op.variables, op.as && actors[op.as]);
    const ms = Math.round(performance.now() - started);
    expect(res.errors ?? []).toEqual([]);
    figures.push({
      name: op.name,
      cost,
      rows: hub.lastBudget()?.rows ?? 0,
      bytes: JSON.stringify(res).length,
      ms,
    });
  });
});
