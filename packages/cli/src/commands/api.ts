// `livechatai api <METHOD> <path>`: any endpoint, with the key, retries and timeouts of the SDK client's
// transport; prints the response envelope as JSON (like `gh api`).
import { readFile } from 'node:fs/promises';
import type { Context } from '../internal/context.js';
import { usageError } from '../internal/exit-codes.js';
import { buildFields, fieldsAsQuery } from '../internal/fields.js';
import { toJson, write } from '../internal/output.js';
import { nextPage } from '../internal/paginate.js';
import { readAll } from '../internal/prompt.js';
import { createSdk } from '../internal/sdk.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];
type Query = Record<string, string | number | boolean | (string | number | boolean)[]>;

/** Splits "/agents?limit=5" into the path (relative to the base URL, "/api/v2" prefix dropped) and its query. */
export function splitPath(input: string, basePath: string): { path: string; query: Query } {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input))
    throw usageError(`give the path relative to the API base URL (e.g. /agents), not a full URL: ${input}`);
  const url = new URL(input.startsWith('/') ? input : `/${input}`, 'http://placeholder');
  let path = url.pathname;
  const base = basePath.replace(/\/+$/, '');
  if (base !== '' && path.startsWith(`${base}/`)) path = path.slice(base.length);
  const query: Query = {};
  for (const [key, value] of url.searchParams) {
    const prev = query[key];
    query[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
  }
  return { path, query };
}

function parseHeaders(pairs: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of pairs) {
    const colon = pair.indexOf(':');
    if (colon <= 0) throw usageError(`-H expects "Name: value", got "${pair}"`);
    headers[pair.slice(0, colon).trim().toLowerCase()] = pair.slice(colon + 1).trim();
  }
  return headers;
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function api(ctx: Context, [methodArg, pathArg]: string[], opts: Record<string, unknown>): Promise<void> {
  const method = (methodArg ?? '').toUpperCase() as Method;
  if (!METHODS.includes(method)) throw usageError(`unknown method "${methodArg ?? ''}": use ${METHODS.join(', ')}`);
  if (opts.paginate === true && method !== 'GET') throw usageError('--paginate works with GET only');
  if (opts.slurp === true && opts.paginate !== true) throw usageError('--slurp needs --paginate');

  const settings = await ctx.settings();
  const { path, query } = splitPath(pathArg ?? '', new URL(settings.baseURL).pathname);
  const readStdin = (): Promise<string> => readAll(ctx.stdin);
  const fields = await buildFields(
    (opts.rawField as string[] | undefined) ?? [],
    (opts.field as string[] | undefined) ?? [],
    readStdin,
  );
  let body: unknown;
  if (typeof opts.input === 'string') {
    const file = opts.input;
    let text: string;
    try {
      text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
    } catch (error) {
      throw usageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    body = parseBody(text);
    if (body === undefined) throw usageError(`--input ${file} is not valid JSON`);
    Object.assign(query, fieldsAsQuery(fields));
  } else if (method === 'GET') {
    Object.assign(query, fieldsAsQuery(fields));
  } else if (Object.keys(fields).length > 0) body = fields;
  const headers = parseHeaders((opts.header as string[] | undefined) ?? []);

  const sdk = await createSdk(ctx);
  const send = async (q: Query): Promise<unknown> => {
    const raw = await sdk.transport.send({ method, path, query: q, body }, { signal: ctx.signal, headers });
    const parsed = parseBody(raw.text);
    return parsed === undefined ? raw.text : parsed;
  };
  const print = async (value: unknown): Promise<void> => {
    if (typeof value === 'string') await write(ctx.stdout, value.endsWith('\n') ? value : `${value}\n`);
    else await ctx.printJson(value);
  };

  try {
    if (opts.paginate !== true) {
      await print(await send(query));
      return;
    }
    const slurped: unknown[] = [];
    let page = Number(Array.isArray(query.page) ? query.page[0] : (query.page ?? 1));
    if (!Number.isInteger(page) || page < 1) throw usageError('page must be a whole number from 1');
    let q = query;
    for (;;) {
      const value = await send(q);
      if (opts.slurp === true) slurped.push(value);
      else await print(value);
      const next = nextPage(value, page);
      if (next === undefined) break;
      page = next;
      q = { ...query, page };
    }
    if (opts.slurp === true) await ctx.printJson(slurped);
  } catch (error) {
    // Like gh: an error response's body goes to stdout (for scripts), the error line to stderr.
    const errorBody = (error as { body?: unknown }).body;
    if (errorBody !== undefined && ctx.globals.jq === undefined) await write(ctx.stdout, toJson(errorBody));
    throw error;
  }
}
