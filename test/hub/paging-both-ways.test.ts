import { getNamedType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, KeyActor } from '../../src/common/actor.js';
import { createSchema } from '../../src/schema.js';
import { newKey, ownPlans } from '../access/support.js';
import { PlanOfComuneDocument, UpdatePlanDocument } from '../generated/graphql.js';
import { createTestHub } from '../support/hub.js';

type Hub = Awaited<ReturnType<typeof createTestHub>>;
let hub: Hub;
let admin: KeyActor;
let dropPlans: () => Promise<void>;
// Plans of this file only (comuni outside the seeded 22): other files run in parallel.
const OWN = ['019002', '019003'];

beforeAll(async () => {
  hub = await createTestHub();
  dropPlans = await ownPlans(hub.orm, OWN);
  admin = (await newKey(hub.orm, { role: 'ADMIN' })).actor;
  // Finished runs of an importer name of this file's own (imports run in parallel elsewhere).
  await hub.orm.em.fork().execute(
    `delete from import_run where importer = 'paging-both-ways';
     insert into import_run (importer, file_name, file_path, encoding, outcome, ended_at, host, pid, os_user)
     select 'paging-both-ways', 'f' || n || '.csv', '/tmp/f' || n || '.csv', 'utf-8', 'SUCCEEDED', now(), 'test', 1, 'test'
       from generate_series(1, 3) n`,
  );
  // Change-log entries (every changed field of each update) and access-log entries (every
  // read of personal data by a key) on this file's own plans.
  for (const code of OWN)
    for (let v = 1; v <= 3; v++) {
      const r = await hub.run(
        UpdatePlanDocument,
        {
          istatCode: code,
          expectedVersion: v,
          input: {
            officer: { name: `Officer ${v}`, phone: `0373 00000${v}`, email: `o${v}@example.org` },
            crisisUnit: [{ role: 'Sindaco', name: `Mayor ${v}`, phone: null }],
          },
        },
        admin,
      );
      expect(r.errors).toBeUndefined();
      expect((await hub.run(PlanOfComuneDocument, { istatCode: code }, admin)).errors).toBe(
        undefined,
      );
    }
});
afterAll(async () => {
  await dropPlans?.();
  await hub?.close();
});

const SELECTION = `totalCount
  edges { cursor node { id } }
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

interface Conn {
  totalCount: number;
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/** A connection of the schema, reached by one query with the four paging variables. */
interface Case {
  /** Schema coordinate of the connection field. */
  field: string;
  /** Query text; `PAGE` stands for the paging arguments, `SEL` for the selection. */
  query: string;
  pick: (data: Record<string, unknown>) => Conn;
  size: number;
  actor?: () => Actor;
  /** What identifies a node in the selection (default `id`; types that are not nodes). */
  nodeId?: string;
  /**
   * The data hold a single item (no page boundary to cross): both ways must return it,
   * with its totalCount. Used where no comune has two (uncertain grants on a date).
   */
  single?: boolean;
}

const PAGE = 'first: $first, after: $after, last: $last, before: $before';
const VARS = '$first: Int, $after: String, $last: Int, $before: String';
const at =
  (...path: string[]) =>
  (data: Record<string, unknown>) =>
    path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], data) as Conn;

const CASES: Case[] = [
  {
    field: 'Query.comuni',
    query: `query Q(${VARS}) { comuni(${PAGE}) { SEL } }`,
    pick: at('comuni'),
    size: 7,
  },
  {
    field: 'Query.comuni',
    query: `query Q(${VARS}) { comuni(${PAGE}, orderBy: { field: NAME }, filter: { grouping: "area-omogenea-cremasca" }) { SEL } }`,
    pick: at('comuni'),
    size: 5,
  },
  {
    field: 'Query.comuni',
    query: `query Q(${VARS}) { comuni(${PAGE}, orderBy: { field: POPULATION, direction: DESC }) { SEL } }`,
    pick: at('comuni'),
    size: 9,
  },
  {
    field: 'Query.collectionCentres',
    // The 52 of Consorzio.IT: the importer test adds centres elsewhere, in parallel.
    query: `query Q(${VARS}) { collectionCentres(${PAGE}, filter: { territory: "consorzio-it" }) { SEL } }`,
    pick: at('collectionCentres'),
    size: 4,
  },
  {
    field: 'Query.civilProtectionPlans',
    // The seeded 22: other test files add and drop plans of their own, in parallel.
    query: `query Q(${VARS}) { civilProtectionPlans(${PAGE}, filter: { territory: "ppc-2023-casaletto-ceredano" }) { SEL } }`,
    pick: at('civilProtectionPlans'),
    size: 3,
  },
  {
    field: 'Query.pnrrProjects',
    query: `query Q(${VARS}) { pnrrProjects(${PAGE}) { SEL } }`,
    pick: at('pnrrProjects'),
    size: 60,
  },
  {
    field: 'Query.search',
    query: `query Q(${VARS}) { search(text: "crema", types: ["Comune", "Organization", "PnrrProject", "EnergyCommunity"], ${PAGE}) { SEL } }`,
    pick: at('search'),
    size: 6,
  },
  {
    field: 'ComuneBroadband.addresses',
    query: `query Q(${VARS}) { comune(istatCode: "019062") { broadband { addresses(${PAGE}) { SEL } } } }`,
    pick: at('comune', 'broadband', 'addresses'),
    size: 41,
  },
  {
    field: 'ComuneBroadband.addresses',
    query: `query Q(${VARS}) { comune(istatCode: "019062") { broadband { addresses(${PAGE}, filter: { category: C }) { SEL } } } }`,
    pick: at('comune', 'broadband', 'addresses'),
    size: 2,
  },
  {
    field: 'ComunePnrr.grants',
    query: `query Q(${VARS}) { comune(istatCode: "019034") { pnrr { grants(${PAGE}) { SEL } } } }`,
    pick: at('comune', 'pnrr', 'grants'),
    size: 3,
  },
  {
    field: 'ComunePnrr.uncertainGrants',
    // Vailate's 1.2 grant: funded on 2022-11-17, renounced on a day not known after that.
    query: `query Q(${VARS}) { comune(istatCode: "019112") { pnrr(asOf: "2022-12-01") { uncertainGrants(${PAGE}) { SEL } } } }`,
    pick: at('comune', 'pnrr', 'uncertainGrants'),
    size: 1,
    single: true,
  },
  {
    field: 'ComunePnrr.projects',
    query: `query Q(${VARS}) { comune(istatCode: "019035") { pnrr { projects(${PAGE}) { SEL } } } }`,
    pick: at('comune', 'pnrr', 'projects'),
    size: 4,
  },
  {
    field: 'UpgradeProgramme.participants',
    query: `query Q(${VARS}) { upgradeProgramme(code: "ccr-upgrade-2023") { participants(${PAGE}) { SEL } } }`,
    pick: at('upgradeProgramme', 'participants'),
    size: 4,
  },
  {
    field: 'Query.facilitationMeetings',
    query: `query Q(${VARS}) { facilitationMeetings(${PAGE}) { SEL } }`,
    pick: at('facilitationMeetings'),
    size: 1,
  },
  {
    field: 'Query.initiatives',
    query: `query Q(${VARS}) { initiatives(${PAGE}) { SEL } }`,
    pick: at('initiatives'),
    size: 2,
  },
  {
    field: 'Query.importRuns',
    query: `query Q(${VARS}) { importRuns(${PAGE}, filter: { importer: "paging-both-ways" }) { SEL } }`,
    pick: at('importRuns'),
    size: 1,
    nodeId: 'number',
    actor: () => admin,
  },
  {
    field: 'Query.changes',
    query: `query Q(${VARS}) { changes(${PAGE}, filter: { comune: "${OWN[0]}" }) { SEL } }`,
    pick: at('changes'),
    size: 2,
    actor: () => admin,
  },
  {
    field: 'Query.accessLog',
    query: `query Q(${VARS}) { accessLog(${PAGE}, filter: { actor: "ACTOR" }) { SEL } }`,
    pick: at('accessLog'),
    size: 2,
    actor: () => admin,
  },
];

async function pageOf(c: Case, vars: Record<string, unknown>): Promise<Conn> {
  const query = c.query
    .replace(
      'SEL',
      c.nodeId ? SELECTION.replace('node { id }', `node { id: ${c.nodeId} }`) : SELECTION,
    )
    .replace('"ACTOR"', JSON.stringify(admin?.label ?? ''));
  const r = await hub.run<Record<string, unknown>, Record<string, unknown>>(
    query,
    vars,
    c.actor?.(),
  );
  expect(r.errors, `${c.field} ${JSON.stringify(vars)}`).toBeUndefined();
  return c.pick(r.data!);
}

/** Walks a connection one way, checking each page's pageInfo, and returns the ids in order. */
async function walk(c: Case, backward: boolean) {
  const ids: string[] = [];
  const cursors: string[] = [];
  let cursor: string | null = null;
  let total = -1;
  for (let n = 0; n < 1000; n++) {
    const conn: Conn = await pageOf(
      c,
      backward ? { last: c.size, before: cursor } : { first: c.size, after: cursor },
    );
    total = conn.totalCount;
    const { pageInfo, edges } = conn;
    expect(edges.length).toBeLessThanOrEqual(c.size);
    expect(pageInfo.startCursor).toBe(edges[0]?.cursor ?? null);
    expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
    // The side we came from: known from the cursor; the side we go to: from the rows.
    expect(backward ? pageInfo.hasNextPage : pageInfo.hasPreviousPage).toBe(n > 0);
    const more = backward ? pageInfo.hasPreviousPage : pageInfo.hasNextPage;
    const seen = backward ? [...edges].reverse() : edges;
    ids.push(...seen.map((e) => e.node.id));
    cursors.push(...seen.map((e) => e.cursor));
    if (!more) return { ids, cursors, total };
    expect(edges).toHaveLength(c.size);
    cursor = backward ? pageInfo.startCursor : pageInfo.endCursor;
  }
  throw new Error(`${c.field}: too many pages`);
}

describe('paging both ways, on every connection', () => {
  it('covers every connection field of the schema', async () => {
    const schema = await createSchema();
    const connections = new Set<string>();
    for (const type of Object.values(schema.getTypeMap()))
      if (isObjectType(type) && !type.name.startsWith('__'))
        for (const field of Object.values(type.getFields()))
          if (getNamedType(field.type).name.endsWith('Connection'))
            connections.add(`${type.name}.${field.name}`);
    expect([...connections].sort()).toEqual([...new Set(CASES.map((c) => c.field))].sort());
  });

  it.each(CASES.map((c, i) => [`${c.field} #${i}`, c] as const))(
    '%s: backward paging returns the forward items in reverse, totalCount counts them',
    async (_name, c) => {
      const forward = await walk(c, false);
      const backward = await walk(c, true);
      if (c.single) {
        expect(forward.ids).toHaveLength(1);
        expect(backward.ids).toEqual(forward.ids);
        expect([forward.total, backward.total]).toEqual([1, 1]);
        return;
      }
      expect(forward.ids.length).toBeGreaterThan(c.size);
      expect(new Set(forward.ids).size).toBe(forward.ids.length);
      expect(backward.ids.reverse()).toEqual(forward.ids);
      expect(forward.total).toBe(forward.ids.length);
      expect(backward.total).toBe(forward.ids.length);

      // Between two cursors, either way, with a page larger than the window.
      const [i, j] = [1, Math.min(forward.ids.length - 1, c.size + 3)];
      const window = forward.ids.slice(i + 1, j);
      const between = { after: forward.cursors[i], before: forward.cursors[j] };
      for (const vars of [
        { ...between, first: window.length + 5 },
        { ...between, last: window.length + 5 },
      ]) {
        const conn = await pageOf(c, vars);
        expect(conn.edges.map((e) => e.node.id)).toEqual(window);
        expect(conn.pageInfo.hasNextPage).toBe('last' in vars);
        expect(conn.pageInfo.hasPreviousPage).toBe('first' in vars);
      }
      // The last page, asked for directly.
      const tail = await pageOf(c, { last: 2 });
      expect(tail.edges.map((e) => e.node.id)).toEqual(forward.ids.slice(-2));
      expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      // An empty page still tells whether items lie before it.
      const none = await pageOf(c, { last: 0 });
      expect(none.edges).toEqual([]);
      expect(none.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    },
  );

  it('refuses first with last, an oversized last and forged cursors, naming the argument', async () => {
    const c = CASES[0];
    const forged = [Buffer.from('[19035]').toString('base64url'), 'not a cursor'];
    for (const [vars, arg] of [
      [{ first: 2, last: 2 }, 'last'],
      [{ last: 501 }, 'last'],
      [{ last: -1 }, 'last'],
      [{ last: 2, before: forged[0] }, 'before'],
      [{ last: 2, before: forged[1] }, 'before'],
      [{ first: 2, after: forged[0] }, 'after'],
    ] as const) {
      const r = await hub.run(c.query.replace('SEL', SELECTION), vars);
      expect(r.errors?.[0].extensions?.code, JSON.stringify(vars)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].extensions?.argument ?? r.errors?.[0].message).toMatch(arg);
    }
  });
});
