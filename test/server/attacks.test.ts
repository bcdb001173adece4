import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newKey } from '../access/support.js';
import { startTestHttp } from '../support/hub.js';

// Hostile requests against the real HTTP app with the DEFAULT limits, in production mode.
// Each is refused with a 4xx and a code (and a limit name where a limit refuses it) before
// any SQL reaches PostgreSQL (every statement of every pg client of this process is counted;
// requests with a key may look the key up, nothing else), and the server's memory stays flat.

type Http = Awaited<ReturnType<typeof startTestHttp>>;
let http: Http;
let editor: string;
let analyst: string;
const sql: string[] = [];
const results: { shape: string; status: number; ms: number; code: string; limit: string }[] = [];

beforeAll(async () => {
  http = await startTestHttp({ NODE_ENV: 'production' });
  editor = (await newKey(http.orm, { role: 'EDITOR', comuni: ['019111'] })).secret;
  analyst = (await newKey(http.orm, { role: 'ANALYST' })).secret;
  const query = pg.Client.prototype.query;
  vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
    this: pg.Client,
    ...args: unknown[]
  ) {
    const first = args[0] as string | { text?: string };
    sql.push(typeof first === 'string' ? first : (first?.text ?? String(first)));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query);
});
afterAll(async () => {
  vi.restoreAllMocks();
  console.log(
    'attack shapes (default limits; in-process server on a shared, loaded machine):\n' +
      results
        .map((r) => `${r.shape} | ${r.status} | ${r.code} | ${r.limit} | ${r.ms} ms`)
        .join('\n'),
  );
  await http?.close();
});

const gql = (query: string, variables?: unknown, headers: Record<string, string> = {}) =>
  http.post({ query, variables }, headers);

interface Expect {
  status: number;
  code: string;
  limit?: string;
  /** Statements a request with a key may send: its key lookup. */
  keyed?: boolean;
}

/** Sends one attack, checks the refusal and that no SQL ran, records status and time. */
async function refused(shape: string, send: () => Promise<Response>, want: Expect) {
  sql.length = 0;
  const t = performance.now();
  const res = await send();
  const text = await res.text();
  const ms = Math.round(performance.now() - t);
  expect(res.status, `${shape}: ${text.slice(0, 300)}`).toBe(want.status);
  const body = JSON.parse(text) as {
    data?: unknown;
    errors: { extensions?: Record<string, unknown> }[];
  };
  expect(body.data ?? null).toBeNull();
  const ext = body.errors[0].extensions ?? {};
  expect(ext.code, shape).toBe(want.code);
  if (want.limit) expect(ext.limit, shape).toBe(want.limit);
  expect(ext.stacktrace).toBeUndefined();
  const allowed = want.keyed ? sql.filter((s) => !/"api_key"/.test(s)) : sql;
  expect(allowed, `${shape} reached PostgreSQL`).toEqual([]);
  results.push({
    shape,
    status: res.status,
    ms,
    code: String(ext.code),
    limit: String(ext.limit ?? ''),
  });
}

const nested = (depth: number) =>
  `{ comune(istatCode: "019035") ${'{ groupings(first: 1) { members(first: 1) '.repeat(depth)}{ name }${' } }'.repeat(depth)} }`;
const b64 = (s: string) => Buffer.from(s).toString('base64url');

it('counts the statements of every pg client (a legitimate question does reach PostgreSQL)', async () => {
  sql.length = 0;
  const res = await gql('{ organization(code: "consorzio-it") { name } }');
  expect(res.status).toBe(200);
  expect(sql.length).toBeGreaterThan(0);
});

describe('fan-outs, depth and breadth', () => {
  it('refuses the fan-out that took the server down (estimated by list sizes)', async () => {
    await refused(
      'fan-out territorialGroupings{members{groupings{members{groupings{members}}}}}',
      () =>
        gql(
          '{ territorialGroupings { members { groupings { members { groupings { members { name } } } } } } }',
        ),
      { status: 400, code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost' },
    );
    await refused(
      'fan-out comune{groupings{members{groupings{members}}}}',
      () =>
        gql(
          '{ comune(istatCode: "019035") { groupings { members { groupings { members { name } } } } } }',
        ),
      { status: 400, code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost' },
    );
    await refused(
      'page of 500 comuni with a nested dossier list',
      () => gql('{ comuni(first: 500) { edges { node { groupings { members { name } } } } } }'),
      { status: 400, code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost' },
    );
  });

  it('refuses depth, aliases (__typename included) and directives', async () => {
    await refused('depth 14', () => gql(nested(6)), {
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'depth',
    });
    const aliases = Array.from(
      { length: 31 },
      (_, i) => `a${i}: comune(istatCode: "019035") { name }`,
    );
    await refused('31 aliases', () => gql(`{ ${aliases.join(' ')} }`), {
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'aliases',
    });
    const typenames = Array.from({ length: 31 }, (_, i) => `t${i}: __typename`);
    await refused('31 __typename aliases', () => gql(`{ ${typenames.join(' ')} }`), {
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'aliases',
    });
    const directives = Array.from({ length: 21 }, () => '__typename @include(if: true)');
    await refused('21 directives', () => gql(`{ ${directives.join(' ')} }`), {
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'directives',
    });
  });

  it('refuses circular fragments, fragment bombs and deep introspection', async () => {
    await refused(
      'circular fragments',
      () => gql('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
      { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    );
    const bomb = Array.from(
      { length: 20 },
      (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    ).join(' ');
    await refused(
      'fragment bomb (2^20 expansions)',
      () => gql(`query { ...F0 } ${bomb} fragment F20 on Query { __typename }`),
      { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    );
    await refused(
      'introspection nested through fields',
      () =>
        gql('{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }'),
      { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    );
  });
});

describe('documents and requests', () => {
  it('refuses token floods and deep nesting before the parser', async () => {
    await refused('token flood (5,000 tokens)', () => gql(`{ ${'__typename '.repeat(5000)}}`), {
      status: 400,
      code: 'GRAPHQL_PARSE_FAILED',
      limit: 'tokens',
    });
    const deep = `{ nodes(ids: ${'['.repeat(3000)}${']'.repeat(3000)}) { id } }`;
    await refused('3,000 nested [', () => gql(deep), {
      status: 400,
      code: 'GRAPHQL_PARSE_FAILED',
      limit: 'nesting',
    });
  });

  it('refuses batches, huge bodies and oversized headers', async () => {
    await refused(
      'batch of 2 operations',
      () => http.post([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
      { status: 400, code: 'BAD_REQUEST', limit: 'batching' },
    );
    await refused('body of 200 KB', () => gql(`{ __typename } # ${'x'.repeat(200_000)}`), {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      limit: 'bodySize',
    });
    await refused(
      'header of 20 KB',
      () => gql('{ __typename }', undefined, { 'x-padding': 'x'.repeat(20_000) }),
      { status: 431, code: 'REQUEST_HEADER_FIELDS_TOO_LARGE', limit: 'headerSize' },
    );
  });

  it('refuses CSRF-able requests and mutations over GET', async () => {
    const url = `${http.base}/graphql?query=${encodeURIComponent('{ __typename }')}`;
    await refused('CSRF: simple GET without preflight', () => fetch(url), {
      status: 400,
      code: 'BAD_REQUEST',
    });
    await refused(
      'CSRF: POST as text/plain',
      () =>
        fetch(`${http.base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({ query: '{ __typename }' }),
        }),
      { status: 400, code: 'BAD_REQUEST' },
    );
    const mutation = encodeURIComponent(
      'mutation { updateCivilProtectionPlan(istatCode: "019111", expectedVersion: 1, input: {}) { changedFields } }',
    );
    await refused(
      'mutation over GET',
      () =>
        fetch(`${http.base}/graphql?query=${mutation}`, {
          headers: { 'apollo-require-preflight': 'true' },
        }),
      { status: 405, code: 'BAD_REQUEST' },
    );
  });
});

describe('hostile arguments', () => {
  it('refuses NUL in every string argument that reaches SQL, naming it', async () => {
    const nul = 'a\u0000b';
    const shapes: [string, string, Record<string, unknown>?][] = [
      ['organization(code:)', `{ organization(code: "a\\u0000b") { name } }`],
      [
        'territorialGrouping(code:) via a variable',
        'query($c: String!) { territorialGrouping(code: $c) { name } }',
        { c: nul },
      ],
      [
        'broadbandSummary(territory:)',
        'query($t: String!) { broadbandSummary(territory: $t) { territory } }',
        { t: nul },
      ],
      [
        'pnrrSummary(territory:)',
        'query($t: String!) { pnrrSummary(territory: $t) { total } }',
        { t: nul },
      ],
      [
        'featureCollection(territory:)',
        'query($t: String!) { featureCollection(territory: $t, layer: COMUNI) }',
        { t: nul },
      ],
      [
        'energyEvents(territory:)',
        'query($t: String) { energyEvents(territory: $t) { id } }',
        { t: nul },
      ],
      [
        'comuni(filter.grouping)',
        'query($t: String) { comuni(filter: { grouping: $t }) { totalCount } }',
        { t: nul },
      ],
      [
        'collectionCentres(filter.territory)',
        'query($t: String) { collectionCentres(filter: { territory: $t }) { totalCount } }',
        { t: nul },
      ],
      [
        'civilProtectionPlans(filter.territory)',
        'query($t: String) { civilProtectionPlans(filter: { territory: $t }) { totalCount } }',
        { t: nul },
      ],
      [
        'energyCommunities(filter.territory)',
        'query($t: String) { energyCommunities(filter: { territory: $t }) { id } }',
        { t: nul },
      ],
      [
        'pnrrProjects(filter.territory)',
        'query($t: String) { pnrrProjects(filter: { territory: $t }) { totalCount } }',
        { t: nul },
      ],
      ['comune(name:)', 'query($t: String) { comune(name: $t) { name } }', { t: nul }],
      ['search(text:)', 'query($t: String!) { search(text: $t) { edges { score } } }', { t: nul }],
    ];
    for (const [shape, query, variables] of shapes)
      await refused(`NUL in ${shape}`, () => gql(query, variables), {
        status: 400,
        code: 'BAD_USER_INPUT',
      });
    await refused(
      'NUL in the mutation text fields (an EDITOR key)',
      () =>
        gql(
          'mutation($i: UpdateCivilProtectionPlanInput!) { updateCivilProtectionPlan(istatCode: "019111", expectedVersion: 1, input: $i) { changedFields } }',
          {
            i: {
              officer: { name: nul },
              scenarios: [{ hazard: 'FLOOD', title: 'x', procedures: nul }],
            },
          },
          { authorization: `Bearer ${editor}` },
        ),
      { status: 400, code: 'BAD_USER_INPUT', keyed: true },
    );
  });

  it('refuses over-long strings with a length limit', async () => {
    await refused(
      'comune(name:) of 99 KB',
      () => gql('query($n: String) { comune(name: $n) { name } }', { n: 'x'.repeat(99_000) }),
      { status: 400, code: 'BAD_USER_INPUT', limit: 'stringLength' },
    );
  });

  it('refuses global ids whose type is an Object.prototype member', async () => {
    for (const type of ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'])
      await refused(
        `node(id:) of type ${type}`,
        () => gql('query($id: ID!) { node(id: $id) { id } }', { id: b64(`${type}:1`) }),
        { status: 400, code: 'BAD_USER_INPUT' },
      );
    await refused(
      'nodes(ids:) with a NUL key',
      () => gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [b64('Comune:\u0000')] }),
      { status: 400, code: 'BAD_USER_INPUT' },
    );
  });

  it('refuses a NUL or a repeated territory in exports (never widened to the province)', async () => {
    const auth = { authorization: `Bearer ${analyst}` };
    await refused(
      'GET /export/comuni.csv?territory=%00',
      () => fetch(`${http.base}/export/comuni.csv?territory=%00`, { headers: auth }),
      { status: 400, code: 'BAD_USER_INPUT', keyed: true },
    );
    await refused(
      'GET /export/comuni.csv?territory=a&territory=b',
      () =>
        fetch(`${http.base}/export/comuni.csv?territory=019035&territory=019018`, {
          headers: auth,
        }),
      { status: 400, code: 'BAD_USER_INPUT', keyed: true },
    );
  });
});

describe('the server under attack', () => {
  it('keeps its memory flat while fan-outs are refused', async () => {
    const attacks = [
      '{ territorialGroupings { members { groupings { members { groupings { members { name } } } } } } }',
      '{ comune(istatCode: "019035") { groupings { members { groupings { members { name } } } } } }',
    ];
    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    sql.length = 0;
    try {
      for (let round = 0; round < 20; round++)
        await Promise.all(attacks.map(async (q) => expect((await gql(q)).status).toBe(400)));
    } finally {
      clearInterval(sampler);
    }
    expect(sql).toEqual([]);
    // Before the cost estimate counted lists, one of these grew the process by 4 GB.
    expect(peak - base).toBeLessThan(150 * 1024 * 1024);
  });
});
