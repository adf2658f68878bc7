import { g } from './internal/env.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';
/** Any console-like object. */
export interface Logger {
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string, ...args: unknown[]): void;
}

export const LOG_LEVELS: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, warn: 2, error: 3, off: 4 };

const SECRET = /key|secret|token|password|passwd|authorization|cookie|hash/i;

/** Copies `value` with every field named like a secret (key, secret, token, password, authorization…) masked. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null || depth > 8) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET.test(k) ? '[redacted]' : redact(v, depth + 1);
  return out;
}

export function parseLogLevel(v: string | undefined): LogLevel | undefined {
  const l = v?.trim().toLowerCase();
  return l && l in LOG_LEVELS ? (l as LogLevel) : undefined;
}

export const defaultLogger = (): Logger => (g as { console: Logger }).console;
