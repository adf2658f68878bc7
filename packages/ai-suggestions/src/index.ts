export { AISuggestions } from './ai-suggestions.js';
export type {
  AISuggestion,
  AISuggestionDetail,
  AISuggestionDismissResult,
  AISuggestionListParams,
  AISuggestionMessage,
  EvaluationTag,
} from '@livechatai/core';
