import type { ChatStore } from './store.js';

/** What `redisStore` needs of a Redis client: an ioredis `Redis` (or `Cluster`) instance fits. */
export interface RedisLike {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, mode: 'PX', ttlMs: number): Promise<unknown>;
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

export interface RedisStoreOptions {
  /** Prefix of every key the handler writes. Default `livechatai:chat:`. */
  prefix?: string | undefined;
}

// One round trip, atomic: the first hit of a window starts its expiry; every hit returns the count and the time left.
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }
`;

/**
 * A `ChatStore` in Redis, shared by every instance of your server:
 *
 * ```ts
 * import Redis from 'ioredis';
 * import { redisStore } from '@livechatai/server/redis';
 * const store = redisStore(new Redis(process.env.REDIS_URL));
 * ```
 */
export function redisStore(client: RedisLike, options: RedisStoreOptions = {}): ChatStore {
  const prefix = options.prefix ?? 'livechatai:chat:';
  return {
    get: async (key) => (await client.get(prefix + key)) ?? undefined,
    set: async (key, value, ttlMs) => {
      await client.set(prefix + key, value, 'PX', Math.max(1, Math.ceil(ttlMs)));
    },
    hit: async (key, windowMs) => {
      const [count, ttl] = (await client.eval(HIT, 1, prefix + key, Math.max(1, Math.ceil(windowMs)))) as [
        number,
        number,
      ];
      return { count, resetMs: ttl > 0 ? ttl : windowMs };
    },
  };
}

export type { ChatStore } from './store.js';
