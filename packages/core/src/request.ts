import { apiPromise } from './api-promise.js';
import type { APIPromise, RawResult } from './api-promise.js';
import type { LiveChatAIClient, RequestOptions, RequestSpec } from './client.js';

/**
 * @internal One JSON request for a resource method, the way `requestPage` and `requestStream` make lists and
 * streams: `spec` is the request spec, or a function that checks the method's input and returns it. Whatever that
 * function throws (an InvalidParameterError) rejects the returned APIPromise — and its `withResponse()` and
 * `asResponse()` — before any request, so `.catch`, `Promise.allSettled` and query libraries see it; the method
 * itself never throws.
 *
 * ```ts
 * retrieve(agentId: string, options?: RequestOptions): APIPromise<Agent> {
 *   return request(this.#client, () => {
 *     assertNonEmptyString(agentId, 'agentId');
 *     return { method: 'GET', path: path`/agents/${agentId}` };
 *   }, options);
 * }
 * ```
 */
export function request<T, TRaw = unknown>(
  client: LiveChatAIClient,
  spec: RequestSpec<T, TRaw> | (() => RequestSpec<T, TRaw>),
  options?: RequestOptions,
): APIPromise<T> {
  if (typeof spec !== 'function') return client.request(spec, options);
  let built: RequestSpec<T, TRaw>;
  try {
    built = spec();
  } catch (error) {
    // the check's own error (an InvalidParameterError), unchanged, as the rejection
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    const failed: Promise<RawResult> = Promise.reject(error);
    return apiPromise<T>(failed, () => {
      throw error;
    });
  }
  return client.request(built, options);
}
