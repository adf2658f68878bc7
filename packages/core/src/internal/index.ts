/**
 * @internal `@livechatai/core/internal`: the helpers the LiveChatAI resource packages are built from (input checks,
 * paging, streaming, envelope unwrapping). Not part of the public API: they may change in any release, so import
 * them only from a package that pins `@livechatai/core`. Everything an application needs is on the package entry.
 *
 * @packageDocumentation
 */
export {
  assertBoolean,
  assertConversationFilters,
  assertDay,
  assertDayRange,
  assertIdList,
  assertInstant,
  assertInteger,
  assertNonEmptyString,
  assertObject,
  assertOneOf,
  assertOptionalFields,
  assertOptionalString,
  assertPaging,
  assertParams,
  assertString,
  assertStringMap,
  integer,
  oneOf,
} from '../validate.js';
export type { Check } from '../validate.js';
export { request } from '../request.js';
export { listItems, requestPage } from '../pagination.js';
export { requestStream } from '../streaming.js';
export { unwrapEnvelope } from '../envelope.js';
export { withAttributeMap } from '../attributes.js';
