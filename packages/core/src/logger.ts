export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';
/** Any console-like object. */
export interface Logger {
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string, ...args: unknown[]): void;
}

/** Levels in order; a client logs messages at or above its level's index. */
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'off'];

const SECRET = /key|secret|token|passw|authorization|cookie|hash/i;

/** JSON.stringify replacer masking every field named like a secret (what the debug log uses). */
export const redactor = (k: string, v: unknown): unknown => (SECRET.test(k) ? '[redacted]' : v);

/** Copies `value` with every field named like a secret (key, secret, token, password, authorization…) masked. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null || depth > 8) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactor(k, redact(v, depth + 1));
  return out;
}
