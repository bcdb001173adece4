import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/**
 * A string key-value store: the response cache's and the persisted queries' (the shape of
 * Apollo Server's `KeyValueCache`, so Apollo takes it as is). In this process's memory
 * (bounded LRU), or in Redis, shared by every hub process.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

/** In memory, at most `maxBytes` (UTF-16 size of keys and values), least recently used out. */
export function memoryStore(maxBytes: number): KeyValueStore {
  const lru = new LRUCache<string, string>({
    maxSize: maxBytes,
    sizeCalculation: (value, key) => Math.max(1, (value.length + key.length) * 2),
  });
  return {
    get: async (key) => lru.get(key),
    set: async (key, value) => {
      lru.set(key, value);
    },
    delete: async (key) => lru.delete(key),
  };
}

/**
 * In Redis under `prefix`. `idleSeconds` is housekeeping only (an entry of an old data
 * version is never read again; Redis drops it after that long): freshness comes from the
 * key, which holds the data version.
 */
export function redisStore(redis: Redis, prefix: string, idleSeconds: number): KeyValueStore {
  return {
    get: async (key) => (await redis.get(prefix + key)) ?? undefined,
    set: async (key, value, options) => {
      const ttl = options?.ttl ? Math.min(options.ttl, idleSeconds) : idleSeconds;
      await redis.set(prefix + key, value, 'EX', Math.max(1, Math.round(ttl)));
    },
    delete: async (key) => (await redis.del(prefix + key)) > 0,
  };
}
