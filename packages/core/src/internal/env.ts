// Runtime probes that never throw: no `process` in browsers/edge, Deno.env may need a permission.
interface Globals {
  process?: { env?: Record<string, string | undefined>; versions?: { node?: string } };
  Deno?: { env?: { get(name: string): string | undefined } };
  window?: unknown;
  document?: unknown;
  location?: { origin?: string };
  navigator?: { userAgent?: string };
}
export const g = globalThis as Globals;

export function readEnv(name: string): string | undefined {
  try {
    return g.process?.env?.[name] ?? g.Deno?.env?.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

/** A real browser: window and document exist, and this is not Deno/Node (e.g. jsdom under Node is not a browser). */
export function isBrowser(): boolean {
  return !!(g.window && g.document) && !g.Deno && !g.process?.versions?.node;
}
