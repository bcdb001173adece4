import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Request, RequestHandler } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { HubContext } from '../common/context.js';
import type { StreamOutcome } from './export/stream.js';

/** Import runs of one importer with one outcome, as recorded in the database. */
export interface ImportRunSummary {
  importer: string;
  /** e.g. "succeeded", "rejected_rows", "failed", "aborted": whatever the run table records. */
  outcome: string;
  /** Runs recorded. */
  runs: number;
  /** When the latest of them ended (null while it runs or when unknown). */
  lastEndedAt: Date | null;
}

/**
 * Reads the import-run summary at scrape time. Imports run in other processes
 * (`npm run import`), so their metrics come from the table that records the runs; the hub
 * passes a source reading it to {@link HubMetrics.setImportRunSource}.
 */
export type ImportRunSource = () => Promise<ImportRunSummary[]>;

/** Operation names kept as label values; later new names count as "other" (bounded series). */
export const MAX_OPERATION_NAMES = 200;
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const CODE = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/** Where a request went, as a bounded label. */
export function routeOf(path: string): string {
  if (path === '/graphql' || path === '/graphql/') return 'graphql';
  if (path === '/export' || path === '/export/') return 'export_list';
  if (path.startsWith('/export/')) return 'export';
  if (path === '/graphiql' || path.startsWith('/graphiql/')) return 'graphiql';
  if (path === '/health' || path === '/ready') return path.slice(1);
  return 'other';
}

/** Latency buckets (seconds): GraphQL answers in ms, exports may take minutes. */
const BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30, 60, 120, 300, 600,
];

/**
 * The hub's Prometheus metrics (prom-client), on a registry of their own: HTTP requests by
 * route and status, GraphQL requests by operation name and outcome with latency histograms,
 * GraphQL errors by `extensions.code` and `extensions.limit`, refusals by limit, exports by
 * outcome, the database pools, import runs (through a source), and Node's process metrics.
 */
export class HubMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();

  readonly httpRequests = new Counter({
    name: 'hub_http_requests_total',
    help: 'HTTP requests answered, by route, method and status ("aborted": the client left first).',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'hub_http_request_duration_seconds',
    help: 'Time from the request to the end of its response, by route.',
    labelNames: ['route'] as const,
    buckets: BUCKETS,
    registers: [this.registry],
  });
  readonly httpInFlight = new Gauge({
    name: 'hub_http_requests_in_flight',
    help: 'HTTP requests being answered.',
    registers: [this.registry],
  });
  readonly graphqlRequests = new Counter({
    name: 'hub_graphql_requests_total',
    help: 'GraphQL operations by operation name ("(anonymous)", "other" past the cap) and outcome: ok, error (errors while executing), refused (rejected before executing: parse, validation, limits).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly graphqlDuration = new Histogram({
    name: 'hub_graphql_request_duration_seconds',
    help: 'Time to answer a GraphQL operation, by operation name and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: BUCKETS,
    registers: [this.registry],
  });
  readonly graphqlErrors = new Counter({
    name: 'hub_graphql_errors_total',
    help: 'GraphQL errors returned, by extensions.code and extensions.limit ("" when the error names no limit).',
    labelNames: ['code', 'limit'] as const,
    registers: [this.registry],
  });
  readonly refusals = new Counter({
    name: 'hub_limit_refusals_total',
    help: 'Requests refused by a limit, by the limit (its setting): rate limits, failed-authentication lockout, export rate, body size, and GraphQL errors that name a limit.',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });
  readonly exports = new Counter({
    name: 'hub_exports_total',
    help: 'Export streams by export, format and outcome: complete, client_closed, cut (shutdown grace period over), failed.',
    labelNames: ['export', 'format', 'outcome'] as const,
    registers: [this.registry],
  });
  private importRunSource: ImportRunSource | null = null;

  constructor(private readonly log: Logger) {
    collectDefaultMetrics({ register: this.registry });
    const importRuns = () => this.importRuns();
    new Gauge({
      name: 'hub_import_runs',
      help: 'Import runs recorded in the database, by importer and outcome (from the import-run table; absent until a source is set).',
      labelNames: ['importer', 'outcome'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const s of await importRuns())
          this.set({ importer: s.importer, outcome: s.outcome }, s.runs);
      },
    });
    new Gauge({
      name: 'hub_import_last_run_end_timestamp_seconds',
      help: 'When the latest import run of each importer and outcome ended (Unix time).',
      labelNames: ['importer', 'outcome'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const s of await importRuns())
          if (s.lastEndedAt)
            this.set({ importer: s.importer, outcome: s.outcome }, s.lastEndedAt.getTime() / 1000);
      },
    });
  }

  /** Where import-run figures come from (the table recording runs); none until set. */
  setImportRunSource(source: ImportRunSource): void {
    this.importRunSource = source;
  }

  private importRunsRead: Promise<ImportRunSummary[]> | null = null;
  /** The import-run summary, read once per scrape by both gauges. */
  private importRuns(): Promise<ImportRunSummary[]> {
    if (!this.importRunSource) return Promise.resolve([]);
    if (this.importRunsRead) return this.importRunsRead;
    // The timer is cleared whichever way the read ends: a rejection left pending after the
    // source answered would be unhandled and end the process.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer within 2 s')), 2000);
      timer.unref();
    });
    this.importRunsRead = Promise.race([this.importRunSource(), timeout])
      .catch((err: unknown) => {
        this.log.warn({ err }, 'metrics: import runs could not be read');
        return [];
      })
      .finally(() => {
        clearTimeout(timer);
        setTimeout(() => (this.importRunsRead = null), 0);
      });
    return this.importRunsRead;
  }

  /** A bounded label for a client-chosen operation name. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return '(anonymous)';
    if (!NAME.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_NAMES) return 'other';
    this.operations.add(name);
    return name;
  }

  /** Counts the errors of a GraphQL response by code and limit. */
  countErrors(errors: readonly GraphQLFormattedError[]): void {
    for (const e of errors) {
      const code = String(e.extensions?.code ?? 'NONE');
      const rawLimit = e.extensions?.limit;
      const limit = typeof rawLimit === 'string' && CODE.test(rawLimit) ? rawLimit : '';
      this.graphqlErrors.inc({ code: CODE.test(code) ? code : 'OTHER', limit });
      if (limit) this.refusals.inc({ limit });
    }
  }

  /** Gauges of the ORM's (knex/tarn) and the exports' (pg) connection pools. */
  watchPools(orm: MikroORM, exportPool: pg.Pool): void {
    const knexPool = () =>
      (
        orm.em.getConnection().getKnex().client as {
          pool?: {
            numUsed(): number;
            numFree(): number;
            numPendingAcquires(): number;
            max: number;
          };
        }
      ).pool;
    new Gauge({
      name: 'hub_db_pool_connections',
      help: 'Database connections by pool (orm: GraphQL and API; export: bulk exports) and state: used, idle, waiting (requests waiting for a connection).',
      labelNames: ['pool', 'state'] as const,
      registers: [this.registry],
      collect() {
        const k = knexPool();
        this.set({ pool: 'orm', state: 'used' }, k?.numUsed() ?? 0);
        this.set({ pool: 'orm', state: 'idle' }, k?.numFree() ?? 0);
        this.set({ pool: 'orm', state: 'waiting' }, k?.numPendingAcquires() ?? 0);
        this.set({ pool: 'export', state: 'used' }, exportPool.totalCount - exportPool.idleCount);
        this.set({ pool: 'export', state: 'idle' }, exportPool.idleCount);
        this.set({ pool: 'export', state: 'waiting' }, exportPool.waitingCount);
      },
    });
    new Gauge({
      name: 'hub_db_pool_max_connections',
      help: 'Largest size of each database connection pool.',
      labelNames: ['pool'] as const,
      registers: [this.registry],
      collect() {
        this.set({ pool: 'orm' }, knexPool()?.max ?? 0);
        this.set({ pool: 'export' }, exportPool.options.max ?? 10);
      },
    });
  }

  /** Express middleware, early in the chain: HTTP counts, latency and in-flight requests. */
  http(
    onDone?: (req: Request, route: string, status: string, seconds: number) => void,
  ): RequestHandler {
    return (req, res, next) => {
      const start = process.hrtime.bigint();
      // Taken now: routers mounted on a path rewrite req.path while they run.
      const route = routeOf(req.path);
      this.httpInFlight.inc();
      res.once('close', () => {
        this.httpInFlight.dec();
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        const status = res.writableFinished ? String(res.statusCode) : 'aborted';
        const method = ['GET', 'POST', 'HEAD', 'OPTIONS'].includes(req.method)
          ? req.method
          : 'other';
        this.httpRequests.inc({ route, method, status });
        this.httpDuration.observe({ route }, seconds);
        onDone?.(req, route, status, seconds);
      });
      next();
    };
  }

  /** Apollo plugin: GraphQL operations by name and outcome, latency, errors by code and limit. */
  apolloPlugin(): ApolloServerPlugin<HubContext> {
    return {
      requestDidStart: async () => {
        const start = process.hrtime.bigint();
        let executed = false;
        return {
          executionDidStart: async () => {
            executed = true;
          },
          willSendResponse: async ({ response, operationName, request }) => {
            const body = response.body;
            const errors =
              (body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors) ?? [];
            const outcome = !errors.length ? 'ok' : executed ? 'error' : 'refused';
            const operation = this.operationLabel(operationName ?? request.operationName);
            this.graphqlRequests.inc({ operation, outcome });
            this.graphqlDuration.observe(
              { operation, outcome },
              Number(process.hrtime.bigint() - start) / 1e9,
            );
            this.countErrors(errors);
          },
        };
      },
    };
  }

  /** Counts an export stream's end. */
  exportEnded(name: string, format: string, outcome: StreamOutcome): void {
    this.exports.inc({ export: name, format, outcome });
  }
}

/**
 * Serves `GET /metrics` (Prometheus text format) on its own listener, HUB_METRICS_HOST and
 * HUB_METRICS_PORT: scrapes need no key and keep working while the database is down, and
 * the public port does not expose the hub's internals.
 */
export async function startMetricsServer(
  metrics: HubMetrics,
  host: string,
  port: number,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('Not found: the metrics are at GET /metrics\n');
    }
    metrics.registry.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      () => {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('metrics could not be collected\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return { server, url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}/metrics` };
}
