// Small, explicit parameter validation. Every failure is a 400 `validation_error` naming the field.
import { ApiError, validationError } from './errors.js';

interface StrOpts {
  required?: boolean;
  max?: number;
}

export type Json = Record<string, unknown>;

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

export class QueryParams {
  constructor(private readonly params: URLSearchParams) {}

  private raw(name: string): string | undefined {
    const all = this.params.getAll(name);
    if (all.length > 1) throw validationError(`query parameter '${name}' must be given once`);
    return all[0];
  }

  /** The value, or undefined when absent; an empty value (`viewId=`) is a 400 like a missing required one. */
  private given(name: string): string | undefined {
    const v = this.raw(name);
    if (v === '') throw validationError(`query parameter '${name}' must not be empty (leave it out instead)`);
    return v;
  }

  str(name: string, opts: StrOpts & { required: true }): string;
  str(name: string, opts?: StrOpts): string | undefined;
  str(name: string, opts: StrOpts = {}): string | undefined {
    const v = this.raw(name);
    if (v === undefined || v === '') {
      if (opts.required) throw validationError(`query parameter '${name}' is required`);
      if (v === '') this.given(name);
      return undefined;
    }
    if (v.length > (opts.max ?? 200))
      throw validationError(`query parameter '${name}' is too long (max ${opts.max ?? 200} characters)`);
    return v;
  }

  int(name: string, def: number, min: number, max: number): number {
    const v = this.given(name);
    if (v === undefined) return def;
    if (!/^-?\d+$/.test(v)) throw validationError(`query parameter '${name}' must be an integer`);
    const n = Number(v);
    if (n < min || n > max) throw validationError(`query parameter '${name}' must be between ${min} and ${max}`);
    return n;
  }

  enum<T extends string>(name: string, values: readonly T[]): T | undefined {
    const v = this.given(name);
    if (v === undefined) return undefined;
    if (!(values as readonly string[]).includes(v))
      throw validationError(`query parameter '${name}' must be one of ${values.join(', ')}`);
    return v as T;
  }

  bool(name: string): boolean | undefined {
    const v = this.given(name);
    if (v === undefined) return undefined;
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    throw validationError(`query parameter '${name}' must be true or false`);
  }

  /** Unix seconds or an ISO-8601 date / date-time; `endOfDay` makes a bare date inclusive of that whole day. */
  instant(name: string, endOfDay = false): number | undefined {
    const v = this.given(name);
    if (v === undefined) return undefined;
    const ms = parseInstant(v, endOfDay);
    if (ms === undefined) throw validationError(`query parameter '${name}' must be Unix seconds or an ISO-8601 date`);
    return ms;
  }

  /** A plain `YYYY-MM-DD` date. */
  ymd(name: string): string {
    const v = this.raw(name);
    if (v === undefined || v === '') throw validationError(`query parameter '${name}' is required`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(v) ||
      Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ||
      new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v
    ) {
      throw validationError(`query parameter '${name}' must be a date as YYYY-MM-DD`);
    }
    return v;
  }
}

export function parseInstant(v: string, endOfDay = false): number | undefined {
  if (/^\d{1,12}$/.test(v)) return Number(v) * 1000 + (endOfDay ? 999 : 0);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const t = Date.parse(`${v}T00:00:00Z`);
    if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== v) return undefined;
    return endOfDay ? t + 86_400_000 - 1 : t;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.test(v)) {
    const t = Date.parse(v);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

export class Body {
  constructor(private readonly body: Json) {}

  static from(value: unknown, optional = false): Body {
    if (value === undefined) {
      if (optional) return new Body({});
      throw validationError('a JSON request body is required');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw validationError(`the request body must be a JSON object, got ${describe(value)}`);
    }
    return new Body(value as Json);
  }

  has(name: string): boolean {
    return this.body[name] !== undefined && this.body[name] !== null;
  }

  /** Whether a field is absent; `null` is not absence: the contract's optional fields are never nullable. */
  private absent(name: string, required: boolean | undefined): boolean {
    const v = this.body[name];
    if (v === undefined) {
      if (required) throw validationError(`'${name}' is required`);
      return true;
    }
    if (v === null)
      throw validationError(
        required ? `'${name}' is required (got null)` : `'${name}' must not be null (leave it out instead)`,
      );
    return false;
  }

  str(name: string, opts: StrOpts & { required: true }): string;
  str(name: string, opts?: StrOpts): string | undefined;
  str(name: string, opts: StrOpts = {}): string | undefined {
    if (this.absent(name, opts.required)) return undefined;
    const v = this.body[name];
    if (typeof v !== 'string') throw validationError(`'${name}' must be a string, got ${describe(v)}`);
    if (opts.required && v.trim() === '') throw validationError(`'${name}' must not be empty`);
    const max = opts.max ?? 1000;
    if (v.length > max) throw validationError(`'${name}' is too long (max ${max} characters)`);
    return v;
  }

  bool(name: string, required: true): boolean;
  bool(name: string, required?: boolean): boolean | undefined;
  bool(name: string, required = false): boolean | undefined {
    if (this.absent(name, required)) return undefined;
    const v = this.body[name];
    if (typeof v !== 'boolean') throw validationError(`'${name}' must be a boolean, got ${describe(v)}`);
    return v;
  }

  enum<T extends string>(name: string, values: readonly T[], required: true): T;
  enum<T extends string>(name: string, values: readonly T[], required?: boolean): T | undefined;
  enum<T extends string>(name: string, values: readonly T[], required = false): T | undefined {
    const v = this.str(name, required ? { required: true } : {});
    if (v === undefined) return undefined;
    if (!(values as readonly string[]).includes(v))
      throw validationError(`'${name}' must be one of ${values.join(', ')}`);
    return v as T;
  }

  strArray(name: string, max: number): string[] | undefined {
    if (this.absent(name, false)) return undefined;
    const v = this.body[name];
    if (!Array.isArray(v)) throw validationError(`'${name}' must be an array of strings, got ${describe(v)}`);
    if (v.length > max) throw validationError(`'${name}' may hold at most ${max} items`);
    return v.map((item, i) => {
      if (typeof item !== 'string' || item === '') throw validationError(`'${name}[${i}]' must be a non-empty string`);
      if (item.length > 200) throw validationError(`'${name}[${i}]' is too long`);
      return item;
    });
  }

  /** A flat map of attribute values: strings (numbers and booleans are stored as strings; `null` removes the key). */
  attributes(name: string): Record<string, string | null> | undefined {
    if (this.absent(name, false)) return undefined;
    const v = this.body[name];
    if (typeof v !== 'object' || Array.isArray(v))
      throw validationError(`'${name}' must be an object map, got ${describe(v)}`);
    const out: Record<string, string | null> = {};
    const entries = Object.entries(v as Json);
    if (entries.length > 100) throw validationError(`'${name}' may hold at most 100 keys`);
    for (const [k, val] of entries) {
      if (k.length === 0 || k.length > 100) throw validationError(`'${name}' keys must be 1-100 characters`);
      if (val !== null && typeof val !== 'string' && typeof val !== 'number' && typeof val !== 'boolean') {
        throw validationError(`'${name}.${k}' must be a string, number, boolean or null`);
      }
      const str = val === null ? null : String(val);
      if (str !== null && str.length > 2000) throw validationError(`'${name}.${k}' is too long`);
      out[k] = str;
    }
    return out;
  }
}

/** Path ids: 1-200 printable characters; anything else cannot name a stored object, so it answers 404. */
export function pathId(name: string, value: string | undefined): string {
  if (!value || value.length > 200 || /[\s\p{Cc}]/u.test(value))
    throw new ApiError(404, 'not_found', `No object with this ${name}`);
  return value;
}

/** The query string of a request URL (cheaper than parsing the whole URL). */
export function searchParamsOf(url: string): URLSearchParams {
  const i = url.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : url.slice(i + 1));
}
