import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLError, GraphQLSchema, ValidationContext } from 'graphql';
import { createServer } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { requestValues, type HubContext } from '../common/context.js';
import { authenticate, resolveActor } from '../access/http.js';
import { formatError } from './errors.js';
import { domains } from '../schema.js';
import { importRunSummary } from '../core/data/run-summary.js';
import { exportRouter } from './export/router.js';
import { graphiqlRouter, sendGraphiQL } from './graphiql.js';
import { healthRouter } from './health.js';
import { mapRouter } from './map/router.js';
import { HubMetrics } from './metrics.js';
import { createLimits } from './rate-limit.js';
import { requestIds, requestIdsOf } from './request-id.js';
import { GracefulShutdown } from './shutdown.js';
import { schemaFileRouter } from './schema-file.js';
import { documentGuard, MAX_NESTING } from './limits/document.js';
import { limitError, limitRefusal, type LimitName } from './limits/errors.js';
import { HubError } from '../common/errors.js';
import { httpError, sendError } from '../common/http-errors.js';
import { instrumentSchema } from './limits/instrument.js';
import { limitsPlugin } from './limits/plugin.js';
import { refuseOversizedHeaders } from './limits/headers.js';
import { createShared, type Shared } from './shared.js';

/** What the HTTP app needs. */
export interface AppDeps {
  orm: MikroORM;
  schema: GraphQLSchema;
  config: Config;
  log: Logger;
}

/**
 * Builds Apollo with every protection on: armor limits, CSRF prevention, no batching.
 * Stack traces and unmasked internal errors only with NODE_ENV=development.
 */
export function createApollo(
  { schema, config, log }: AppDeps,
  metrics?: HubMetrics,
  shared?: Pick<Shared, 'cache' | 'persistedQueries'>,
) {
  // Armor's limits report a coded refusal (HTTP 400, `extensions.limit`) instead of throwing.
  const refuse =
    (limit: LimitName, max: number) => (ctx: ValidationContext | null, err: GraphQLError) =>
      ctx?.reportError(
        limitError('GRAPHQL_VALIDATION_FAILED', limit, err.message.replace(/^Syntax Error: /, ''), {
          max,
        }),
      );
  const armor = new ApolloArmor({
    maxDepth: {
      n: config.HUB_MAX_DEPTH,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [refuse('depth', config.HUB_MAX_DEPTH)],
    },
    // `__typename` aliases count too (armor exempts them by default).
    maxAliases: {
      n: config.HUB_MAX_ALIASES,
      exposeLimits: true,
      allowList: [],
      propagateOnRejection: false,
      onReject: [refuse('aliases', config.HUB_MAX_ALIASES)],
    },
    // Tokens are counted before parsing (documentGuard, with graphql-js's parser option below
    // as a second line): armor's Apollo plugin throws from parsingDidStart, which Apollo turns
    // into a 500.
    maxTokens: { enabled: false },
    maxDirectives: {
      n: config.HUB_MAX_DIRECTIVES,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [refuse('directives', config.HUB_MAX_DIRECTIVES)],
    },
    // Armor's cost limit ignores list sizes; the hub's estimate multiplies by them (limitsPlugin).
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();
  const development = config.NODE_ENV === 'development';
  instrumentSchema(schema);
  return new ApolloServer<HubContext>({
    schema,
    // Apollo's own defaults follow the hub's configuration, not process.env.
    nodeEnv: development ? 'development' : 'production',
    introspection: true,
    // main.ts owns SIGINT/SIGTERM and stops HTTP (draining it: shutdown.ts), ORM and
    // database in order.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.HUB_MAX_TOKENS },
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Automatic persisted queries: in Redis (shared by every process) when REDIS_URL is set.
    ...(shared?.persistedQueries ? { persistedQueries: { cache: shared.persistedQueries } } : {}),
    includeStacktraceInErrorResponses: development,
    validationRules: protection.validationRules,
    formatError: formatError(development),
    plugins: [
      // graphql-armor ships CommonJS typings of Apollo's plugin type; same runtime shape.
      ...(protection.plugins as unknown as ApolloServerPlugin<HubContext>[]),
      limitsPlugin(schema, {
        maxCost: config.HUB_MAX_COST,
        budget: {
          rows: config.HUB_MAX_ROWS,
          responseBytes: config.HUB_MAX_RESPONSE_BYTES,
          timeMs: config.HUB_MAX_REQUEST_MS,
        },
      }),
      // After limitsPlugin: a budget refusal is never stored.
      ...(shared ? [shared.cache.plugin()] : []),
      ApolloServerPluginLandingPageDisabled(),
      ...(metrics ? [metrics.apolloPlugin()] : []),
      {
        async requestDidStart() {
          return {
            async didEncounterErrors({ errors, contextValue }) {
              for (const e of errors)
                if (!e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR')
                  log.error({
                    err: e.originalError ?? e,
                    requestId: contextValue.requestId,
                    clientRequestId: contextValue.clientRequestId,
                  });
            },
          };
        },
      },
    ],
  });
}

/** Builds the per-request context: a fork of the EntityManager, the caller, fresh loaders. */
export async function buildContext(orm: MikroORM, req: Request): Promise<HubContext> {
  const em = orm.em.fork();
  const { requestId, clientRequestId } = requestIdsOf(req);
  return {
    em,
    actor: await resolveActor(req, em),
    requestId,
    clientRequestId,
    loaders: requestValues(),
  };
}

/**
 * The HTTP app: /graphql (API and GraphiQL for browsers), /graphiql, /export, /health,
 * /ready. `metrics` serves /metrics on its own listener (start.ts); `close` stops gracefully.
 */
export async function createApp(deps: AppDeps) {
  const { config, log } = deps;
  const app = express();
  const httpServer = createServer(app);
  refuseOversizedHeaders(httpServer);
  const metrics = new HubMetrics(log);
  metrics.setImportRunSource(importRunSummary(deps.orm));
  const shared = await createShared(config, log, deps.orm, deps.schema);
  const apollo = createApollo(deps, metrics, shared);
  await apollo.start();
  const shutdown = new GracefulShutdown(httpServer, log);
  const limits = createLimits(config, {
    store: shared.limiters,
    onRefusal: (limit) => metrics.refusals.inc({ limit }),
  });
  app.disable('x-powered-by');
  // Express's own error pages follow the hub's mode, not process.env.NODE_ENV.
  app.set('env', config.NODE_ENV === 'development' ? 'development' : 'production');
  try {
    app.set('trust proxy', config.HUB_TRUST_PROXY);
  } catch (e) {
    throw new Error(`HUB_TRUST_PROXY: ${(e as Error).message}`);
  }
  app.use(shutdown.track(), requestIds());
  app.use(
    metrics.http((req, route, status, seconds) =>
      log.debug({ ...requestIdsOf(req), method: req.method, route, status, seconds }, 'request'),
    ),
  );
  app.use(healthRouter(deps.orm, () => shutdown.stopping, log));
  app.use(graphiqlRouter());
  app.use(mapRouter(domains));
  const exportsRouter = exportRouter(deps.orm, config, domains, {
    shutdown: shutdown.cut,
    onStreamEnd: (name, format, outcome, error) => {
      metrics.exportEnded(name, format, outcome);
      if (outcome === 'failed' || outcome === 'cut')
        log.warn({ export: name, format, outcome, err: error }, 'export stream cut short');
    },
  });
  metrics.watchPools(deps.orm, exportsRouter.pool);
  app.use(
    '/export',
    authenticate(deps.orm, limits.authFailures),
    limits.exports,
    limits.anonymousExports,
  );
  app.use(schemaFileRouter(deps.schema, deps.log));
  app.use(exportsRouter.router);
  app.get('/graphql', (req, res, next) => {
    if (!req.query.query && req.accepts(['application/json', 'text/html']) === 'text/html')
      return sendGraphiQL(res);
    next();
  });
  app.use('/graphql', authenticate(deps.orm, limits.authFailures), limits.requests);
  app.use(
    '/graphql',
    express.json({ limit: deps.config.HUB_BODY_LIMIT }),
    // A stored answer's document passed every guard when it was computed.
    shared.cache.middleware(),
    documentGuard({
      maxTokens: deps.config.HUB_MAX_TOKENS,
      maxNesting: Math.max(MAX_NESTING, deps.config.HUB_MAX_DEPTH * 2),
    }),
    expressMiddleware(apollo, { context: ({ req }) => buildContext(deps.orm, req) }),
  );
  app.use(
    (
      err: Error & { type?: string; status?: number },
      req: Request,
      res: Response,
      next: NextFunction,
    ) => {
      if (res.headersSent) return next(err);
      // A coded error of the hub answers with its code's status and its own message.
      if (err instanceof HubError) return sendError(res, err);
      if (err.type === 'entity.too.large') {
        metrics.refusals.inc({ limit: 'bodySize' });
        return sendError(
          res,
          limitRefusal(
            'PAYLOAD_TOO_LARGE',
            'bodySize',
            `Request body is larger than the limit of ${deps.config.HUB_BODY_LIMIT} (HUB_BODY_LIMIT).`,
          ),
        );
      }
      if (err.type === 'entity.parse.failed')
        return sendError(
          res,
          httpError('BAD_REQUEST', `Request body is not valid JSON: ${err.message}`),
        );
      log.error({ err, ...requestIdsOf(req) }, 'unhandled HTTP error');
      // Not the hub's error: the status the thrower gave (a body parser's), else 500.
      sendError(res, httpError('INTERNAL_SERVER_ERROR', 'Internal server error'), err.status);
    },
  );
  /**
   * Stops gracefully: HTTP drained (requests and exports in flight get
   * HUB_SHUTDOWN_GRACE_SECONDS, then are cut), then GraphQL and the export pool.
   */
  const close = async () => {
    await shutdown.stop(config.HUB_SHUTDOWN_GRACE_SECONDS * 1000);
    await apollo.stop();
    await exportsRouter.stop();
    await shared.close();
  };
  return { app, httpServer, apollo, close, metrics, shared };
}
