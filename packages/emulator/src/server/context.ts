import type { Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import type { Store } from '../store/types.js';
import type { FaultSpec } from './faults.js';

export interface EmulatorConfig {
  store: Store;
  /** Pause between two streamed events, in ms. */
  streamDelayMs: number;
  faults: boolean;
  /** Requests per second per key; 0 = unlimited. */
  rateLimit: number;
  /** Access log sink (method, path, status, duration; never headers or keys). */
  log: ((line: string) => void) | undefined;
  openapi: unknown;
  /** URL data sources: timeout, size cap, and whether local-only addresses may be fetched (local testing). */
  urlFetch: { timeoutMs: number; maxBytes: number; allowPrivate: boolean };
  /** Clock, overridable for tests of the seed. */
  now: () => number;
  /** Background work (URL fetches) that `close()` waits for. */
  background: Set<Promise<unknown>>;
  shutdown: AbortController;
  /** Streams currently producing events (reported by /_emulator/health). */
  activeStreams: number;
}

export interface AuthInfo {
  workspaceId: string;
  readOnly: boolean;
  keyHash: string;
}

export interface IdempotencyInfo {
  key: string;
  requestHash: string;
}

export interface AppEnv {
  Bindings: HttpBindings;
  Variables: {
    requestId: string;
    auth: AuthInfo;
    body: unknown;
    idempotency: IdempotencyInfo | undefined;
    fault: FaultSpec | undefined;
  };
}

export type AppContext = Context<AppEnv>;
