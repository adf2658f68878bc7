import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import openapi from '@livechatai/spec/openapi.json';
import { createApp } from './server/app.js';
import type { EmulatorConfig } from './server/context.js';
import { SqliteStore } from './store/sqlite-store.js';
import { createWorkspace as createWorkspaceIn, mintKey as mintKeyIn } from './domain/workspaces.js';
import { seedDemo } from './seed/demo.js';
import { hashKey } from './internal/ids.js';

export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks a free port. */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** SQLite file, or `:memory:` (the default). */
  db?: string;
  /** Ensures a workspace with this key (created if unknown). Without it a new key is generated. */
  apiKey?: string;
  /** `demo` seeds a realistic workspace (once). */
  seed?: 'demo';
  /** Enables the `x-emulator-fault` header. */
  faults?: boolean;
  /** Requests per second per key (0 or undefined = unlimited). */
  rateLimit?: number;
  /** Pause between streamed events in ms (default 10). */
  streamDelayMs?: number;
  /** Access-log sink: one line per request (method, path, status, time; never keys). */
  logger?: (line: string) => void;
  /** URL data sources: fetch timeout (default 10 s) and size cap (default 2 MB). */
  urlFetchTimeoutMs?: number;
  urlFetchMaxBytes?: number;
  /**
   * Lets URL data sources fetch loopback, private, link-local and other local-only addresses (default false, or
   * `LIVECHATAI_EMULATOR_ALLOW_PRIVATE_URLS=1`). For tests that serve pages from a local server; never for an
   * emulator that a browser or other users can reach.
   */
  allowPrivateUrls?: boolean;
  /**
   * Lets @hono/node-server replace `globalThis.Request` and `Response` with its faster classes (default false:
   * an emulator inside your process leaves your globals alone). The bin turns it on in its own process.
   */
  overrideGlobalObjects?: boolean;
  /** Milliseconds since the epoch, for timestamps and the rate limiter (default `Date.now`); tests pass a fixed clock. */
  clock?: () => number;
}

export interface Emulator {
  /** Base URL of the API, ending in `/api/v2`. */
  url: string;
  /** `http://host:port` */
  origin: string;
  port: number;
  /** The key of the default workspace. */
  apiKey: string;
  workspaceId: string;
  /** The storage module (for assertions in tests). */
  store: SqliteStore;
  /** Mints another key for a workspace (default: the default workspace). */
  mintKey(options?: { readOnly?: boolean; workspaceId?: string }): Promise<string>;
  /** Creates another, isolated workspace with its own key. */
  createWorkspace(options?: { name?: string; seed?: 'demo' }): Promise<{ workspaceId: string; apiKey: string }>;
  /** Stops the server (open streams are ended), waits for background work, closes the database. */
  close(): Promise<void>;
}

const envFlag = (value: string | undefined): boolean => value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const store = new SqliteStore({ filename: options.db ?? ':memory:' });
  const now = options.clock ?? ((): number => Date.now());
  const config: EmulatorConfig = {
    store,
    streamDelayMs: options.streamDelayMs ?? 10,
    faults: options.faults ?? false,
    rateLimit: options.rateLimit ?? 0,
    log: options.logger,
    openapi,
    urlFetch: {
      timeoutMs: options.urlFetchTimeoutMs ?? 10_000,
      maxBytes: options.urlFetchMaxBytes ?? 2 * 1024 * 1024,
      allowPrivate: options.allowPrivateUrls ?? envFlag(process.env.LIVECHATAI_EMULATOR_ALLOW_PRIVATE_URLS),
    },
    now,
    background: new Set(),
    shutdown: new AbortController(),
    activeStreams: 0,
  };

  let workspaceId: string;
  let apiKey: string;
  try {
    if (options.apiKey !== undefined) {
      if (!/^[\x21-\x7e]{8,200}$/.test(options.apiKey))
        throw new TypeError('apiKey must be 8-200 visible ASCII characters');
      const existing = await store.findApiKey(hashKey(options.apiKey));
      if (existing) workspaceId = existing.workspaceId;
      else workspaceId = (await createWorkspaceIn(store, { now: now(), apiKey: options.apiKey })).workspaceId;
      apiKey = options.apiKey;
    } else {
      // A file database keeps its data across restarts: reuse its first workspace with a fresh key.
      const first = (await store.listWorkspaces())[0];
      if (first) {
        workspaceId = first.id;
        apiKey = await mintKeyIn(store, first.id, false, now());
      } else {
        ({ workspaceId, apiKey } = await createWorkspaceIn(store, { now: now() }));
      }
    }
    if (options.seed === 'demo') await seedDemo(store, workspaceId, now());
  } catch (err) {
    await store.close();
    throw err;
  }

  const app = createApp(config);
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const s = serve(
        {
          fetch: app.fetch,
          port: options.port ?? 0,
          hostname: options.host ?? '127.0.0.1',
          overrideGlobalObjects: options.overrideGlobalObjects ?? false,
        },
        () => {
          resolve(s as Server);
        },
      );
      s.once('error', reject);
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${host}:${address.port}`;

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/api/v2`,
    origin,
    port: address.port,
    apiKey,
    workspaceId,
    store,
    mintKey: (o = {}) =>
      store.transaction(() => mintKeyIn(store, o.workspaceId ?? workspaceId, o.readOnly ?? false, now())),
    createWorkspace: async (o = {}) => {
      const ws = await store.transaction(() => createWorkspaceIn(store, { name: o.name, now: now() }));
      if (o.seed === 'demo') await seedDemo(store, ws.workspaceId, now());
      return ws;
    },
    close: () => {
      closing ??= (async () => {
        config.shutdown.abort();
        await new Promise<void>((resolve) => {
          server.close(() => {
            resolve();
          });
          server.closeAllConnections();
        });
        await Promise.allSettled([...config.background]);
        await store.close();
      })();
      return closing;
    },
  };
}

export { createApp } from './server/app.js';
export { SqliteStore } from './store/sqlite-store.js';
export type { EmulatorConfig } from './server/context.js';
export type { Store, WorkspaceExport } from './store/types.js';
export { parseFault } from './server/faults.js';
export type { FaultSpec } from './server/faults.js';
