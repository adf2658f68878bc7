// Every error the SDK throws extends LiveChatAIError. Guards use a Symbol.for brand plus a per-class `kind`
// walked along the prototype chain, so they recognise errors from a second copy of this package too.

const BRAND = Symbol.for('livechatai.error');

/** What a connection error was caused by. */
export type ConnectionErrorKind = 'dns' | 'refused' | 'reset' | 'tls' | 'timeout' | 'unknown';
/** Which timeout fired: `timeout` (response), `idleTimeout` (between stream chunks) or `deadline` (total). */
export type TimeoutKind = 'timeout' | 'idleTimeout' | 'deadline';

/** Where an error happened. Never holds headers or the API key. */
export interface ErrorContext {
  method?: string | undefined;
  path?: string | undefined;
  requestId?: string | undefined;
  attempts?: number | undefined;
  cause?: unknown;
}

type Branded<T> = (abstract new (...args: never[]) => T) & { readonly kind: string };

/** Base class of every error thrown by the LiveChatAI SDK. */
export class LiveChatAIError extends Error {
  static readonly kind: string = 'LiveChatAIError';
  /** HTTP status, when the error came from a response. */
  readonly status: number | undefined;
  /** Machine-readable code: the API's `code`, or `connection_error`, `timeout`, `aborted`, `invalid_parameter`. */
  readonly code: string;
  /** The `x-request-id` of the failed response, if any. */
  readonly requestId: string | undefined;
  readonly method: string | undefined;
  /** Request path without the query string. */
  readonly path: string | undefined;
  /** How many attempts were made (1 + retries). 0 when no request was sent. */
  attempts: number;
  /** Whether the retry policy treats this error as transient. */
  readonly retryable: boolean;

  constructor(message: string, code: string, retryable = false, ctx: ErrorContext = {}, status?: number) {
    super(message, ctx.cause === undefined ? undefined : { cause: ctx.cause });
    this.name = (new.target as unknown as { kind: string }).kind;
    this.status = status;
    this.code = code;
    this.requestId = ctx.requestId;
    this.method = ctx.method;
    this.path = ctx.path;
    this.attempts = ctx.attempts ?? 0;
    this.retryable = retryable;
  }

  /** True when `error` is an instance of this class, from any copy of `@livechatai/core`. */
  static isInstance<T>(this: Branded<T>, error: unknown): error is T {
    if (typeof error !== 'object' || error === null || !(BRAND in error)) return false;
    for (let p: unknown = Object.getPrototypeOf(error); p; p = Object.getPrototypeOf(p)) {
      if ((p as { constructor?: { kind?: unknown } }).constructor?.kind === this.kind) return true;
    }
    return false;
  }

  toJSON(): Record<string, unknown> {
    const { name, message, status, code, requestId, method, path, attempts, retryable } = this;
    return { name, message, status, code, requestId, method, path, attempts, retryable };
  }
}
Object.defineProperty(LiveChatAIError.prototype, BRAND, { value: true });

/** An HTTP error response (status ≥ 400, or an error envelope). */
export class APIError extends LiveChatAIError {
  static override readonly kind: string = 'APIError';
  declare readonly status: number;
}
/** 400 */
export class BadRequestError extends APIError {
  static override readonly kind: string = 'BadRequestError';
  declare readonly status: 400;
}
/** 401: missing or invalid API key. */
export class AuthenticationError extends APIError {
  static override readonly kind: string = 'AuthenticationError';
  declare readonly status: 401;
}
/** 403: the key lacks the permission (e.g. a read-only key writing). */
export class PermissionDeniedError extends APIError {
  static override readonly kind: string = 'PermissionDeniedError';
  declare readonly status: 403;
}
/** 404 */
export class NotFoundError extends APIError {
  static override readonly kind: string = 'NotFoundError';
  declare readonly status: 404;
}
/** 409: e.g. an idempotency key reused with a different body. */
export class ConflictError extends APIError {
  static override readonly kind: string = 'ConflictError';
  declare readonly status: 409;
}
/** 413 */
export class PayloadTooLargeError extends APIError {
  static override readonly kind: string = 'PayloadTooLargeError';
  declare readonly status: 413;
}
/** 415 */
export class UnsupportedMediaTypeError extends APIError {
  static override readonly kind: string = 'UnsupportedMediaTypeError';
  declare readonly status: 415;
}
/** 422 */
export class UnprocessableEntityError extends APIError {
  static override readonly kind: string = 'UnprocessableEntityError';
  declare readonly status: 422;
}
/** 429. `retryAfterMs` is the server's requested wait (Retry-After / retry-after-ms), if it sent one. */
export class RateLimitError extends APIError {
  static override readonly kind: string = 'RateLimitError';
  declare readonly status: 429;
  retryAfterMs: number | undefined;
}
/** Any 5xx. */
export class InternalServerError extends APIError {
  static override readonly kind: string = 'InternalServerError';
}

/** The request never got a response: DNS failure, refused or reset connection, TLS failure, socket timeout. */
export class APIConnectionError extends LiveChatAIError {
  static override readonly kind: string = 'APIConnectionError';
  readonly reason: ConnectionErrorKind;
  constructor(reason: ConnectionErrorKind, ctx: ErrorContext = {}) {
    super(`Connection error (${reason})${at(ctx)}`, 'connection_error', true, ctx);
    this.reason = reason;
  }
}

/** A timeout fired: `timeout` is the response timeout, `idleTimeout` the gap between stream chunks, `deadline` the total. */
export class APITimeoutError extends LiveChatAIError {
  static override readonly kind: string = 'APITimeoutError';
  readonly timeout: TimeoutKind;
  readonly ms: number;
  constructor(timeout: TimeoutKind, ms: number, ctx: ErrorContext = {}) {
    super(`Request timed out (${timeout} ${ms}ms)${at(ctx)}`, 'timeout', timeout === 'timeout', ctx);
    this.timeout = timeout;
    this.ms = ms;
  }
}

/** The caller aborted the request (AbortSignal or `stream.abort()`). Never retried. */
export class APIUserAbortError extends LiveChatAIError {
  static override readonly kind: string = 'APIUserAbortError';
  constructor(ctx: ErrorContext = {}) {
    super(`Request aborted${at(ctx)}`, 'aborted', false, ctx);
  }
}

/** Bad input detected by the SDK before any request was sent. `param` names the offending parameter. */
export class InvalidParameterError extends LiveChatAIError {
  static override readonly kind: string = 'InvalidParameterError';
  readonly param: string;
  constructor(param: string, message: string) {
    super(`Invalid parameter ${param}: ${message}`, 'invalid_parameter');
    this.param = param;
  }
}

function at(ctx: ErrorContext): string {
  return ctx.method ? ` [${ctx.method} ${ctx.path ?? ''}]` : '';
}

const byStatus: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  413: PayloadTooLargeError,
  415: UnsupportedMediaTypeError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};
const statusByCode: Record<string, number> = {
  bad_request: 400,
  validation_error: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable_entity: 422,
  rate_limited: 429,
};

/** Builds the APIError subclass for a status (or, with status 0, for an error-envelope `code`). */
export function makeAPIError(
  status: number,
  body: unknown,
  ctx: ErrorContext,
  retryable = false,
  retryAfterMs?: number,
): APIError {
  const env = (typeof body === 'object' && body !== null ? body : {}) as { message?: unknown; code?: unknown; error?: unknown };
  const code = typeof env.code === 'string' ? env.code : status ? `http_${status}` : 'error';
  status ||= statusByCode[code] ?? 500;
  const raw = env.message ?? env.error ?? (typeof body === 'string' ? body.slice(0, 200) : '');
  const text = typeof raw === 'string' && raw ? raw : 'Request failed';
  const Ctor = byStatus[status] ?? (status >= 500 ? InternalServerError : APIError);
  const err = new Ctor(`${status} ${text}${at(ctx)}`, code, retryable, ctx, status);
  if (err instanceof RateLimitError) err.retryAfterMs = retryAfterMs;
  return err;
}

export const isLiveChatAIError = (e: unknown): e is LiveChatAIError => LiveChatAIError.isInstance(e);
export const isAPIError = (e: unknown): e is APIError => APIError.isInstance(e);
export const isBadRequestError = (e: unknown): e is BadRequestError => BadRequestError.isInstance(e);
export const isAuthenticationError = (e: unknown): e is AuthenticationError => AuthenticationError.isInstance(e);
export const isPermissionDeniedError = (e: unknown): e is PermissionDeniedError => PermissionDeniedError.isInstance(e);
export const isNotFoundError = (e: unknown): e is NotFoundError => NotFoundError.isInstance(e);
export const isConflictError = (e: unknown): e is ConflictError => ConflictError.isInstance(e);
export const isPayloadTooLargeError = (e: unknown): e is PayloadTooLargeError => PayloadTooLargeError.isInstance(e);
export const isUnsupportedMediaTypeError = (e: unknown): e is UnsupportedMediaTypeError =>
  UnsupportedMediaTypeError.isInstance(e);
export const isUnprocessableEntityError = (e: unknown): e is UnprocessableEntityError =>
  UnprocessableEntityError.isInstance(e);
export const isRateLimitError = (e: unknown): e is RateLimitError => RateLimitError.isInstance(e);
export const isInternalServerError = (e: unknown): e is InternalServerError => InternalServerError.isInstance(e);
export const isAPIConnectionError = (e: unknown): e is APIConnectionError => APIConnectionError.isInstance(e);
export const isAPITimeoutError = (e: unknown): e is APITimeoutError => APITimeoutError.isInstance(e);
export const isAPIUserAbortError = (e: unknown): e is APIUserAbortError => APIUserAbortError.isInstance(e);
export const isInvalidParameterError = (e: unknown): e is InvalidParameterError => InvalidParameterError.isInstance(e);

/** Maps a fetch failure (undici puts the system error in `cause`, sometimes nested) to a connection-error kind. */
export function connectionErrorKind(error: unknown): ConnectionErrorKind {
  let e: unknown = error;
  for (let i = 0; i < 5 && typeof e === 'object' && e !== null; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') for (const [re, kind] of CODES) if (re.test(code)) return kind;
    e = (e as { cause?: unknown }).cause;
  }
  return 'unknown';
}

const CODES: readonly (readonly [RegExp, ConnectionErrorKind])[] = [
  [/^(ENOTFOUND|EAI_AGAIN|EAI_FAIL)$/, 'dns'],
  [/^ECONNREFUSED$/, 'refused'],
  [/^(ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED)$/, 'reset'],
  [/^(CERT_|ERR_TLS_|ERR_SSL_|EPROTO$)|SELF_SIGNED|UNABLE_TO_VERIFY/, 'tls'],
  [/TIMEDOUT|TIMEOUT/, 'timeout'],
];
