// The public API. The helpers resource packages are built from (assert*, requestPage, requestStream, listItems,
// unwrapEnvelope, withAttributeMap) are on `@livechatai/core/internal`, which is not a public API.
export { VERSION } from './version.js';
export { createClient, DEFAULT_BASE_URL } from './client.js';
export type {
  ClientOptions,
  FetchLike,
  FetchOptions,
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
export { Page } from './pagination.js';
export type { PageInfo, PagePromise, PageScheme } from './pagination.js';
export { EventStream } from './streaming.js';
export type { DeltaEvent, DoneEvent, FromResponseOptions, StreamEvent, TextStreamResult } from './streaming.js';
export { path } from './path.js';
export type { QueryParams, QueryValue } from './path.js';
export { defaultIsRetryableStatus } from './retry.js';
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
  UnexpectedResponseError,
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
  isUnexpectedResponseError,
  toErrorEnvelope,
} from './errors.js';
export type { APIErrorClass, ConnectionErrorKind, ErrorContext, ErrorEnvelope, TimeoutKind } from './errors.js';
export type * from './models/index.js';
