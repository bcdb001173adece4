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
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int('PORT', 4000, 0, 65535),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
    .optional(),
  HUB_DATA_DIR: z.string().min(1).default('.data'),
  HUB_EMBEDDED_PG_PORT: int('HUB_EMBEDDED_PG_PORT', 54329, 1024, 65535),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
