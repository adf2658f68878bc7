// Runtime probes that never throw: no `process` in browsers and some edge runtimes; Deno asks permission for env.
interface Globals {
  process?: { env?: Record<string, string | undefined>; versions?: { node?: string } };
  document?: unknown;
  importScripts?: unknown;
  location?: { origin?: string };
  navigator?: { userAgent?: string };
}
export const g = globalThis as Globals;

/** `process.env[name]` (Node, Bun, Deno 2, edge runtimes that have it); undefined elsewhere or when not permitted. */
export function readEnv(name: string): string | undefined {
  try {
    return g.process?.env?.[name];
  } catch {
    return undefined;
  }
}

/**
 * A real browser: a page (a document) or a browser's Web Worker or Service Worker (`importScripts`, which
 * Cloudflare's workerd, whose global is also a ServiceWorkerGlobalScope, does not have), and not Node, Bun or Deno
 * (jsdom under Node is not a browser).
 */
export function isBrowser(): boolean {
  const page = !!g.document;
  const worker = typeof g.importScripts == 'function';
  return (page || worker) && !g.process?.versions?.node;
}
