export { Messages } from './messages.js';
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
