import type { MikroORM } from '@mikro-orm/postgresql';
import { printSchema, type GraphQLSchema } from 'graphql';
import { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { Config } from '../config.js';
import { describeUrl } from '../db/database.js';
import { ResponseCache } from './cache/response-cache.js';
import { memoryStore, redisStore, type KeyValueStore } from './cache/store.js';
import { DataVersionWatcher } from './cache/version.js';
import { memoryStore as memoryLimiters, type LimiterStore } from './rate-limit.js';

/**
 * What hub processes share (README "Running at scale"): the data version (PostgreSQL
 * LISTEN/NOTIFY), and with REDIS_URL the response cache, the persisted queries and the rate
 * limits in Redis. Without REDIS_URL they live in this process's memory.
 */
export interface Shared {
  cache: ResponseCache;
  /** Where Apollo keeps persisted queries (APQ) when Redis is set; Apollo's own LRU otherwise. */
  persistedQueries: KeyValueStore | null;
  limiters: LimiterStore;
  redis: Redis | null;
  close: () => Promise<void>;
}

/** Connects to Redis (REDIS_URL), failing fast with a clear message when it is unreachable. */
async function connectRedis(url: string, log: Logger): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 2,
    connectTimeout: 5000,
    enableOfflineQueue: true,
  });
  redis.on('error', (err) => log.warn({ err }, 'redis error'));
  try {
    await redis.connect();
  } catch (e) {
    redis.disconnect();
    const where = new URL(url);
    throw new Error(
      `REDIS_URL: cannot connect to Redis at ${where.hostname}:${where.port || 6379} (${(e as Error).message})`,
    );
  }
  return redis;
}

/** Builds the shared pieces for one hub process. */
export async function createShared(
  config: Config,
  log: Logger,
  orm: MikroORM,
  schema: GraphQLSchema,
): Promise<Shared> {
  const primary = orm.config.get('clientUrl')!;
  const watcher = await DataVersionWatcher.start(primary, log);
  let redis: Redis | null = null;
  try {
    if (config.REDIS_URL) redis = await connectRedis(config.REDIS_URL, log);
  } catch (e) {
    await watcher.close();
    throw e;
  }
  const prefix = config.HUB_REDIS_PREFIX;
  const store =
    config.HUB_CACHE === 'off'
      ? null
      : redis
        ? redisStore(redis, `${prefix}cache:`, config.HUB_CACHE_REDIS_SECONDS)
        : memoryStore(config.HUB_CACHE_MAX_MB * 1024 * 1024);
  const schemaId = createHash('sha256').update(printSchema(schema)).digest('hex').slice(0, 16);
  const limiters: LimiterStore = redis
    ? {
        limiter: (options) =>
          new RateLimiterRedis({
            ...options,
            storeClient: redis,
            keyPrefix: `${prefix}${options.keyPrefix}`,
            // Redis unreachable: this process counts alone until it is back.
            insuranceLimiter: new RateLimiterMemory(options),
          }),
      }
    : memoryLimiters;
  log.info(
    {
      cache: config.HUB_CACHE,
      store: store ? (redis ? 'redis' : 'memory') : 'none',
      database: describeUrl(primary),
    },
    `response cache ${config.HUB_CACHE}${store ? (redis ? ' (Redis)' : ' (memory)') : ''}; data version from LISTEN ${'hub_data_version'}`,
  );
  return {
    cache: new ResponseCache(watcher, store, schemaId, log),
    persistedQueries: redis ? redisStore(redis, `${prefix}`, 86400) : null,
    limiters,
    redis,
    close: async () => {
      await watcher.close();
      await redis?.quit().catch(() => undefined);
    },
  };
}
