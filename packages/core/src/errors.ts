import { defaultIsRetryableStatus } from './retry.js';

// Every error the SDK throws extends LiveChatAIError. Guards use a Symbol.for brand plus a per-class `kind`
// walked along the prototype chain, so they recognise errors from a second copy of this package too.

const BRAND = Symbol.for('livechatai.error');

/** What a connection error was caused by. */
export type ConnectionErrorKind = 'dns' | 'refused' | 'reset' | 'tls' | 'timeout' | 'unknown';
/**
 * Which timeout fired: `timeout` (response), `idleTimeout` (between stream chunks), `streamTimeout` (a stream's
 * total) or `deadline` (the call's total).
 */
export type TimeoutKind = 'timeout' | 'idleTimeout' | 'streamTimeout' | 'deadline';

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
    Object.assign(this, ctx, {
      name: (new.target as unknown as Branded<this>).kind,
      status,
      code,
      retryable,
      attempts: ctx.attempts ?? 0,
    });
  }

  /** True when `error` is an instance of this class, from any copy of `@livechatai/core`. */
  static isInstance<T>(this: Branded<T>, error: unknown): error is T {
    if (typeof error != 'object' || error === null || !(error as Partial<Record<symbol, unknown>>)[BRAND]) return false;
    for (let proto: unknown = Object.getPrototypeOf(error); proto; proto = Object.getPrototypeOf(proto)) {
      if ((proto as { constructor?: { kind?: unknown } }).constructor?.kind === this.kind) return true;
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

/** The response headers of each APIError, kept off the error's own properties (toJSON, logs and inspect). */
const responseHeaders = new WeakMap<object, Headers>();

/** An HTTP error response (status ≥ 400, or an error envelope). */
export class APIError extends LiveChatAIError {
  static override readonly kind: string = 'APIError';
  declare readonly status: number;
  /** The parsed error body: usually the envelope `{ status: "error", message, code }`, else the response text. */
  declare readonly body: unknown;

  /**
   * The response headers (`retry-after`, `x-request-id`, …; the API key replaced by `[redacted]` should a server
   * echo it). Empty when the error did not come with a response (e.g. an `error` event of a stream).
   */
  get headers(): Headers {
    let headers = responseHeaders.get(this);
    if (!headers) {
      headers = new Headers();
      responseHeaders.set(this, headers);
    }
    return headers;
  }
}

/** A class of one HTTP status: constructed like APIError, with its own `kind`/`name` and a narrowing `isInstance`. */
export interface APIErrorClass<T extends APIError> {
  new (message: string, code: string, retryable?: boolean, ctx?: ErrorContext, status?: number): T;
  readonly kind: string;
  readonly prototype: T;
  isInstance(error: unknown): error is T;
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
  declare retryAfterMs: number | undefined;
}

/** Any 5xx. */
export class InternalServerError extends APIError {
  static override readonly kind: string = 'InternalServerError';
}

/**
 * A response the SDK does not accept, with its status and headers: a 2xx body that is not the JSON object or array
 * every call expects (an HTML page from a captive portal, an empty body, `null`; code `unexpected_response`), a body
 * over `maxResponseBytes` (`response_too_large`; for a stream: one event, or the whole answer text), or a redirect it
 * does not follow (`redirect_refused`; `status` 0 for a browser's opaque redirect). Also: a streamed answer this
 * runtime's fetch cannot read piece by piece (`streaming_unsupported`: no `response.body`, as in React Native), and
 * auto-paging that stops because the server repeats a page (`page_repeated`) or the list passes `maxPages` pages
 * (`page_limit`). Never retried.
 */
export class UnexpectedResponseError extends APIError {
  static override readonly kind: string = 'UnexpectedResponseError';
}

/** The class of each HTTP status that has one; other statuses get APIError (4xx) or InternalServerError (5xx). */
const CLASS_OF_STATUS: Readonly<Record<number, typeof APIError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  413: PayloadTooLargeError,
  415: UnsupportedMediaTypeError,
  422: UnprocessableEntityError,
  429: RateLimitError,
  500: InternalServerError,
};

/** The HTTP status an error envelope's `code` means, when the envelope does not say its `statusCode`. */
const STATUS_OF_API_CODE: Readonly<Record<string, number>> = {
  bad_request: 400,
  validation_error: 400,
  authentication: 401,
  unauthorized: 401,
  permission_denied: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable_entity: 422,
  rate_limit: 429,
  rate_limited: 429,
  internal_server: 500,
};

/**
 * The request never got a response: DNS failure, refused or reset connection, TLS failure, socket timeout.
 * Retryable, except a TLS failure (an expired or untrusted certificate does not fix itself in a second).
 */
export class APIConnectionError extends LiveChatAIError {
  static override readonly kind: string = 'APIConnectionError';
  declare readonly reason: ConnectionErrorKind;
  constructor(reason: ConnectionErrorKind, ctx?: ErrorContext) {
    super(`Connection error (${reason})`, 'connection_error', reason !== 'tls', { ...ctx, reason } as ErrorContext);
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
  headers?: Headers,
): APIError {
  const envelope = (body ?? {}) as { code?: unknown; statusCode?: unknown; requestId?: unknown };
  let code: string;
  if (typeof envelope.code == 'string') code = envelope.code;
  else code = status ? `http_${status}` : 'error';
  if (!status) {
    const given = envelope.statusCode;
    const isErrorStatus = typeof given == 'number' && given >= 400 && given < 600;
    status = isErrorStatus ? given : (STATUS_OF_API_CODE[code] ?? 500);
    if (typeof envelope.requestId == 'string') ctx = { ...ctx, requestId: envelope.requestId };
  }
  const ErrorClass = CLASS_OF_STATUS[status] ?? (status < 500 ? APIError : InternalServerError);
  const message = `${status} ${bodyMessage(body) || 'Request failed'}`;
  const error = new ErrorClass(message, code, retryable ?? defaultIsRetryableStatus(status), ctx, status);
  Object.assign(error, { body });
  if (status == 429) Object.assign(error, { retryAfterMs });
  if (headers) responseHeaders.set(error, headers);
  return error;
}

/** The `code` of an UnexpectedResponseError. */
export type UnexpectedResponseCode =
  | 'unexpected_response'
  | 'response_too_large'
  | 'redirect_refused'
  | 'streaming_unsupported'
  | 'page_repeated'
  | 'page_limit';

/**
 * @internal An UnexpectedResponseError for a response the SDK does not accept: `${status} ${message} (content-type
 * …)`; `body` is what was read of it, if anything.
 */
export function unexpectedResponse(
  code: UnexpectedResponseCode,
  message: string,
  response: { status: number; headers: Headers },
  ctx: ErrorContext,
  body?: unknown,
): UnexpectedResponseError {
  const contentType = response.headers.get('content-type') ?? 'none';
  const error = new UnexpectedResponseError(
    `${response.status} ${message} (content-type: ${contentType})`,
    code,
    false,
    ctx,
    response.status,
  );
  Object.assign(error, { body });
  responseHeaders.set(error, response.headers);
  return error;
}

/** The error envelope `toErrorEnvelope` gives: the API's shape, plus the HTTP status and the request id. */
export interface ErrorEnvelope {
  status: 'error';
  /** The API's own message (no status prefix, no ` [METHOD path]` suffix), or the SDK's for a non-HTTP failure. */
  message: string;
  code: string;
  /**
   * The HTTP status: the API's, or 502 for a connection error or a response the SDK refused, 504 for a timeout,
   * 499 for an abort, 400 for bad input.
   */
  statusCode: number;
  requestId?: string;
}

/** The HTTP status an SDK-side failure is reported with. */
const STATUS_OF_SDK_CODE: Readonly<Record<string, number>> = {
  connection_error: 502,
  timeout: 504,
  aborted: 499,
  invalid_parameter: 400,
  // a response the SDK refused (a 2xx HTML page, a redirect): a bad gateway
  unexpected_response: 502,
  response_too_large: 502,
  redirect_refused: 502,
};

/**
 * The error envelope to hand an error on with, e.g. from your own server to a browser (what
 * `EventStream#toReadableStream()` writes as its `error` event, and what `makeAPIError` reads back): the API's own
 * message, code, HTTP status and request id, once each. Never a stack, never a header; anything that is not a
 * LiveChatAIError becomes a generic 500.
 */
export function toErrorEnvelope(error: unknown): ErrorEnvelope {
  if (!isLiveChatAIError(error))
    return { status: 'error', message: 'Internal error', code: 'internal_error', statusCode: 500 };
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
    statusCode:
      error.status !== undefined && error.status >= 400 ? error.status : (STATUS_OF_SDK_CODE[error.code] ?? 500),
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
export const isUnexpectedResponseError = (e: unknown): e is UnexpectedResponseError =>
  UnexpectedResponseError.isInstance(e);

/**
 * System and undici error codes by connection-error kind, checked in this order (a TLS code such as
 * ERR_TLS_HANDSHAKE_TIMEOUT is `tls`, not `timeout`).
 */
const CONNECTION_ERROR_CODES: readonly (readonly [RegExp, ConnectionErrorKind])[] = [
  // CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID, ERR_SSL_*, EPROTO, DEPTH_ZERO_SELF_SIGNED_CERT,
  // SELF_SIGNED_CERT_IN_CHAIN, UNABLE_TO_VERIFY_LEAF_SIGNATURE, …
  [/CERT|TLS|SSL|EPROTO|SIGNED|VERIFY/, 'tls'],
  [/NOTFOUND|EAI_/, 'dns'], // ENOTFOUND, EAI_AGAIN
  [/REFUSED/, 'refused'], // ECONNREFUSED
  [/RESET|PIPE|SOCKET|CLOSED/, 'reset'], // ECONNRESET, EPIPE, UND_ERR_SOCKET, UND_ERR_CLOSED
  [/TIME/, 'timeout'], // ETIMEDOUT, UND_ERR_CONNECT_TIMEOUT
];

/** Maps a fetch failure (undici puts the system error in `cause`, sometimes nested) to a connection-error kind. */
export function connectionErrorKind(error: unknown): ConnectionErrorKind {
  let current = error;
  for (let depth = 0; depth < 6 && typeof current == 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code == 'string') {
      for (const [pattern, kind] of CONNECTION_ERROR_CODES) if (pattern.test(code)) return kind;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return 'unknown';
}
