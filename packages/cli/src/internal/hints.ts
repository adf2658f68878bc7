// What to tell a user whose request never got an answer (wrong URL, nothing listening) or whose key was
// refused: the host that was tried and where its URL came from, or how to log in. Imports nothing from the SDK.

export interface Endpoint {
  baseURL: string;
  /** Where the base URL came from. */
  source: 'flag' | 'env' | 'profile' | 'default' | 'prompt';
  profile: string;
  /** Where the key came from (`login`: the key being verified by `livechatai login`). */
  keySource: 'flag' | 'env' | 'profile' | 'none' | 'login';
}

let endpoint: Endpoint | undefined;

/** Called when the SDK client is built, so an error can name the URL in use. */
export function rememberEndpoint(value: Endpoint): void {
  endpoint = value;
}

const SOURCE: Record<Endpoint['source'], string> = {
  flag: '--base-url',
  env: 'LIVECHATAI_BASE_URL',
  profile: 'the profile',
  default: 'the default',
  prompt: 'your answer',
};

const REASON: Record<string, string> = {
  dns: 'host not found',
  refused: 'connection refused',
  reset: 'connection reset',
  tls: 'TLS error',
  timeout: 'connection timed out',
  unknown: 'network error',
};

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

interface ErrorShape {
  name?: unknown;
  status?: unknown;
  reason?: unknown;
  method?: unknown;
  path?: unknown;
}

/** The error line for a connection error: the host tried and why it failed; undefined for other errors. */
export function connectionMessage(error: unknown): string | undefined {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  if (e.name !== 'APIConnectionError' || endpoint === undefined) return undefined;
  const reason = REASON[typeof e.reason === 'string' ? e.reason : 'unknown'] ?? 'network error';
  const where = typeof e.method === 'string' && typeof e.path === 'string' ? ` [${e.method} ${e.path}]` : '';
  return `cannot connect to ${hostOf(endpoint.baseURL)} (${reason})${where}`;
}

/** A next step for errors a user can fix: the API URL for a connection error, logging in for a 401. */
export function hintFor(error: unknown): string | undefined {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  const login =
    endpoint === undefined || endpoint.profile === 'default'
      ? 'livechatai login'
      : `livechatai --profile ${endpoint.profile} login`;
  if (e.name === 'APIConnectionError' || e.name === 'APITimeoutError') {
    if (endpoint === undefined) return undefined;
    const ways =
      endpoint.keySource === 'login'
        ? 'pass --base-url <url>'
        : `Pass --base-url <url>, set LIVECHATAI_BASE_URL, or run \`${login}\``;
    return `is ${endpoint.baseURL} (from ${SOURCE[endpoint.source]}) the right API URL? ${endpoint.keySource === 'login' ? 'Log in again and ' : ''}${ways}`;
  }
  if (e.status === 401) {
    if (endpoint?.keySource === 'login') return undefined;
    const from =
      endpoint?.keySource === 'env'
        ? ' (the key in use is LIVECHATAI_API_KEY)'
        : endpoint?.keySource === 'flag'
          ? ' (the key in use is --api-key)'
          : '';
    return `run \`${login}\` to store a valid key${from}`;
  }
  return undefined;
}
