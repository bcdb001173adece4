import { afterAll, beforeAll, expect, it } from 'vitest';
import { ANONYMOUS, type Actor } from '../../src/common/actor.js';
import { createSchema } from '../../src/schema.js';
import { newKey, ownPlans } from '../access/support.js';
import { OperationFuzzer, type FuzzOperation } from '../support/fuzz.js';
import { createTestHub } from '../support/hub.js';

// A fuzz of the GraphQL surface: operations generated from the schema with a fixed seed
// (FUZZ_SEED, FUZZ_COUNT to explore further), run through Apollo's real pipeline with the
// default limits, as every role. No input may cause an internal error.
const SEED = process.env.FUZZ_SEED ?? 'cremasco-hub-fuzz-1';
const COUNT = Number(process.env.FUZZ_COUNT ?? 1000);
// The only plan the fuzz may change (a comune outside the seeded 22: other files run in parallel).
const COMUNE = '019112';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
let dropPlans: () => Promise<void>;
const roles: [string, Actor][] = [['anonymous', ANONYMOUS]];

beforeAll(async () => {
  // FUZZ_DEBUG=1 shows the messages of internal errors (development mode).
  hub = await createTestHub(process.env.FUZZ_DEBUG ? { NODE_ENV: 'development' } : {});
  dropPlans = await ownPlans(hub.orm, [COMUNE]);
  for (const role of ['PARTNER', 'ANALYST', 'ADMIN'] as const)
    roles.push([role, (await newKey(hub.orm, { role })).actor]);
  roles.push([
    'EDITOR',
    (await newKey(hub.orm, { role: 'EDITOR', comuni: [COMUNE], domains: ['civil-protection'] }))
      .actor,
  ]);
});
afterAll(async () => {
  await dropPlans?.();
  await hub?.close();
});

it(`runs ${COUNT} generated operations as every role without an internal error`, async () => {
  const fuzzer = new OperationFuzzer(await createSchema(), SEED, COMUNE);
  const ops: FuzzOperation[] = Array.from({ length: COUNT }, () => fuzzer.next());
  const outcomes = new Map<string, number>();
  const internal: { role: string; op: FuzzOperation; message: string }[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < ops.length; i = next++) {
      const [role, actor] = roles[i % roles.length];
      const res = await hub.run(ops[i].query, ops[i].variables, actor);
      // By code, and by limit where a limit refused it (e.g. GRAPHQL_VALIDATION_FAILED/cost).
      const codes = new Set(
        (res.errors ?? []).map((e) =>
          [e.extensions?.code, e.extensions?.limit].filter(Boolean).join('/'),
        ),
      );
      for (const code of codes.size ? codes : ['ok'])
        outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
      for (const e of res.errors ?? [])
        if (e.extensions?.code === 'INTERNAL_SERVER_ERROR' || !e.extensions?.code)
          internal.push({ role, op: ops[i], message: e.message });
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  console.log(
    `fuzz seed ${SEED}: ${COUNT} operations; responses by error code (an operation may count under several):`,
    Object.fromEntries([...outcomes].sort((a, b) => b[1] - a[1])),
  );
  expect(internal.slice(0, 5).map((x) => ({ ...x, op: JSON.stringify(x.op) }))).toEqual([]);
}, 600_000);
