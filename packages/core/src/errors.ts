import { defaultIsRetryableStatus } from './retry.js';

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
  declare readonly status: number | undefined;
  /** Machine-readable code: the API's `code`, or `connection_error`, `timeout`, `aborted`, `invalid_parameter`. */
  declare readonly code: string;
  /** The `x-request-id` of the failed response, if any. */
  declare readonly requestId: string | undefined;
  declare readonly method: string | undefined;
  /** Request path without the query string. */
  declare readonly path: string | undefined;
  /** How many attempts were made (1 + retries). 0 when no request was sent. */
  declare attempts: number;
  /** Whether the retry policy treats this error as transient. */
  declare readonly retryable: boolean;

  /** A `method` in `ctx` appends ` [METHOD path]` to the message. */
  constructor(message: string, code: string, retryable = false, { cause, ...ctx }: ErrorContext = {}, status?: number) {
    super(ctx.method ? `${message} [${ctx.method} ${ctx.path}]` : message, cause === undefined ? undefined : { cause });
    // `name` and the fields are own enumerable properties (what toJSON and loggers show); never headers or keys
    Object.assign(this, ctx, { name: (new.target as unknown as Branded<this>).kind, status, code, retryable, attempts: ctx.attempts ?? 0 });
  }

  /** True when `error` is an instance of this class, from any copy of `@livechatai/core`. */
  static isInstance<T>(this: Branded<T>, error: unknown): error is T {
    for (let p = (error as Partial<Record<symbol, unknown>> | null | undefined)?.[BRAND] && error; (p = p && Object.getPrototypeOf(p)); ) {
      if ((p as { constructor?: { kind?: unknown } }).constructor?.kind === this.kind) return true;
    }
    return false;
  }

  /** @internal The brand the guards look for (shared by every copy of this package); on the prototype, so it
   * stays out of the error's own properties. */
  // eslint-disable-next-line @typescript-eslint/class-literal-property-style
  get [BRAND](): true {
    return true;
  }

  /** `name`, `message`, `status`, `code`, `requestId`, `method`, `path`, `attempts`, `retryable` (+ class fields). */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), message: this.message };
  }
}

/** An HTTP error response (status ≥ 400, or an error envelope). */
export class APIError extends LiveChatAIError {
  static override readonly kind: string = 'APIError';
  declare readonly status: number;
  /** The parsed error body: usually the envelope `{ status: "error", message, code }`, else the response text. */
  declare readonly body: unknown;
}

/** A class of one HTTP status: constructed like APIError, with its own `kind`/`name` and a narrowing `isInstance`. */
export interface APIErrorClass<T extends APIError> {
  new (message: string, code: string, retryable?: boolean, ctx?: ErrorContext, status?: number): T;
  readonly kind: string;
  readonly prototype: T;
  isInstance(error: unknown): error is T;
}
/** 400 */
export interface BadRequestError extends APIError {
  readonly status: 400;
}
/** 401: missing or invalid API key. */
export interface AuthenticationError extends APIError {
  readonly status: 401;
}
/** 403: the key lacks the permission (e.g. a read-only key writing). */
export interface PermissionDeniedError extends APIError {
  readonly status: 403;
}
/** 404 */
export interface NotFoundError extends APIError {
  readonly status: 404;
}
/** 409: e.g. an idempotency key reused with a different body. */
export interface ConflictError extends APIError {
  readonly status: 409;
}
/** 413 */
export interface PayloadTooLargeError extends APIError {
  readonly status: 413;
}
/** 415 */
export interface UnsupportedMediaTypeError extends APIError {
  readonly status: 415;
}
/** 422 */
export interface UnprocessableEntityError extends APIError {
  readonly status: 422;
}
/** 429. `retryAfterMs` is the server's requested wait (Retry-After / retry-after-ms), if it sent one. */
export interface RateLimitError extends APIError {
  readonly status: 429;
  retryAfterMs: number | undefined;
}
/** Any 5xx. */
export type InternalServerError = APIError;

// One row per status class: name (without "Error"), status, then envelope codes meaning it besides the
// snake_case name (bad_request, not_found, conflict, payload_too_large, …).
const TABLE =
  'BadRequest 400 validation_error,Authentication 401 unauthorized,PermissionDenied 403 forbidden,NotFound 404,' +
  'Conflict 409,PayloadTooLarge 413,UnsupportedMediaType 415,UnprocessableEntity 422,RateLimit 429 rate_limited,' +
  'InternalServer 500';
const byStatus: Record<number, typeof APIError> = {};
const statusByCode: Record<string, number> = {};

export const [
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
] = TABLE.split(',').map((row) => {
  const [name = '', status = '', ...codes] = row.split(' ');
  const kind = `${name}Error`;
  const C = class extends APIError {
    static override readonly kind: string = kind;
  };
  Object.defineProperty(C, 'name', { value: kind });
  byStatus[+status] = C;
  for (const c of [name.replace(/\B[A-Z]/g, '_$&').toLowerCase(), ...codes]) statusByCode[c] = +status;
  return C;
}) as unknown as [
  APIErrorClass<BadRequestError>,
  APIErrorClass<AuthenticationError>,
  APIErrorClass<PermissionDeniedError>,
  APIErrorClass<NotFoundError>,
  APIErrorClass<ConflictError>,
  APIErrorClass<PayloadTooLargeError>,
  APIErrorClass<UnsupportedMediaTypeError>,
  APIErrorClass<UnprocessableEntityError>,
  APIErrorClass<RateLimitError>,
  APIErrorClass<InternalServerError>,
];

/** The request never got a response: DNS failure, refused or reset connection, TLS failure, socket timeout. */
export class APIConnectionError extends LiveChatAIError {
  static override readonly kind: string = 'APIConnectionError';
  declare readonly reason: ConnectionErrorKind;
  constructor(reason: ConnectionErrorKind, ctx?: ErrorContext) {
    super(`Connection error (${reason})`, 'connection_error', true, { ...ctx, reason } as ErrorContext);
  }
}

/** A timeout fired: `timeout` is the response timeout, `idleTimeout` the gap between stream chunks, `deadline` the total. */
export class APITimeoutError extends LiveChatAIError {
  static override readonly kind: string = 'APITimeoutError';
  declare readonly timeout: TimeoutKind;
  declare readonly ms: number;
  constructor(timeout: TimeoutKind, ms: number, ctx?: ErrorContext) {
    super(`Timed out (${timeout} ${ms}ms)`, 'timeout', timeout === 'timeout', { ...ctx, timeout, ms } as ErrorContext);
  }
}

/** The caller aborted the request (AbortSignal or `stream.abort()`). Never retried. */
export class APIUserAbortError extends LiveChatAIError {
  static override readonly kind: string = 'APIUserAbortError';
  constructor(ctx?: ErrorContext) {
    super(`Aborted`, 'aborted', false, ctx);
  }
}

/** Bad input detected by the SDK before any request was sent. `param` names the offending parameter. */
export class InvalidParameterError extends LiveChatAIError {
  static override readonly kind: string = 'InvalidParameterError';
  declare readonly param: string;
  constructor(param: string, message: string) {
    super(`Invalid parameter ${param}: ${message}`, 'invalid_parameter', false, { param } as ErrorContext);
  }
}


/** The text an error body gives: the envelope's `message` (or `error`), else the start of a non-JSON body. */
function bodyMessage(body: unknown): string {
  const env = (body ?? {}) as { message?: unknown; error?: unknown };
  const raw = env.message ?? env.error ?? (typeof body == 'string' ? body.slice(0, 200) : undefined);
  return typeof raw == 'string' ? raw : '';
}

/**
 * Builds the APIError subclass for a status. With status 0 (an error envelope inside a 2xx body, or an `error`
 * event of a stream) the envelope says it: its `statusCode` when that is an HTTP error status, else its `code`;
 * its `requestId`, when it has one, names the request. `retryable` defaults to what the status says.
 */
export function makeAPIError(
  status: number,
  body: unknown,
  ctx: ErrorContext,
  retryable?: boolean,
  retryAfterMs?: number,
): APIError {
  const env = (body ?? {}) as { code?: unknown; statusCode?: unknown; requestId?: unknown };
  const code = typeof env.code == 'string' ? env.code : status ? `http_${status}` : 'error';
  if (!status) {
    const given = env.statusCode;
    status = typeof given == 'number' && given >= 400 && given < 600 ? given : (statusByCode[code] ?? 500);
    if (typeof env.requestId == 'string') ctx = { ...ctx, requestId: env.requestId };
  }
  const Ctor = byStatus[status] ?? (status < 500 ? APIError : InternalServerError);
  const err = new Ctor(`${status} ${bodyMessage(body) || 'Request failed'}`, code, retryable ?? defaultIsRetryableStatus(status), ctx, status);
  Object.assign(err, { body });
  if (status == 429) Object.assign(err, { retryAfterMs });
  return err;
}

/** The error envelope `toErrorEnvelope` gives: the API's shape, plus the HTTP status and the request id. */
export interface ErrorEnvelope {
  status: 'error';
  /** The API's own message (no status prefix, no ` [METHOD path]` suffix), or the SDK's for a non-HTTP failure. */
  message: string;
  code: string;
  /** The HTTP status: the API's, or 502 for a connection error, 504 for a timeout, 499 for an abort, 400 for bad input. */
  statusCode: number;
  requestId?: string;
}

const STATUS_OF_CODE: Record<string, number> = { connection_error: 502, timeout: 504, aborted: 499, invalid_parameter: 400 };

/**
 * The error envelope to hand an error on with, e.g. from your own server to a browser (what
 * `EventStream#toReadableStream()` writes as its `error` event, and what `makeAPIError` reads back): the API's own
 * message, code, HTTP status and request id, once each. Never a stack, never a header; anything that is not a
 * LiveChatAIError becomes a generic 500.
 */
export function toErrorEnvelope(error: unknown): ErrorEnvelope {
  if (!isLiveChatAIError(error)) return { status: 'error', message: 'Internal error', code: 'internal_error', statusCode: 500 };
  let message: string;
  if (isAPIError(error)) {
    message = bodyMessage(error.body) || 'Request failed';
  } else {
    const suffix = error.method ? ` [${error.method} ${error.path}]` : '';
    message = suffix && error.message.endsWith(suffix) ? error.message.slice(0, -suffix.length) : error.message;
  }
  const envelope: ErrorEnvelope = {
    status: 'error',
    message,
    code: error.code,
    statusCode: error.status ?? STATUS_OF_CODE[error.code] ?? 500,
  };
  if (error.requestId) envelope.requestId = error.requestId;
  return envelope;
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

// system/undici error code → kind (leftmost match): ENOTFOUND/EAI_*, ECONNREFUSED, ECONNRESET/EPIPE/UND_ERR_SOCKET,
// CERT_*/ERR_TLS_*/ERR_SSL_*/EPROTO/…SELF_SIGNED…/UNABLE_TO_VERIFY…, ETIMEDOUT/…TIMEOUT
const CODES = /(NOTFOUND|EAI_)|(REFUSED)|(RESET|PIPE|SOCKET|CLOSED)|(CERT|TLS|SSL|EPROTO|SIGNED|VERIFY)|(TIME)/;

/** Maps a fetch failure (undici puts the system error in `cause`, sometimes nested) to a connection-error kind. */
export const connectionErrorKind = (e: unknown, depth = 5): ConnectionErrorKind => {
  const m = e ? CODES.exec(String((e as { code?: unknown }).code)) : null;
  return m ? (KINDS[m.indexOf(m[0], 1) - 1] ?? 'unknown') : e && depth ? connectionErrorKind((e as { cause?: unknown }).cause, depth - 1) : 'unknown';
};
const KINDS = ['dns', 'refused', 'reset', 'tls', 'timeout'] as const;
