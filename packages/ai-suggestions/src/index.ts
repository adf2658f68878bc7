export { AISuggestions } from './ai-suggestions.js';
// createClient comes along so that this package alone is enough to start (a strict pnpm layout hides core)
export { createClient } from '@livechatai/core';
export type { ClientOptions, LiveChatAIClient, RequestOptions } from '@livechatai/core';
export type {
  AISuggestion,
  AISuggestionDetail,
  AISuggestionDismissResult,
  AISuggestionListParams,
  AISuggestionMessage,
  EvaluationTag,
} from '@livechatai/core';
