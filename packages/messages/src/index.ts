export { Messages } from './messages.js';
// createClient comes along so that this package alone is enough to start (a strict pnpm layout hides core)
export { createClient } from '@livechatai/core';
export type { ClientOptions, LiveChatAIClient, RequestOptions } from '@livechatai/core';
export type { MessageStream } from './messages.js';
export type {
  DeltaEvent,
  DoneEvent,
  EventStream,
  Message,
  MessageLink,
  MessageSource,
  MessageType,
  ResponseFormat,
  SendMessageIntegrationType,
  SendMessageParams,
  SendMessageResult,
  StreamEvent,
} from '@livechatai/core';
