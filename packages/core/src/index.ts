export { VERSION } from './version.js';
export { createClient, DEFAULT_BASE_URL } from './client.js';
export type {
  ClientOptions,
  FetchLike,
  HTTPMethod,
  LiveChatAIClient,
  Middleware,
  MiddlewareContext,
  PageRequestSpec,
  RequestOptions,
  RawResponse,
  RequestSpec,
  SendSpec,
  StreamRequestSpec,
} from './client.js';
export type { APIPromise, WithResponse } from './api-promise.js';
export { listItems, Page, PAGE_SIZE_PARAM, readPageInfo, requestPage } from './pagination.js';
export type { PageInfo, PagePromise, PageScheme } from './pagination.js';
export { EventStream, requestStream } from './streaming.js';
export type { DeltaEvent, DoneEvent, FromResponseOptions, StreamEvent, TextStreamResult } from './streaming.js';
export { SSEParser } from './sse.js';
export type { SSEMessage } from './sse.js';
export { unwrapEnvelope } from './envelope.js';
export { attributeMap, withAttributeMap } from './attributes.js';
export { path, buildQuery } from './path.js';
export type { QueryParams, QueryValue } from './path.js';
export {
  assertBoolean,
  assertInteger,
  assertNonEmptyString,
  assertObject,
  assertOneOf,
  assertOptionalString,
  assertParams,
  requireParam,
} from './validate.js';
export { defaultIsRetryableStatus, parseRetryAfter } from './retry.js';
export type { RetryBudget, RetryEvent, RetryOptions, RetryPolicy } from './retry.js';
export { logRequests, redact } from './logger.js';
export type { Logger, LogLevel, LogOptions } from './logger.js';
export {
  LiveChatAIError,
  APIError,
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
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  InvalidParameterError,
  isLiveChatAIError,
  isAPIError,
  isBadRequestError,
  isAuthenticationError,
  isPermissionDeniedError,
  isNotFoundError,
  isConflictError,
  isPayloadTooLargeError,
  isUnsupportedMediaTypeError,
  isUnprocessableEntityError,
  isRateLimitError,
  isInternalServerError,
  isAPIConnectionError,
  isAPITimeoutError,
  isAPIUserAbortError,
  isInvalidParameterError,
  toErrorEnvelope,
} from './errors.js';
export type { APIErrorClass, ConnectionErrorKind, ErrorContext, ErrorEnvelope, TimeoutKind } from './errors.js';
export type * from './models/index.js';
