import type { LimitPageParams } from './common.js';

/** Why a suggestion was raised. Only `OUT_OF_CONTEXT` is documented; other values are passed through. */
export type EvaluationTag = 'OUT_OF_CONTEXT' | 'INCOMPLETE' | 'LACKING_DEPTH' | (string & {});

/** A message referenced by a suggestion. */
export interface AISuggestionMessage {
  /** Message ID. */
  id: string;
  /** Message text. */
  text: string;
}

/** An auto-generated improvement idea from an exchange where the AI answer fell short. */
export interface AISuggestion {
  /** Suggestion ID (same value as `aiMessage.id`). */
  id: string;
  /** The visitor's question. */
  userMessage: AISuggestionMessage;
  /** The AI answer that fell short. */
  aiMessage: AISuggestionMessage;
  /** Why the answer fell short, e.g. `OUT_OF_CONTEXT`. */
  evaluationTag: EvaluationTag;
  /** What is missing from the knowledge base. */
  potentialGap: string;
  /** Suggested answer text. */
  suggestedImprovement: string;
  /** The conversation ID (named `chatId` by the API). */
  chatId: string;
  /** Creation time, ISO 8601 date-time. */
  createdAt: string;
}

/** A suggestion as returned by `GET /ai-suggestions/{suggestionId}`. */
export interface AISuggestionDetail extends AISuggestion {
  /** ID of the AI agent. */
  agentId: string;
}

/** Query of `GET /ai-suggestions`. */
export interface AISuggestionListParams extends LimitPageParams {
  /** ID of the AI agent. Required. */
  agentId: string;
  /** Only suggestions created from this time on: an ISO 8601 date-time (`2024-01-01T00:00:00Z`), date, or a Date. */
  startDate?: string | Date | undefined;
  /** Only suggestions created up to this time; the same forms as `startDate`. */
  endDate?: string | Date | undefined;
}

/** Result of dismissing a suggestion (it is marked ignored and leaves the list). */
export interface AISuggestionDismissResult {
  /** ID of the dismissed suggestion. */
  id: string;
  /** Always `true`. */
  dismissed: true;
  /** The service's confirmation text, when it sends one. */
  message?: string;
}
