import { assertNonEmptyString, assertObject } from '@livechatai/core';

/**
 * Checks a method's parameter object and its required string fields before any request: a missing object (plain
 * JavaScript callers) or a missing/blank field throws InvalidParameterError naming it.
 */
export function need(params: object, ...keys: string[]): void {
  assertObject(params, 'params');
  for (const key of keys) assertNonEmptyString(params[key], key);
}
