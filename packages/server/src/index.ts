export { createChatHandler } from './handler.js';
export type {
  ChatHandler,
  ChatHandlerOptions,
  RateLimitOptions,
  RateLimitRule,
  VisitorConversation,
} from './handler.js';
export { toNodeHandler } from './node.js';
export type { NodeHandler, NodeHandlerOptions } from './node.js';
export { memoryStore } from './store.js';
export type { ChatStore, MemoryStoreOptions } from './store.js';
export type { Visitor } from './visitor.js';
