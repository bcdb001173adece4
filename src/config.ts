import { z } from 'zod';

/**
 * Environment of the hub, parsed and validated once at start-up.
 * Every variable is documented in the README ("Configuration").
 */
const int = (name: string, def: number, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be an integer` })
    .int(`${name} must be an integer`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`)
    .default(def);

const schema = z.object({
  // Safe by default: stack traces and internal messages reach responses only when
  // NODE_ENV=development is set explicitly.
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int('PORT', 4000, 0, 65535),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
    .optional(),
  HUB_DATA_DIR: z.string().min(1).default('.data'),
  HUB_EMBEDDED_PG_PORT: int('HUB_EMBEDDED_PG_PORT', 54329, 1024, 65535),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // auto: readable lines on a terminal, JSON otherwise.
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  HUB_STATEMENT_TIMEOUT_MS: int('HUB_STATEMENT_TIMEOUT_MS', 15000, 100, 600000),
  HUB_EXPORT_STATEMENT_TIMEOUT_MS: int('HUB_EXPORT_STATEMENT_TIMEOUT_MS', 600000, 1000, 3600000),
  HUB_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'HUB_BODY_LIMIT must look like 100kb or 1mb')
    .default('100kb'),
  HUB_MAX_DEPTH: int('HUB_MAX_DEPTH', 12, 2, 100),
  HUB_MAX_ALIASES: int('HUB_MAX_ALIASES', 30, 0, 1000),
  HUB_MAX_TOKENS: int('HUB_MAX_TOKENS', 3000, 100, 100000),
  HUB_MAX_COST: int('HUB_MAX_COST', 250000, 100, 100000000),
  HUB_MAX_DIRECTIVES: int('HUB_MAX_DIRECTIVES', 20, 0, 1000),
  // The budget of one request while it runs (README, Safety).
  HUB_MAX_ROWS: int('HUB_MAX_ROWS', 25000, 100, 10000000),
  HUB_MAX_RESPONSE_BYTES: int('HUB_MAX_RESPONSE_BYTES', 8388608, 1024, 1073741824),
  HUB_MAX_REQUEST_MS: int('HUB_MAX_REQUEST_MS', 30000, 100, 600000),
  HUB_SEED: z.enum(['auto', 'never']).default('auto'),
  // Requests per window and caller (anonymous: per IP; keys: per key); 0 = no limit.
  HUB_RATE_WINDOW_SECONDS: int('HUB_RATE_WINDOW_SECONDS', 60, 1, 86400),
  HUB_RATE_ANONYMOUS: int('HUB_RATE_ANONYMOUS', 600, 0, 10000000),
  HUB_RATE_PARTNER: int('HUB_RATE_PARTNER', 6000, 0, 10000000),
  HUB_RATE_ANALYST: int('HUB_RATE_ANALYST', 6000, 0, 10000000),
  HUB_RATE_EDITOR: int('HUB_RATE_EDITOR', 3000, 0, 10000000),
  HUB_RATE_ADMIN: int('HUB_RATE_ADMIN', 0, 0, 10000000),
  // Failed authentications (bad, unknown or revoked keys) per client IP and window; over it,
  // requests with credentials from that IP are refused (429) until the window ends.
  HUB_RATE_AUTH_FAILURES: int('HUB_RATE_AUTH_FAILURES', 20, 0, 1000000),
  HUB_RATE_AUTH_WINDOW_SECONDS: int('HUB_RATE_AUTH_WINDOW_SECONDS', 900, 1, 86400),
  // Export downloads (/export/<file>) per key and window.
  HUB_RATE_EXPORTS: int('HUB_RATE_EXPORTS', 120, 0, 1000000),
  HUB_RATE_EXPORT_WINDOW_SECONDS: int('HUB_RATE_EXPORT_WINDOW_SECONDS', 600, 1, 86400),
  // Export downloads without a key (open exports, metadata, catalogue) per client IP and window.
  HUB_RATE_EXPORTS_ANONYMOUS: int('HUB_RATE_EXPORTS_ANONYMOUS', 60, 0, 1000000),
  // Express "trust proxy": unset = the socket's address is the client's; behind a reverse
  // proxy, the number of proxies or their addresses, so per-IP limits see the real client.
  HUB_TRUST_PROXY: z
    .string()
    .default('')
    .refine(
      (v) =>
        v === '' ||
        /^\d+$/.test(v) ||
        v
          .split(',')
          .every((t) =>
            /^(loopback|linklocal|uniquelocal|[0-9.]+(\/\d+)?|[0-9a-fA-F:.]+(\/\d+)?)$/.test(
              t.trim(),
            ),
          ),
      'HUB_TRUST_PROXY must be a number of proxies, or addresses/subnets (or loopback, linklocal, uniquelocal) separated by commas',
    )
    .transform((v) => (v === '' ? false : /^\d+$/.test(v) ? Number(v) : v)),
  // PostgreSQL read replicas (README, Running at scale): comma-separated URLs; GraphQL reads
  // may go to them, writes, imports, migrations and exports stay on DATABASE_URL.
  DATABASE_REPLICA_URLS: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const urls = v
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean);
      urls.forEach((u, i) => {
        let ok = /^postgres(ql)?:\/\//.test(u);
        if (ok)
          try {
            new URL(u);
          } catch {
            ok = false;
          }
        if (!ok)
          ctx.addIssue({
            code: 'custom',
            message: `DATABASE_REPLICA_URLS: entry ${i + 1} ("${u.replace(/\/\/[^@/]*@/, '//…@')}") is not a postgres:// or postgresql:// URL`,
          });
      });
      return urls;
    }),
  // The response cache (README, Running at scale): on, or off (every answer computed).
  HUB_CACHE: z.enum(['on', 'off'], { error: 'HUB_CACHE must be on or off' }).default('on'),
  // Size of the in-memory response cache (without REDIS_URL), in megabytes.
  HUB_CACHE_MAX_MB: int('HUB_CACHE_MAX_MB', 64, 1, 65536),
  // Redis shared by the hub processes: response cache, persisted queries, rate limits.
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// or rediss:// URL')
    .optional(),
  // Prefix of every Redis key the hub writes (several hubs may share one Redis).
  HUB_REDIS_PREFIX: z.string().min(1).default('cremasco-hub:'),
  // How long an answer stored in Redis may sit unused before Redis drops it (housekeeping:
  // freshness comes from the data version, never from this).
  HUB_CACHE_REDIS_SECONDS: int('HUB_CACHE_REDIS_SECONDS', 3600, 10, 604800),
  // On SIGTERM/SIGINT: how long in-flight requests and exports may take to finish.
  HUB_SHUTDOWN_GRACE_SECONDS: int('HUB_SHUTDOWN_GRACE_SECONDS', 20, 0, 3600),
  // Prometheus metrics on their own listener (unset: no metrics listener).
  HUB_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  HUB_METRICS_PORT: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce
      .number({ error: 'HUB_METRICS_PORT must be an integer' })
      .int('HUB_METRICS_PORT must be an integer')
      .min(0, 'HUB_METRICS_PORT must be at least 0')
      .max(65535, 'HUB_METRICS_PORT must be at most 65535')
      .optional(),
  ),
});

/** Validated configuration. */
export type Config = z.infer<typeof schema>;

/** Thrown when an environment variable is invalid; the message names each variable. */
export class ConfigError extends Error {}

/** Parses the environment (default: `process.env`) or throws a {@link ConfigError}. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
