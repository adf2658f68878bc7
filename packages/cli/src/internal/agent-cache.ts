// Agent ids for shell completion: fetched from the API with a short timeout and no retries, cached for a few
// minutes per base URL and key (a hash of it, never the key), so pressing Tab stays quick.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export interface CachedAgent {
  id: string;
  name: string;
}

interface CacheFile {
  entries: Record<string, { at: number; agents: CachedAgent[] }>;
}

export const CACHE_TTL_MS = 5 * 60_000;
export const FETCH_TIMEOUT_MS = 1500;

export function cachePath(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg?.startsWith('/') ? xdg : join(env.HOME ?? homedir(), '.cache');
  return join(base, 'livechatai', 'completion.json');
}

export function cacheKey(baseURL: string, apiKey: string): string {
  return `${baseURL} ${createHash('sha256').update(apiKey).digest('hex').slice(0, 16)}`;
}

async function readCache(file: string): Promise<CacheFile> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { entries?: unknown } | null;
    const entries = parsed?.entries;
    return { entries: typeof entries === 'object' && entries !== null ? (entries as CacheFile['entries']) : {} };
  } catch {
    return { entries: {} };
  }
}

/**
 * The agents for `key`: from the cache while it is fresh, else from `fetchAgents` (whose result is cached);
 * when the fetch fails, a stale cached list, else none.
 */
export async function cachedAgents(
  file: string,
  key: string,
  fetchAgents: () => Promise<CachedAgent[]>,
  now = Date.now(),
): Promise<CachedAgent[]> {
  const cache = await readCache(file);
  const entry = cache.entries[key];
  if (entry && now - entry.at < CACHE_TTL_MS) return entry.agents;
  let agents: CachedAgent[];
  try {
    agents = await fetchAgents();
  } catch {
    return entry?.agents ?? [];
  }
  // keep the fresh entry and any other from the last day
  cache.entries = Object.fromEntries([
    ...Object.entries(cache.entries).filter(([k, e]) => k !== key && now - e.at <= 24 * 3600_000),
    [key, { at: now, agents }],
  ]);
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${String(process.pid)}.tmp`;
    await writeFile(tmp, JSON.stringify(cache), { mode: 0o600 });
    await rename(tmp, file);
  } catch {
    // a cache that cannot be written only makes the next Tab slower
  }
  return agents;
}
