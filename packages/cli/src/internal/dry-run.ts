// --dry-run: a fetch that renders the request as a curl line (API key masked) and sends nothing.

/** Thrown by the dry-run fetch instead of sending; the CLI treats it as success. */
export class DryRunStop extends Error {
  constructor() {
    super('dry run: request not sent');
    this.name = 'DryRunStop';
  }
}

export function isDryRunStop(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.name === 'DryRunStop') return true;
  }
  return false;
}

function shellQuote(text: string): string {
  return /^[A-Za-z0-9_\-./:=@%+,]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Headers worth showing; transport noise (user agent, retry counters) is left out. */
const SHOWN_HEADERS = new Set(['content-type', 'accept', 'idempotency-key']);

export interface CurlInput {
  method: string;
  url: string;
  headers: Headers;
  body: string | undefined;
}

export function renderCurl(req: CurlInput): string {
  const parts = ['curl'];
  if (req.method !== 'GET') parts.push('-X', req.method);
  parts.push(shellQuote(req.url));
  if (req.headers.has('authorization')) parts.push('-H', '"Authorization: Bearer $LIVECHATAI_API_KEY"');
  const names = [...req.headers.keys()].filter((name) => SHOWN_HEADERS.has(name)).sort();
  for (const name of names) {
    const value = req.headers.get(name) ?? '';
    parts.push('-H', shellQuote(`${canonicalName(name)}: ${value}`));
  }
  if (req.body !== undefined && req.body !== '') parts.push('--data-raw', shellQuote(req.body));
  return parts.join(' ');
}

function canonicalName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

async function bodyText(body: unknown): Promise<string | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return new TextDecoder().decode(body);
  if (body instanceof Blob) return body.text();
  return '[streamed body]';
}

/**
 * A fetch replacement: renders every request it is given with `onRequest` and then throws
 * DryRunStop so nothing leaves the machine.
 */
export function dryRunFetch(
  onRequest: (curl: string) => void,
): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const request = typeof input === 'string' || input instanceof URL ? undefined : input;
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers ?? request?.headers);
    const body =
      init?.body !== undefined ? await bodyText(init.body) : request ? await request.clone().text() : undefined;
    onRequest(renderCurl({ method, url, headers, body }));
    throw new DryRunStop();
  };
}
