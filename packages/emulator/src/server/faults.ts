// Fault injection (only with `faults: true`): the `x-emulator-fault` header arms a rule for the next N
// requests with the same key + method + path (the request carrying the header is the first of them).
import { validationError } from './errors.js';

export interface FaultSpec {
  status: number | undefined;
  retryAfter: number | undefined;
  latencyMs: number;
  reset: boolean;
  stallAfter: number | undefined;
  errorAfter: number | undefined;
  afterWrite: boolean;
  count: number;
}

const int = (name: string, value: string | undefined, min: number, max: number): number => {
  if (value === undefined || !/^\d+$/.test(value))
    throw validationError(`x-emulator-fault: '${name}' needs an integer value`);
  const n = Number(value);
  if (n < min || n > max) throw validationError(`x-emulator-fault: '${name}' must be between ${min} and ${max}`);
  return n;
};

export function parseFault(header: string): FaultSpec {
  const spec: FaultSpec = {
    status: undefined,
    retryAfter: undefined,
    latencyMs: 0,
    reset: false,
    stallAfter: undefined,
    errorAfter: undefined,
    afterWrite: false,
    count: 1,
  };
  const parts = header
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) throw validationError('x-emulator-fault: empty fault specification');
  for (const part of parts) {
    const eq = part.indexOf('=');
    const name = (eq === -1 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq === -1 ? undefined : part.slice(eq + 1).trim();
    switch (name) {
      case 'status':
        spec.status = int(name, value, 400, 599);
        break;
      case 'count':
        spec.count = int(name, value, 1, 1000);
        break;
      case 'retry-after':
        spec.retryAfter = int(name, value, 0, 3600);
        break;
      case 'latency':
        spec.latencyMs = int(name, value, 0, 60_000);
        break;
      case 'stall-after':
        spec.stallAfter = int(name, value, 0, 10_000);
        break;
      case 'error-after':
        spec.errorAfter = int(name, value, 0, 10_000);
        break;
      case 'reset':
        spec.reset = true;
        break;
      case 'after-write':
        spec.afterWrite = true;
        break;
      case 'id':
        break;
      default:
        throw validationError(`x-emulator-fault: unknown directive '${name}'`);
    }
  }
  if (spec.afterWrite && spec.status === undefined && !spec.reset) {
    throw validationError("x-emulator-fault: 'after-write' needs 'status=<code>' or 'reset'");
  }
  return spec;
}

interface Rule {
  scope: string;
  spec: FaultSpec;
  remaining: number;
}

/** How many distinct header values the registry remembers (each arms once); the oldest spent ones go first. */
export const MAX_FAULT_RULES = 1000;

export class FaultRegistry {
  private readonly armed = new Map<string, Rule>();

  /** Distinct header values remembered. */
  get size(): number {
    return this.armed.size;
  }

  /** Arms the header's rule (once per distinct header value) and consumes the active rule of this scope. */
  take(scope: string, header: string | undefined): FaultSpec | undefined {
    if (header !== undefined) {
      const id = `${scope}\n${header}`;
      if (!this.armed.has(id)) {
        const spec = parseFault(header);
        if (this.armed.size >= MAX_FAULT_RULES) this.evict();
        this.armed.set(id, { scope, spec, remaining: spec.count });
      }
    }
    for (const rule of this.armed.values()) {
      if (rule.scope === scope && rule.remaining > 0) {
        rule.remaining--;
        return rule.spec;
      }
    }
    return undefined;
  }

  /** Forgets the oldest spent rule, or the oldest rule when every one still has requests left. */
  private evict(): void {
    let oldest: string | undefined;
    for (const [id, rule] of this.armed) {
      oldest ??= id;
      if (rule.remaining === 0) {
        this.armed.delete(id);
        return;
      }
    }
    if (oldest !== undefined) this.armed.delete(oldest);
  }

  clear(): void {
    this.armed.clear();
  }
}
