import { makeAPIError } from './errors.js';
import type { ErrorContext } from './errors.js';

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Unwraps a success envelope (decisions D3): `{status:"success", data}` → `data` (extra top-level keys such as
 * `message` are dropped); `{status:"success", contactId}` (no `data`) → `{contactId}`; anything else — a bare
 * object such as the contact retrieve example, an array, a string — is returned as is.
 */
export function unwrapEnvelope(json: unknown): unknown {
  if (!isObj(json) || typeof json.status !== 'string' || !/^(success|ok)$/i.test(json.status)) return json;
  if ('data' in json) return json.data;
  const rest = { ...json };
  delete rest.status;
  return rest;
}

/** `JSON.parse`, or the text itself when it is not JSON. */
export function parseJSON(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Parses a response body: JSON when it is JSON, else the text (which a JSON content type makes an error); an error
 * envelope `{status:"error"}` throws.
 */
export function parseBody(text: string, headers: Headers, ctx: ErrorContext): unknown {
  if (!text) return undefined;
  const json = parseJSON(text);
  if (json === text && headers.get('content-type')?.includes('json')) {
    throw makeAPIError(502, { message: 'Invalid JSON in response', code: 'invalid_response' }, ctx, false);
  }
  if (isObj(json) && json.status === 'error') throw makeAPIError(0, json, ctx);
  return json;
}

/** A successful response's JSON, unless it is an error envelope `{status:"error"}` (the typed error is thrown). */
export function throwIfErrorEnvelope(json: unknown, ctx: ErrorContext & { response?: Response }): unknown {
  if (isObj(json) && json.status === 'error') {
    const { response, ...where } = ctx;
    throw makeAPIError(0, json, where, undefined, undefined, response?.headers);
  }
  return json;
}
