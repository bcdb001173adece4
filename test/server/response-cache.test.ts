import { MikroORM } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { ormConfig } from '../../src/db/orm.config.js';
import { importCollectionCentres } from '../../src/domains/infrastructure/ingest/collection-centre.import.js';
import { createSchema } from '../../src/schema.js';
import { createApp } from '../../src/server/app.js';
import { newKey, ownPlans } from '../access/support.js';
import { testConfig } from '../support/hub.js';
import { createScratchDatabase } from '../support/scratch-db.js';

/*
 * The response cache and HTTP caching through the real HTTP app (Apollo, express, the
 * data-version listener) on a database of this file's own (it writes).
 */

const PLAN = '019001';
let db: Awaited<ReturnType<typeof createScratchDatabase>>;
let dir: string;

/** The HTTP app on the scratch database, counting the SQL statements its ORM sends. */
async function startHub(env: Record<string, string> = {}) {
  let statements = 0;
  const orm = await MikroORM.init({
    ...ormConfig(db.url),
    debug: ['query'],
    logger: () => void statements++,
  });
  const app = await createApp({
    orm,
    schema: await createSchema(),
    config: testConfig({ HUB_CACHE: 'on', HUB_RATE_ANONYMOUS: '0', ...env }),
    log: pino({ level: 'silent' }),
  });
  await new Promise<void>((r) => app.httpServer.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const get = (params: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params))
      q.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    return fetch(`${base}/graphql?${q}`, {
      headers: { 'apollo-require-preflight': 'true', ...headers },
    });
  };
  return {
    orm,
    app,
    base,
    post,
    get,
    /** SQL statements sent while `fn` ran. */
    statementsDuring: async <T>(fn: () => Promise<T>) => {
      const before = statements;
      const value = await fn();
      return { value, statements: statements - before };
    },
    close: async () => {
      await app.close();
      await orm.close();
    },
  };
}
type Hub = Awaited<ReturnType<typeof startHub>>;

let hub: Hub;
let editor: string;
let dropPlans: () => Promise<void>;

beforeAll(async () => {
  db = await createScratchDatabase('cache', {
    domains: ['hub', 'infrastructure', 'civil-protection'],
  });
  dir = await mkdtemp(join(tmpdir(), 'hub-cache-'));
  hub = await startHub();
  dropPlans = await ownPlans(hub.orm, [PLAN]);
  editor = (
    await newKey(hub.orm, { role: 'EDITOR', comuni: [PLAN], domains: ['civil-protection'] })
  ).secret;
}, 240_000);
afterAll(async () => {
  await dropPlans?.();
  await hub?.close();
  await rm(dir, { recursive: true, force: true });
  await db?.drop();
});

const STATUS = `query Status($c: String!) { comune(istatCode: $c) { name civilProtectionPlan { status version } } }`;
const OFFICER = `query Officer($c: String!) { comune(istatCode: $c) { civilProtectionPlan { officer { role phone } } } }`;
const UPDATE = `mutation U($c: String!, $v: Int!, $input: UpdateCivilProtectionPlanInput!) {
  updateCivilProtectionPlan(istatCode: $c, expectedVersion: $v, input: $input) { plan { status version } } }`;

const status = async (h: Hub) => {
  const res = await h.post({ query: STATUS, variables: { c: PLAN } });
  return {
    res,
    body: (await res.json()) as {
      data: { comune: { civilProtectionPlan: { status: string; version: number } } };
    },
  };
};

async function update(h: Hub, input: Record<string, unknown>) {
  const { body } = await status(h);
  const res = await h.post(
    {
      query: UPDATE,
      variables: { c: PLAN, v: body.data.comune.civilProtectionPlan.version, input },
    },
    { authorization: `Bearer ${editor}` },
  );
  expect(res.headers.get('cache-control')).toBe('no-store');
  const json = (await res.json()) as { errors?: unknown };
  expect(json.errors).toBeUndefined();
}

describe('response cache', () => {
  it('answers a repeated anonymous query from the cache without a single SQL statement', async () => {
    const first = await hub.statementsDuring(() => status(hub));
    expect(first.value.res.headers.get('x-hub-cache')).toBe('MISS');
    expect(first.statements).toBeGreaterThan(0);
    const again = await hub.statementsDuring(() => status(hub));
    expect(again.value.res.headers.get('x-hub-cache')).toBe('HIT');
    expect(again.statements).toBe(0);
    expect(again.value.body).toEqual(first.value.body);
    expect(again.value.res.headers.get('etag')).toBe(first.value.res.headers.get('etag'));
    expect(again.value.res.headers.get('cache-control')).toBe('public, no-cache');
    // Other variables: another answer.
    const other = await hub.post({ query: STATUS, variables: { c: '019035' } });
    expect(other.headers.get('x-hub-cache')).toBe('MISS');
  });

  it('gives the new answer right after a mutation through the same process', async () => {
    await status(hub);
    const before = await status(hub);
    expect(before.res.headers.get('x-hub-cache')).toBe('HIT');
    const next =
      before.body.data.comune.civilProtectionPlan.status === 'SUBMITTED' ? 'DRAFTING' : 'SUBMITTED';
    await update(hub, { status: next });
    const after = await status(hub);
    expect(after.res.headers.get('x-hub-cache')).toBe('MISS');
    expect(after.body.data.comune.civilProtectionPlan.status).toBe(next);
    expect(after.res.headers.get('etag')).not.toBe(before.res.headers.get('etag'));
  });

  it('gives the new answer once an import by another connection commits (NOTIFY)', async () => {
    const q = `{ collectionCentres(first: 50, filter: { territory: "019001" }) { totalCount } }`;
    const read = async () => {
      const res = await hub.post({ query: q });
      return {
        res,
        count: ((await res.json()) as { data: { collectionCentres: { totalCount: number } } }).data
          .collectionCentres.totalCount,
      };
    };
    const before = await read();
    expect((await read()).res.headers.get('x-hub-cache')).toBe('HIT');
    // An import as `npm run import` runs it: its own ORM and connections.
    const other = await MikroORM.init(ormConfig(db.url));
    const dataset = `cache-test-${process.pid}`;
    try {
      await other.em
        .fork()
        .execute(
          `insert into dataset (id, title, publisher, synthetic) values (?, 'Cache test (synthetic)', 'tests', true)`,
          [dataset],
        );
      const file = join(dir, 'centres.csv');
      await writeFile(
        file,
        'istat_code,comune_name,kind,name,name_is_official,owner_code,operator_code,address,lat,lon,description,dataset,source_note\n' +
          `019001,,MUNICIPAL_COLLECTION_CENTRE,Centro cache test,,,,,,,,${dataset},\n`,
      );
      const changed = new Promise<void>((resolve) =>
        hub.app.shared.cache['watcher'].once('change', resolve),
      );
      await importCollectionCentres(other.em.fork(), file);
      // The notification of the commit reaches the listener: no poll, no sleep.
      await changed;
    } finally {
      await other.close();
    }
    const after = await read();
    expect(after.res.headers.get('x-hub-cache')).toBe('MISS');
    expect(after.count).toBe(before.count + 1);
  });

  it('never gives personal fields to another caller', async () => {
    await update(hub, { officer: { role: 'Responsabile', phone: '0373 123456' } });
    const asEditor = async () => {
      const res = await hub.post(
        { query: OFFICER, variables: { c: PLAN } },
        { authorization: `Bearer ${editor}` },
      );
      return {
        res,
        body: (await res.json()) as {
          data: { comune: { civilProtectionPlan: { officer: { phone: string | null } } } };
        },
      };
    };
    const e1 = await asEditor();
    expect(e1.body.data.comune.civilProtectionPlan.officer.phone).toBe('0373 123456');
    expect(e1.res.headers.get('cache-control')).toBe('private, no-store');
    expect(e1.res.headers.get('x-hub-cache')).toBeNull();
    // Each editor read is computed (and access-logged), never replayed.
    const e2 = await hub.statementsDuring(() => asEditor());
    expect(e2.statements).toBeGreaterThan(0);
    expect(e2.value.res.headers.get('x-hub-cache')).toBeNull();
    for (let i = 0; i < 2; i++) {
      const anon = await hub.post({ query: OFFICER, variables: { c: PLAN } });
      const body = (await anon.json()) as {
        data: { comune: { civilProtectionPlan: { officer: { phone: string | null } } } };
        errors: { extensions: { code: string } }[];
      };
      expect(body.data.comune.civilProtectionPlan.officer.phone).toBeNull();
      expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(anon.headers.get('x-hub-cache')).toBeNull();
      expect(anon.headers.get('cache-control')).toBe('no-store');
    }
    expect(
      JSON.stringify(await (await hub.post({ query: OFFICER, variables: { c: PLAN } })).json()),
    ).not.toContain('123456');
  });
});

describe('HTTP caching', () => {
  it('answers GET queries with an ETag, 304 while current, 200 with new data after a change', async () => {
    const params = { query: STATUS, variables: { c: PLAN } };
    const first = await hub.get(params);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    const firstBody = (await first.json()) as {
      data: { comune: { civilProtectionPlan: { status: string } } };
    };
    const notModified = await hub.statementsDuring(() =>
      hub.get(params, { 'if-none-match': etag }),
    );
    expect(notModified.value.status).toBe(304);
    expect(await notModified.value.text()).toBe('');
    expect(notModified.statements).toBe(0);
    const next =
      firstBody.data.comune.civilProtectionPlan.status === 'SUBMITTED' ? 'DRAFTING' : 'SUBMITTED';
    await update(hub, { status: next });
    const changed = await hub.get(params, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(
      ((await changed.json()) as typeof firstBody).data.comune.civilProtectionPlan.status,
    ).toBe(next);
  });

  it('refuses a GET without a CSRF preflight header, even for a stored answer', async () => {
    await hub.get({ query: STATUS, variables: { c: PLAN } });
    const q = new URLSearchParams({ query: STATUS, variables: JSON.stringify({ c: PLAN }) });
    const res = await fetch(`${hub.base}/graphql?${q}`, {
      headers: { accept: 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-hub-cache')).toBeNull();
  });

  it('runs persisted queries by hash (APQ), over GET too', async () => {
    const query = `query Apq { comune(istatCode: "019035") { name } }`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const unknown = (await (await hub.get({ extensions })).json()) as {
      errors: { extensions: { code: string } }[];
    };
    expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await hub.post({ query, extensions });
    expect(await registered.json()).toEqual({ data: { comune: { name: 'Crema' } } });
    const byHash = await hub.get({ extensions });
    expect(byHash.status).toBe(200);
    expect(byHash.headers.get('etag')).toBe(registered.headers.get('etag'));
    expect(byHash.headers.get('x-hub-cache')).toBe('HIT');
    expect(await byHash.json()).toEqual({ data: { comune: { name: 'Crema' } } });
    const revalidated = await hub.get(
      { extensions },
      { 'if-none-match': byHash.headers.get('etag')! },
    );
    expect(revalidated.status).toBe(304);
  });

  it('never stores a mutation and marks keyed answers private', async () => {
    const res = await hub.post(
      { query: STATUS, variables: { c: PLAN } },
      { authorization: `Bearer ${editor}` },
    );
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    // Not the cache's ETag (express's own weak one over the body, if any).
    expect(res.headers.get('etag') ?? 'W/').toMatch(/^W\//);
    expect(res.headers.get('x-hub-cache')).toBeNull();
  });
});

describe('exports', () => {
  it('answer with an ETag from their data version, 304 while current, 200 after a change', async () => {
    const analyst = (await newKey(hub.orm, { role: 'ANALYST' })).secret;
    const auth = { authorization: `Bearer ${analyst}` };
    const url = `${hub.base}/export/collection-centres.csv?territory=019001`;
    const first = await fetch(url, { headers: auth });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(first.headers.get('cache-control')).toMatch(/^(public|private), no-cache$/);
    const rows = (await first.text()).trim().split('\n').length;
    const again = await fetch(url, { headers: { ...auth, 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    await hub.orm.em
      .fork()
      .execute(
        `insert into collection_centre (comune_istat_code, kind, name, name_key, dataset_id) select '019001', kind, 'Export cache test', 'export cache test', dataset_id from collection_centre limit 1`,
      );
    const changed = await fetch(url, { headers: { ...auth, 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect((await changed.text()).trim().split('\n').length).toBe(rows + 1);
  });
});

describe('HUB_CACHE=off', () => {
  it('computes every answer', async () => {
    const off = await startHub({ HUB_CACHE: 'off' });
    try {
      await off.post({ query: STATUS, variables: { c: PLAN } });
      const again = await off.statementsDuring(() =>
        off.post({ query: STATUS, variables: { c: PLAN } }),
      );
      expect(again.statements).toBeGreaterThan(0);
      expect(again.value.headers.get('x-hub-cache')).toBeNull();
      // HTTP revalidation still works: the ETag comes from the data version.
      expect(again.value.headers.get('etag')).toMatch(/^"/);
    } finally {
      await off.close();
    }
  });
});

describe('what the cache relies on', () => {
  it('tracks every table the GraphQL answers of anonymous callers can read', async () => {
    // A table without the data-version triggers would let a cached answer outlive a change.
    const rows = await hub.orm.em.fork().execute<{ relname: string }[]>(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind in ('r', 'p')
          and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname like 'hub_data_version%')
        order by 1`,
    );
    // The hub's own logs and keys: only key holders read them, and their answers are never stored.
    expect(rows.map((r) => r.relname)).toEqual([
      'access_log_entry',
      'api_key',
      'data_version',
      'hub_instance',
      'import_run',
      'mikro_orm_migrations',
    ]);
  });

  it('validates the new settings with messages naming them', () => {
    const parse = (env: Record<string, string>) => () =>
      loadConfig({ LOG_LEVEL: 'silent', ...env });
    expect(parse({ DATABASE_REPLICA_URLS: 'postgres://a/db, mysql://b/db' })).toThrow(ConfigError);
    expect(parse({ DATABASE_REPLICA_URLS: 'postgres://a/db, mysql://b/db' })).toThrow(
      /DATABASE_REPLICA_URLS: entry 2 \("mysql:\/\/b\/db"\) is not a postgres/,
    );
    expect(
      loadConfig({ DATABASE_REPLICA_URLS: ' postgres://a/db ,postgres://b/db' })
        .DATABASE_REPLICA_URLS,
    ).toEqual(['postgres://a/db', 'postgres://b/db']);
    expect(loadConfig({}).DATABASE_REPLICA_URLS).toEqual([]);
    expect(parse({ HUB_CACHE: 'maybe' })).toThrow(/HUB_CACHE must be on or off/);
    expect(parse({ REDIS_URL: 'http://x' })).toThrow(/REDIS_URL must be a redis:\/\//);
  });
});
