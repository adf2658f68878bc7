// Runtime probes that never throw: no `process` in browsers and some edge runtimes; Deno asks permission for env.
interface Globals {
  process?: { env?: Record<string, string | undefined>; versions?: { node?: string } };
  document?: unknown;
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

/** A real browser: a document, and not Node (jsdom under Node is not a browser). */
export const isBrowser = (): boolean => !!g.document && !g.process?.versions?.node;
