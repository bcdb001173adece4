import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLError, GraphQLSchema, ValidationContext } from 'graphql';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { HubContext } from '../common/context.js';
import { authenticate, resolveActor } from './actor.js';
import { formatError } from './errors.js';
import { domains } from '../schema.js';
import { exportRouter } from './export/router.js';
import { graphiqlRouter, sendGraphiQL } from './graphiql.js';
import { rateLimit } from './rate-limit.js';
import { documentGuard, MAX_NESTING } from './limits/document.js';
import { limitBody, limitError, type LimitName } from './limits/errors.js';
import { instrumentSchema } from './limits/instrument.js';
import { limitsPlugin } from './limits/plugin.js';
import { refuseOversizedHeaders } from './limits/headers.js';

/** What the HTTP app needs. */
export interface AppDeps {
  orm: MikroORM;
  schema: GraphQLSchema;
  config: Config;
  log: Logger;
}

/** Builds Apollo with every protection on: armor limits, CSRF prevention, no batching. */
export function createApollo({ schema, config, log }: AppDeps, httpServer?: Server) {
  // Armor's limits report a coded refusal (HTTP 400, `extensions.limit`) instead of throwing.
  const refuse =
    (limit: LimitName, max: number) => (ctx: ValidationContext | null, err: GraphQLError) =>
      ctx?.reportError(
        limitError(
          'GRAPHQL_VALIDATION_FAILED',
          limit,
          400,
          err.message.replace(/^Syntax Error: /, ''),
          {
            max,
          },
        ),
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
    introspection: true,
    // main.ts owns SIGINT/SIGTERM and stops HTTP, ORM and database in order.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.HUB_MAX_TOKENS },
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
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
      ApolloServerPluginLandingPageDisabled(),
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
      {
        async requestDidStart() {
          return {
            async didEncounterErrors({ errors, contextValue }) {
              for (const e of errors)
                if (!e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR')
                  log.error({ err: e.originalError ?? e, requestId: contextValue.requestId });
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
  return {
    em,
    actor: await resolveActor(req, em),
    requestId: String(req.headers['x-request-id'] ?? randomUUID()),
    loaders: new Map(),
  };
}

/** The HTTP app: /graphql (API and GraphiQL for browsers), /graphiql, /health. */
export async function createApp(deps: AppDeps) {
  const app = express();
  const httpServer = createServer(app);
  refuseOversizedHeaders(httpServer);
  const apollo = createApollo(deps, httpServer);
  await apollo.start();
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    res.setHeader('x-request-id', String(req.headers['x-request-id'] ?? randomUUID()));
    next();
  });
  app.get('/health', async (_req, res) => {
    await deps.orm.em.getConnection().execute('select 1');
    res.json({ status: 'ok' });
  });
  app.use(graphiqlRouter());
  const exportsRouter = exportRouter(deps.orm, deps.config, domains);
  app.use(exportsRouter.router);
  app.get('/graphql', (req, res, next) => {
    if (!req.query.query && req.accepts(['application/json', 'text/html']) === 'text/html')
      return sendGraphiQL(res);
    next();
  });
  app.use('/graphql', authenticate(deps.orm), rateLimit(deps.config));
  app.use(
    '/graphql',
    express.json({ limit: deps.config.HUB_BODY_LIMIT }),
    documentGuard({
      maxTokens: deps.config.HUB_MAX_TOKENS,
      maxNesting: Math.max(MAX_NESTING, deps.config.HUB_MAX_DEPTH * 2),
    }),
    expressMiddleware(apollo, { context: ({ req }) => buildContext(deps.orm, req) }),
  );
  app.use(
    (
      err: Error & { type?: string; status?: number },
      _req: Request,
      res: Response,
      next: NextFunction,
    ) => {
      if (res.headersSent) return next(err);
      if (err.type === 'entity.too.large')
        return void res
          .status(413)
          .json(
            limitBody(
              'PAYLOAD_TOO_LARGE',
              'bodySize',
              `Request body is larger than the limit of ${deps.config.HUB_BODY_LIMIT} (HUB_BODY_LIMIT).`,
            ),
          );
      if (err.type === 'entity.parse.failed')
        return void res.status(400).json({
          errors: [
            {
              message: `Request body is not valid JSON: ${err.message}`,
              extensions: { code: 'BAD_REQUEST' },
            },
          ],
        });
      deps.log.error({ err }, 'unhandled HTTP error');
      res.status(err.status ?? 500).json({
        errors: [
          { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        ],
      });
    },
  );
  /** Stops GraphQL (draining HTTP) and the export connection pool. */
  const close = async () => {
    await apollo.stop();
    await exportsRouter.stop();
  };
  return { app, httpServer, apollo, close };
}
