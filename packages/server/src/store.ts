/**
 * Where the chat handler keeps what it must remember between requests: rate-limit counters, which contact a
 * visitor is for an agent, and which contact owns a conversation. One process: `memoryStore()` (the default).
 * Several processes behind a load balancer, or serverless functions: a shared store such as
 * `redisStore()` from `@livechatai/server/redis`, so that a limit is one limit and not one per instance.
 */
export interface ChatStore {
  /** The value stored under `key`, unless it expired. */
  get(key: string): Promise<string | undefined>;
  /** Stores `value` under `key` for `ttlMs` milliseconds. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /**
   * Counts one hit on `key` in a fixed window of `windowMs` that starts at the key's first hit: the count so far
   * (this hit included) and the milliseconds until the window ends. Must be atomic across the store's users.
   */
  hit(key: string, windowMs: number): Promise<{ count: number; resetMs: number }>;
}

export interface MemoryStoreOptions {
  /** At most this many keys; the oldest are dropped first. Default 10 000. */
  maxEntries?: number | undefined;
  /** The clock, for tests. Default `Date.now`. */
  now?: (() => number) | undefined;
}

interface Entry {
  value: string;
  count: number;
  expiresAt: number;
}

/** A `ChatStore` in this process's memory: bounded in size, entries expire. */
export function memoryStore(options: MemoryStoreOptions = {}): ChatStore {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order, so its first keys are the oldest.
  const entries = new Map<string, Entry>();

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const put = (key: string, entry: Entry): void => {
    entries.delete(key);
    entries.set(key, entry);
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries) break;
      entries.delete(oldest);
    }
  };

  return {
    get: (key) => Promise.resolve(live(key)?.value),
    set: (key, value, ttlMs) => {
      put(key, { value, count: 0, expiresAt: now() + ttlMs });
      return Promise.resolve();
    },
    hit: (key, windowMs) => {
      const entry = live(key);
      if (entry) {
        entry.count += 1;
        return Promise.resolve({ count: entry.count, resetMs: entry.expiresAt - now() });
      }
      put(key, { value: '', count: 1, expiresAt: now() + windowMs });
      return Promise.resolve({ count: 1, resetMs: windowMs });
    },
  };
}
