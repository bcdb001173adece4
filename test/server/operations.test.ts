import { MikroORM } from '@mikro-orm/postgresql';
import { Migration } from '@mikro-orm/migrations';
import { print } from 'graphql';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrationsList } from '../../migrations/index.js';
import { loadConfig } from '../../src/config.js';
import { ormConfig } from '../../src/db/orm.config.js';
import { AccessLogEntry } from '../../src/access/model/access-log.entity.js';
import { ChangeLogEntry } from '../../src/access/model/change-log.entity.js';
import { createSchema } from '../../src/schema.js';
import { createApp } from '../../src/server/app.js';
import { HubMetrics, MAX_OPERATION_NAMES, startMetricsServer } from '../../src/server/metrics.js';
import { clientRequestId } from '../../src/server/request-id.js';
import { newKey, ownPlans } from '../access/support.js';
import { AccessLogDocument, UpdatePlanDocument } from '../generated/graphql.js';
import { freePort } from '../support/global-setup.js';
import { startTestHttp } from '../support/hub.js';

type Http = Awaited<ReturnType<typeof startTestHttp>>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const json = { 'content-type': 'application/json' };
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** The app as `npm start` builds it, on an ORM of the caller's choice, listening on a free port. */
async function startApp(orm: MikroORM, env: Record<string, string> = {}) {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const app = await createApp({
    orm,
    schema: await createSchema(),
    config,
    log: pino({ level: 'silent' }),
  });
  await new Promise<void>((r) => app.httpServer.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  return { ...app, base, config };
}

/** An ORM pointing at a port where no PostgreSQL listens (it connects on first use). */
async function unreachableOrm() {
  const url = new URL(inject('databaseUrl'));
  url.port = String(await freePort());
  return MikroORM.initSync({ ...ormConfig(url.toString()), pool: { min: 0, max: 2 } });
}

describe('request ids', () => {
  // A comune outside the seeded 22 plans, used by no other test file.
  const C = '019013';
  let http: Http;
  let drop: () => Promise<void>;
  let editor: string;
  let admin: string;
  beforeAll(async () => {
    http = await startTestHttp();
    drop = await ownPlans(http.orm, [C]);
    editor = (await newKey(http.orm, { role: 'EDITOR', comuni: [C] })).secret;
    admin = (await newKey(http.orm, { role: 'ADMIN' })).secret;
  });
  afterAll(async () => {
    await drop();
    await http.close();
  });

  const readOfficer = (headers: Record<string, string>) =>
    http.post(
      { query: `{ comune(istatCode: "${C}") { civilProtectionPlan { officer { name phone } } } }` },
      { ...bearer(admin), ...headers },
    );
  const logged = (requestId: string) =>
    http.orm.em.fork().find(AccessLogEntry, { requestId }, { orderBy: { pk: 'asc' } });

  it('keeps only bounded printable client ids', () => {
    expect(clientRequestId('abc-123')).toBe('abc-123');
    expect(clientRequestId('  padded  ')).toBe('padded');
    expect(clientRequestId('x'.repeat(128))).toBe('x'.repeat(128));
    expect(clientRequestId('x'.repeat(129))).toBeNull();
    expect(clientRequestId('caf\u00e9')).toBeNull();
    expect(clientRequestId('a\u0000b')).toBeNull();
    expect(clientRequestId('')).toBeNull();
    expect(clientRequestId(['a', 'b'])).toBeNull();
    expect(clientRequestId(undefined)).toBeNull();
  });

  it('answers with an id of its own and writes it, and the client id apart, to both audit logs', async () => {
    const res = await http.post(
      {
        query: print(UpdatePlanDocument),
        variables: {
          istatCode: C,
          expectedVersion: 1,
          input: { officer: { name: 'Ops Officer', phone: '0373 000001' } },
        },
      },
      { ...bearer(editor), 'x-request-id': 'client-42' },
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(UUID);
    const changes = await http.orm.em.fork().find(ChangeLogEntry, { comune: C });
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes)
      expect(c).toMatchObject({ requestId: id, clientRequestId: 'client-42' });
    // The mutation's answer reads the officer back: logged with the same ids.
    const reads = await logged(id);
    expect(reads.map((r) => r.field)).toContain('phone');
    for (const r of reads) expect(r.clientRequestId).toBe('client-42');
  });

  it('drops an oversized id, and the same client id twice gives two hub ids', async () => {
    const huge = await readOfficer({ 'x-request-id': 'x'.repeat(8000) });
    expect(huge.status).toBe(200);
    const hugeId = huge.headers.get('x-request-id')!;
    expect(hugeId).toMatch(UUID);
    const hugeReads = await logged(hugeId);
    expect(hugeReads).toHaveLength(2);
    for (const r of hugeReads) expect(r.clientRequestId).toBeNull();

    const [a, b] = [
      await readOfficer({ 'x-request-id': 'dup' }),
      await readOfficer({ 'x-request-id': 'dup' }),
    ];
    const [ida, idb] = [a.headers.get('x-request-id')!, b.headers.get('x-request-id')!];
    expect(ida).not.toBe(idb);
    expect((await logged(ida)).map((r) => r.clientRequestId)).toEqual(['dup', 'dup']);
    expect((await logged(idb)).map((r) => r.clientRequestId)).toEqual(['dup', 'dup']);
    // No entry ever carries a client's id as the hub's request id.
    const [{ n }] = await http.orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>(
        `select count(*)::int as n from access_log_entry where request_id in ('dup', 'client-42') or length(request_id) > 36`,
      );
    expect(n).toBe(0);

    // Admins read both ids through the API.
    const log = await http.post(
      { query: print(AccessLogDocument), variables: { filter: { comune: C }, first: 50 } },
      bearer(admin),
    );
    const nodes = (
      (await log.json()) as {
        data: {
          accessLog: { edges: { node: { requestId: string; clientRequestId: string | null } }[] };
        };
      }
    ).data.accessLog.edges.map((e) => e.node);
    expect(nodes).toContainEqual(
      expect.objectContaining({ requestId: ida, clientRequestId: 'dup' }),
    );
    expect(nodes).toContainEqual(
      expect.objectContaining({ requestId: hugeId, clientRequestId: null }),
    );
  });
});

describe('failed authentications are rate-limited per client address', () => {
  let http: Http;
  const keyLookups: string[] = [];
  beforeAll(async () => {
    // Default limits: 20 failures per 900 s. Every statement that reads api_key is kept.
    http = await startTestHttp({}, (sql) => {
      if (/from "api_key"/.test(sql)) keyLookups.push(sql);
    });
  });
  afterAll(() => http.close());

  it('700 guessed keys: 20 × 401, then 429 with Retry-After, without looking the keys up', async () => {
    const statuses = new Map<number, number>();
    let last: Response | undefined;
    for (let i = 0; i < 700; i++) {
      last = await http.post({ query: '{ __typename }' }, bearer(`cdh_guess${i}`));
      statuses.set(last.status, (statuses.get(last.status) ?? 0) + 1);
      if (i < 699) await last.arrayBuffer();
    }
    expect(Object.fromEntries(statuses)).toEqual({ 401: 20, 429: 680 });
    expect(keyLookups).toHaveLength(20);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await last!.json()) as {
      errors: { message: string; extensions: Record<string, unknown> }[];
    };
    expect(body.errors[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      limit: 'authFailures',
    });
    expect(body.errors[0].message).toMatch(/Too many failed authentications/);
    const refusals = await http.metrics.refusals.get();
    expect(refusals.values).toContainEqual(
      expect.objectContaining({ labels: { limit: 'authFailures' }, value: 680 }),
    );
  });

  it('refuses credentials from that address on /export too, but still serves it without a key', async () => {
    const analyst = (await newKey(http.orm, { role: 'ANALYST' })).secret;
    const exp = await fetch(`${http.base}/export/comuni.json`, { headers: bearer(analyst) });
    expect(exp.status).toBe(429);
    expect(exp.headers.get('retry-after')).toBeTruthy();
    const anonymous = await http.post({ query: '{ comune(istatCode: "019035") { name } }' });
    expect(anonymous.status).toBe(200);
  });
});

describe('exports are rate-limited per key', () => {
  let http: Http;
  beforeAll(async () => {
    http = await startTestHttp({ HUB_RATE_EXPORTS: '2', HUB_RATE_EXPORT_WINDOW_SECONDS: '600' });
  });
  afterAll(() => http.close());

  it('answers 429 with Retry-After past HUB_RATE_EXPORTS downloads; the list and other keys are not counted', async () => {
    const [a, b] = [
      (await newKey(http.orm, { role: 'ANALYST' })).secret,
      (await newKey(http.orm, { role: 'ANALYST' })).secret,
    ];
    const get = (path: string, key: string) =>
      fetch(`${http.base}${path}`, { headers: bearer(key) });
    for (let i = 0; i < 3; i++) expect((await get('/export', a)).status).toBe(200);
    expect((await get('/export/comuni.json', a)).status).toBe(200);
    expect((await get('/export/comuni.json?territory=019035', a)).status).toBe(200);
    const third = await get('/export/comuni.csv', a);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(500);
    const body = (await third.json()) as {
      errors: { message: string; extensions: Record<string, unknown> }[];
    };
    expect(body.errors[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      limit: 'exports',
    });
    expect(body.errors[0].message).toMatch(/Export limit of 2 downloads per 600 s/);
    expect((await get('/export/comuni.json', b)).status).toBe(200);
  });
});

describe('health and readiness', () => {
  it('/health answers without the database; /ready checks the database and migrations', async () => {
    const http = await startTestHttp();
    try {
      const health = await fetch(`${http.base}/health`);
      expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
      const ready = await fetch(`${http.base}/ready`);
      expect([ready.status, await ready.json()]).toEqual([
        200,
        { status: 'ready', database: 'ok', migrations: 'applied' },
      ]);
    } finally {
      await http.close();
    }
  });

  it('is not ready while a migration the code knows is not applied', async () => {
    class Migration99991231000000_future extends Migration {
      override async up(): Promise<void> {
        this.addSql('select 1');
      }
    }
    const base = ormConfig(inject('databaseUrl'));
    const orm = await MikroORM.init({
      ...base,
      migrations: {
        ...base.migrations,
        migrationsList: [
          ...migrationsList,
          { name: 'Migration99991231000000_future', class: Migration99991231000000_future },
        ],
      },
    });
    const app = await startApp(orm);
    try {
      const ready = await fetch(`${app.base}/ready`);
      expect([ready.status, await ready.json()]).toEqual([
        503,
        { status: 'not ready', database: 'ok', migrations: 'pending', pendingMigrations: 1 },
      ]);
    } finally {
      await app.close();
      await orm.close();
    }
  });
});

describe('with the database down and the default settings', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await unreachableOrm();
    app = await startApp(orm);
  });
  afterAll(async () => {
    await app.close();
    await orm.close(true);
  });

  const noInternals = (text: string) => {
    expect(text).not.toMatch(
      /stack|at .*\(|\/work\/|node_modules|\.ts:\d|ECONNREFUSED|127\.0\.0\.1/i,
    );
  };

  it('runs in production mode unless development is asked for', () => {
    expect(app.config.NODE_ENV).toBe('production');
  });

  it('is alive but not ready, and says so without internals', async () => {
    const health = await fetch(`${app.base}/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${app.base}/ready`);
    expect(ready.status).toBe(503);
    const text = await ready.text();
    expect(JSON.parse(text)).toEqual({
      status: 'not ready',
      database: 'unreachable',
      migrations: 'unknown',
    });
    noInternals(text);
  });

  it('answers GraphQL, authenticated and export requests with masked errors: no stack, no path', async () => {
    const gql = await fetch(`${app.base}/graphql`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ query: '{ comune(istatCode: "019035") { name } }' }),
    });
    const gqlText = await gql.text();
    expect(JSON.parse(gqlText).errors[0]).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    noInternals(gqlText);
    for (const res of [
      await fetch(`${app.base}/graphql`, {
        method: 'POST',
        headers: { ...json, ...bearer('cdh_anything') },
        body: JSON.stringify({ query: '{ __typename }' }),
      }),
      await fetch(`${app.base}/export/comuni.csv`, { headers: bearer('cdh_anything') }),
    ]) {
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({
        errors: [
          { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        ],
      });
      noInternals(text);
    }
  });

  it('shows stack traces only when NODE_ENV=development is set', async () => {
    const dev = await startApp(orm, { NODE_ENV: 'development' });
    try {
      const res = await fetch(`${dev.base}/graphql`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ query: '{ comune(istatCode: "019035") { name } }' }),
      });
      const body = (await res.json()) as { errors: { extensions: { stacktrace?: string[] } }[] };
      expect(body.errors[0].extensions.stacktrace?.length).toBeGreaterThan(0);
    } finally {
      await dev.close();
    }
  });
});

describe('metrics', () => {
  let http: Http;
  beforeAll(async () => {
    http = await startTestHttp({ HUB_RATE_ANONYMOUS: '5' });
  });
  afterAll(() => http.close());

  /** The value of one series (for a histogram, `name` is e.g. "<histogram>_count"). */
  const sample = async (name: string, labels: Record<string, string>) => {
    for (const m of await http.metrics.registry.getMetricsAsJSON())
      for (const v of m.values as {
        labels: Record<string, string | number>;
        value: number;
        metricName?: string;
      }[])
        if (
          (v.metricName ?? m.name) === name &&
          Object.entries(labels).every(([k, x]) => v.labels[k] === x)
        )
          return v.value;
    return undefined;
  };

  it('counts GraphQL operations by name and outcome, errors by code, refusals by limit, HTTP statuses', async () => {
    await http.post({ query: 'query Crema { comune(istatCode: "019035") { name } }' });
    await http.post({ query: 'query Crema { comune(istatCode: "019035") { name } }' });
    await http.post({ query: '{ nope }' });
    // The access log read anonymously: UNAUTHENTICATED while executing.
    await http.post({ query: 'query Officer { accessLog(first: 1) { totalCount } }' });
    for (let i = 0; i < 3; i++) await http.post({ query: '{ __typename }' }); // the 6th and 7th are refused
    expect(await sample('hub_graphql_requests_total', { operation: 'Crema', outcome: 'ok' })).toBe(
      2,
    );
    expect(
      await sample('hub_graphql_requests_total', { operation: '(anonymous)', outcome: 'refused' }),
    ).toBe(1);
    expect(
      await sample('hub_graphql_requests_total', { operation: 'Officer', outcome: 'error' }),
    ).toBe(1);
    expect(
      await sample('hub_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED', limit: '' }),
    ).toBe(1);
    expect(await sample('hub_graphql_errors_total', { code: 'UNAUTHENTICATED', limit: '' })).toBe(
      1,
    );
    expect(await sample('hub_graphql_request_duration_seconds_count', { operation: 'Crema' })).toBe(
      2,
    );
    expect(await sample('hub_limit_refusals_total', { limit: 'requests' })).toBe(2);
    expect(
      await sample('hub_http_requests_total', { route: 'graphql', method: 'POST', status: '429' }),
    ).toBe(2);
    expect(
      await sample('hub_http_requests_total', { route: 'graphql', method: 'POST', status: '200' }),
    ).toBe(4);
  });

  it('counts GraphQL errors that name a limit under that limit', async () => {
    const metrics = new HubMetrics(pino({ level: 'silent' }));
    metrics.countErrors([
      { message: 'too costly', extensions: { code: 'BAD_USER_INPUT', limit: 'cost' } },
      { message: 'x', extensions: { code: 'weird code with spaces', limit: '{"not": "a name"}' } },
    ]);
    const text = await metrics.registry.metrics();
    expect(text).toContain('hub_graphql_errors_total{code="BAD_USER_INPUT",limit="cost"} 1');
    expect(text).toContain('hub_limit_refusals_total{limit="cost"} 1');
    expect(text).toContain('hub_graphql_errors_total{code="OTHER",limit=""} 1');
  });

  it('keeps the operation-name label bounded', () => {
    const metrics = new HubMetrics(pino({ level: 'silent' }));
    const labels = new Set<string>();
    for (let i = 0; i < MAX_OPERATION_NAMES + 50; i++) labels.add(metrics.operationLabel(`Op${i}`));
    expect(labels.size).toBe(MAX_OPERATION_NAMES + 1);
    expect(labels.has('other')).toBe(true);
    expect(metrics.operationLabel('Op1')).toBe('Op1');
    expect(metrics.operationLabel('x'.repeat(65))).toBe('other');
    expect(metrics.operationLabel(null)).toBe('(anonymous)');
  });

  it('reports the import runs recorded in import_run, by importer and outcome', async () => {
    // Runs of an importer name no other test uses, as `npm run import` records them.
    const importer = 'metrics-test-importer';
    const ended = ['2026-11-20T10:00:00Z', '2026-11-21T11:30:00Z'];
    const insert = (outcome: string, endedAt: string | null) =>
      http.orm.em.getConnection().execute(
        `insert into import_run (importer, file_name, file_path, encoding, outcome, ended_at, host, pid, os_user)
         values (?, 'f.csv', '/tmp/f.csv', 'utf-8', ?, ?, 'test', 1, 'test')`,
        [importer, outcome, endedAt],
      );
    try {
      await insert('SUCCEEDED', ended[0]);
      await insert('SUCCEEDED', ended[1]);
      await insert('REJECTED_ROWS', ended[0]);
      await insert('RUNNING', null);
      const text = await http.metrics.registry.metrics();
      const line = (outcome: string) => `{importer="${importer}",outcome="${outcome}"}`;
      expect(text).toContain(`hub_import_runs${line('succeeded')} 2`);
      expect(text).toContain(`hub_import_runs${line('rejected_rows')} 1`);
      expect(text).toContain(`hub_import_runs${line('running')} 1`);
      expect(text).toContain(
        `hub_import_last_run_end_timestamp_seconds${line('succeeded')} ${Date.parse(ended[1]) / 1000}`,
      );
      // A run still going has no end: no timestamp series for it.
      expect(text).not.toContain(`hub_import_last_run_end_timestamp_seconds${line('running')}`);
      // Both gauges share one read with a 2 s timeout; once it answered, nothing may reject
      // later (an unhandled rejection ends the process under npm start; vitest reports it).
      await new Promise((r) => setTimeout(r, 2_200));
    } finally {
      await http.orm.em
        .getConnection()
        .execute('delete from import_run where importer = ?', [importer]);
    }
  });

  it('reports pool use, process metrics and import runs from their source', async () => {
    http.metrics.setImportRunSource(async () => [
      {
        importer: 'pnrr-grants',
        outcome: 'succeeded',
        runs: 3,
        lastEndedAt: new Date(1_700_000_000_000),
      },
    ]);
    const text = await http.metrics.registry.metrics();
    expect(text).toMatch(/^hub_db_pool_connections\{pool="orm",state="used"\} \d+$/m);
    expect(text).toMatch(/^hub_db_pool_max_connections\{pool="export"\} 4$/m);
    expect(text).toMatch(/^process_cpu_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    expect(text).toContain('hub_import_runs{importer="pnrr-grants",outcome="succeeded"} 3');
    expect(text).toContain(
      'hub_import_last_run_end_timestamp_seconds{importer="pnrr-grants",outcome="succeeded"} 1700000000',
    );
  });

  it('serves /metrics on its own listener only', async () => {
    const { server, url } = await startMetricsServer(http.metrics, '127.0.0.1', 0);
    try {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(await res.text()).toContain('# TYPE hub_graphql_requests_total counter');
      expect((await fetch(url.replace('/metrics', '/'))).status).toBe(404);
      expect((await fetch(`${http.base}/metrics`)).status).toBe(404);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
