/** HTTP methods used by the LiveChatAI REST API v2. */
export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/** One operation of the OpenAPI document. */
export interface OperationInfo {
  /** Upper-case HTTP method. */
  readonly method: HttpMethod;
  /** Templated path relative to the server URL (`/api/v2`), e.g. `/agents/{agentId}`. */
  readonly path: string;
  /** Stable operation ID, e.g. `agents.retrieve`. */
  readonly operationId: string;
  /** For the `/chatbots` alias operations: the operationId they mirror (e.g. `agents.list`); otherwise `null`. */
  readonly aliasOf: string | null;
}

/** An operation matched from a concrete request path. */
export interface MatchedOperation {
  method: string;
  /** Templated path, e.g. `/conversations/{conversationId}`. */
  path: string;
  operationId: string;
  /** Decoded path parameters, e.g. `{ conversationId: 'chat_1' }`. */
  params: Record<string, string>;
  /** The raw OpenAPI operation object. */
  operation: Record<string, unknown>;
}

export interface ValidateResponseInput {
  /** HTTP method, any case. */
  method: string;
  /** Concrete path, with or without the `/api/v2` prefix, optionally a full URL; a query string is ignored. */
  path: string;
  /** HTTP status code. */
  status: number;
  /** Parsed JSON body, a JSON text, or for `text/event-stream` the raw stream text. */
  body: unknown;
  /** Response `Content-Type`; defaults to `application/json`. Parameters such as `charset` are ignored. */
  contentType?: string | null | undefined;
}

export interface ValidateRequestBodyInput {
  method: string;
  path: string;
  /** Parsed JSON body or JSON text; `undefined` for no body. */
  body: unknown;
  /** Request `Content-Type`; defaults to `application/json`. */
  contentType?: string | null | undefined;
}

export interface ValidateQueryInput {
  method: string;
  /** Concrete path; its query string is used when `query` is not given. */
  path: string;
  /**
   * The query: a string (`a=1&b=2`), URLSearchParams, or an object (arrays repeat a name; `undefined` values are
   * left out). Values are coerced to the parameter's schema type (`'2'` → 2, `'true'` → true) before validation.
   */
  query?:
    | string
    | URLSearchParams
    | Record<string, string | number | boolean | readonly (string | number | boolean)[] | undefined>;
}

export interface ValidationResult {
  valid: boolean;
  /** Readable problems, e.g. `body/data/0/status must be equal to one of the allowed values (PENDING, COMPLETED, FAILED)`. */
  errors: string[];
  /** The matched operation, or `null` when no documented operation matches. */
  operationId: string | null;
}

/** A validator: callable as `validateResponse`, with the other checks as methods. */
export interface ResponseValidator {
  (input: ValidateResponseInput): ValidationResult;
  /** Validates a response (status, content type and body) against the document. */
  validateResponse(input: ValidateResponseInput): ValidationResult;
  /** Validates a request body against the operation's request body schema (bodies are closed objects). */
  validateRequestBody(input: ValidateRequestBodyInput): ValidationResult;
  /** Validates query parameters: only documented names, required ones present, values matching their schemas. */
  validateQuery(input: ValidateQueryInput): ValidationResult;
  /** Matches a concrete path to its templated operation; `null` when undocumented. */
  matchOperation(method: string, path: string): MatchedOperation | null;
  /**
   * What this validator's `validateResponse` has seen so far (valid or not): the operation IDs, each
   * operation/status pair, and the operation IDs not seen yet — for asserting that a test suite covers every
   * operation.
   */
  coverage(): ValidationCoverage;
}

export interface ValidationCoverage {
  /** Operation IDs seen, in first-seen order. */
  operationIds: string[];
  /** Operation/status pairs seen, in first-seen order. */
  responses: { operationId: string; status: number }[];
  /** Operation IDs of the document (aliases included) not seen yet. */
  missing: string[];
}

/** A server-sent event parsed from a `text/event-stream` body. */
export interface ParsedServerSentEvent {
  event: string;
  data: string;
  id: string | undefined;
}

/** The parsed OpenAPI 3.1 document (`openapi.json`). */
export declare const openapiDocument: {
  openapi: string;
  info: Record<string, unknown>;
  servers: { url: string; description?: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: {
    schemas: Record<string, Record<string, unknown>>;
    responses: Record<string, Record<string, unknown>>;
    parameters: Record<string, Record<string, unknown>>;
    headers: Record<string, Record<string, unknown>>;
    securitySchemes: Record<string, Record<string, unknown>>;
  };
  [key: string]: unknown;
};

/** Absolute file path of `openapi.json`. */
export declare const openapiPath: string;

/** Every operation of the document (29 documented ones plus the 4 `/chatbots` alias operations). */
export declare const operations: readonly OperationInfo[];

/** Creates a validator with its own compiled-schema cache. */
export declare function createResponseValidator(): ResponseValidator;

/** Validates a response with a shared default validator. */
export declare function validateResponse(input: ValidateResponseInput): ValidationResult;

/** Validates a request body with a shared default validator. */
export declare function validateRequestBody(input: ValidateRequestBodyInput): ValidationResult;

/** Validates query parameters with a shared default validator. */
export declare function validateQuery(input: ValidateQueryInput): ValidationResult;

/** Matches a concrete path (static segments win over templated ones). */
export declare function matchOperation(method: string, path: string): MatchedOperation | null;

/** Parses a `text/event-stream` body into events; comment lines are skipped. */
export declare function parseEventStream(text: string): ParsedServerSentEvent[];
