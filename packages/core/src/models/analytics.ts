import type { Sentiment } from './common.js';

/** Query every analytics endpoint takes. */
export interface AnalyticsParams {
  /** ID of the AI agent. Required. */
  agentId: string;
  /** First day, `YYYY-MM-DD`. Required. */
  startDate: string;
  /** Last day, `YYYY-MM-DD`. Required. */
  endDate: string;
  /** IANA time zone, e.g. `America/New_York`; defaults to the server's. */
  timezone?: string | undefined;
}

/** Totals of one period of the main analytics. */
export interface AnalyticsOverviewTotals {
  /** Conversations in the period. */
  totalConversationCount: number;
  /** Conversations still open. */
  openConversationCount: number;
  /** Conversations closed (resolved). */
  closedConversationCount: number;
  /** Resolutions. */
  totalResolutionCount: number;
  /** Share of conversations a human team member joined, in percent. */
  agentJoinedConversationRate: number;
  /** Resolution rate, in percent. */
  averageResolutionRate: number;
  /** AI answers rated good. */
  totalGoodResponse: number;
  /** AI answers rated bad. */
  totalBadResponse: number;
  /** Good-answer rate, in percent. */
  goodResponseRate: number;
  /** Bad-answer rate, in percent. */
  badResponseRate: number;
  /** Contacts captured. */
  totalContactsCapture: number;
  /** Average chat duration in seconds. */
  averageChatDuration: number;
  /** Average chat duration for humans, e.g. `5m 25s`. */
  humanizedAverageChatDuration: string;
  /** Average CSAT score of the AI agent. */
  averageAIAgentCSATScore: number;
  /** CSAT responses about the AI agent. */
  totalAIAgentCSATResponses: number;
}

/** One day of the main analytics. */
export interface AnalyticsDailyEntry {
  /** The day, `YYYY-MM-DD`. */
  date: string;
  /** Conversations that day. */
  total: number;
  /** Conversations the AI resolved. */
  aiResolved: number;
  /** Conversations a human team member took part in. */
  humanInvolved: number;
}

/** Percentage changes of the main analytics versus the previous period of equal length (may be negative). */
export interface AnalyticsOverviewChanges {
  /** Change of `totalConversationCount`, in percent. */
  totalConversationCount: number;
  /** Change of `closedConversationCount`, in percent. */
  closedConversationCount: number;
  /** Change of `totalResolutionCount`, in percent. */
  totalResolutionCount: number;
  /** Change of `agentJoinedConversationRate`, in percent. */
  agentJoinedConversationRate: number;
  /** Change of `averageResolutionRate`, in percent. */
  averageResolutionRate: number;
  /** Change of `goodResponseRate`, in percent. */
  goodResponseRate: number;
  /** Change of `badResponseRate`, in percent. */
  badResponseRate: number;
  /** Change of `totalContactsCapture`, in percent. */
  totalContactsCapture: number;
  /** Change of `averageChatDuration`, in percent. */
  averageChatDuration: number;
  /** Change of `averageAIAgentCSATScore`, in percent. */
  averageAIAgentCSATScore: number;
}

/** The current period of the main analytics. */
export interface AnalyticsOverviewCurrentPeriod extends AnalyticsOverviewTotals {
  /** Daily breakdown. */
  dailyData: AnalyticsDailyEntry[];
  /** Changes versus the previous period. */
  changes: AnalyticsOverviewChanges;
}

/** Result of `GET /analytics` (main analytics). */
export interface AnalyticsOverview {
  /** The requested period. */
  currentPeriod: AnalyticsOverviewCurrentPeriod;
  /** The previous period of equal length. */
  previousPeriod: AnalyticsOverviewTotals;
}

/** Query of `GET /analytics/agent`. */
export interface AgentAnalyticsParams extends AnalyticsParams {
  /** Narrow the stats to one human team member (user ID). */
  userId?: string | undefined;
}

/** Totals of one period of human team-member performance. */
export interface AgentAnalyticsTotals {
  /** Conversations handled. */
  totalConversationCount: number;
  /** Conversations closed. */
  closedConversationCount: number;
  /** Response time (unit not documented by the API). */
  agentResponseTime: number;
  /** Average messages per conversation (field name misspelled by the API, kept as sent). */
  avarageMessagesPerConversation: number;
  /** Average CSAT score of the team member(s). */
  averageAgentCSATScore: number;
  /** CSAT responses about the team member(s). */
  totalAgentCSATResponses: number;
}

/** Percentage changes of team-member performance versus the previous period. */
export interface AgentAnalyticsChanges {
  /** Change of `totalConversationCount`, in percent. */
  totalConversationCount: number;
  /** Change of `closedConversationCount`, in percent. */
  closedConversationCount: number;
  /** Change of `agentResponseTime`, in percent. */
  agentResponseTime: number;
  /** Change of `avarageMessagesPerConversation`, in percent. */
  avarageMessagesPerConversation: number;
  /** Change of `averageAgentCSATScore`, in percent. */
  averageAgentCSATScore: number;
}

/** The current period of team-member performance. */
export interface AgentAnalyticsCurrentPeriod extends AgentAnalyticsTotals {
  /** Changes versus the previous period. */
  changes: AgentAnalyticsChanges;
}

/** Result of `GET /analytics/agent` (human team-member performance). */
export interface AgentAnalytics {
  /** The requested period, with changes. */
  currentPeriod: AgentAnalyticsCurrentPeriod;
  /** The previous period of equal length. */
  previousPeriod: AgentAnalyticsTotals;
}

/** Kind of an AI function. Only `CUSTOM` is documented; other values are passed through. */
export type AIFunctionType = 'CUSTOM' | (string & {});

/** Call statistics of one AI function (action). */
export interface AIFunctionStats {
  /** Function name, e.g. `send_email`. */
  name: string;
  /** Function description. */
  description: string;
  /** Calls. */
  total: number;
  /** Failed calls. */
  totalFailed: number;
  /** Function kind, e.g. `CUSTOM`. */
  type: AIFunctionType;
  /** MCP server name, if the function comes from one. */
  mcpName: string | null;
  /** MCP provider, e.g. `slack`. */
  mcpProvider: string | null;
}

/** Call totals of one period. */
export interface AIFunctionsTotals {
  /** Calls. */
  total: number;
  /** Failed calls. */
  totalFailed: number;
}

/** The current period of AI-function analytics. */
export interface AIFunctionsCurrentPeriod extends AIFunctionsTotals {
  /** Per-function breakdown. */
  functions: AIFunctionStats[];
}

/** Result of `GET /analytics/ai-functions`. */
export interface AIFunctionsAnalytics {
  /** The requested period with a per-function breakdown. */
  currentPeriod: AIFunctionsCurrentPeriod;
  /** The previous period of equal length. */
  previousPeriod: AIFunctionsTotals;
  /** Percentage changes versus the previous period (at this level, unlike the main analytics). */
  changes: AIFunctionsTotals;
}

/** Query of `GET /analytics/csat`: pages the individual feedback entries. */
export interface CsatAnalyticsParams extends AnalyticsParams {
  /** Page of feedback entries, 1-based. Default 1. */
  page?: number | undefined;
  /** Feedback entries per page, 1–100. Default 10. */
  pageSize?: number | undefined;
}

/** What asked the visitor for feedback. Only `AFTER_RESOLUTION` is documented. */
export type CsatTriggerReason = 'AFTER_RESOLUTION' | (string & {});

/** One CSAT feedback entry. */
export interface CsatEntry {
  /** Entry ID, e.g. `csat_abc123`. */
  id: string;
  /** Score, e.g. 1–5. */
  score: number;
  /** Visitor comment. */
  comment: string | null;
  /** Visitor email. */
  email: string | null;
  /** Visitor name. */
  name: string | null;
  /** What triggered the survey, e.g. `AFTER_RESOLUTION`. */
  triggerReason: CsatTriggerReason;
  /** Creation time, ISO 8601 date-time. */
  createdAt: string;
}

/** CSAT figures of one period. */
export interface CsatPeriod {
  /** Average score. */
  averageScore: number;
  /** Number of responses. */
  totalResponses: number;
  /** Feedback entries (the requested page). */
  scores: CsatEntry[];
}

/** Paging of the CSAT feedback entries. */
export interface CsatPageMetadata {
  /** Entries in total. */
  totalItemCount: number;
  /** Pages in total. */
  totalPageCount: number;
  /** This page, 1-based. */
  currentPage: number;
  /** Previous page number, or `null`. */
  prev: number | null;
  /** Next page number, or `null`. */
  next: number | null;
  /** Entries per page. */
  pageSize: number;
}

/** Percentage changes of CSAT versus the previous period. */
export interface CsatChanges {
  /** Change of `averageScore`, in percent. */
  averageScore: number;
  /** Change of `totalResponses`, in percent. */
  totalResponses: number;
}

/** Result of `GET /analytics/csat`. */
export interface CsatAnalytics {
  /** The requested period. */
  currentPeriod: CsatPeriod;
  /** The previous period of equal length. */
  previousPeriod: CsatPeriod;
  /** Percentage changes versus the previous period. */
  changes: CsatChanges;
  /** Paging of `scores`. */
  metadata: CsatPageMetadata;
}

/** A label with its count over the whole period. */
export interface LabelCount<TName extends string = string> {
  /** The label. */
  name: TName;
  /** Its count. */
  count: number;
}

/** One day of the sentiment breakdown. */
export interface SentimentDay {
  /** The day, `YYYY-MM-DD`. */
  date: string;
  /** Conversations with a positive sentiment. */
  POSITIVE: number;
  /** Conversations with a negative sentiment. */
  NEGATIVE: number;
  /** Conversations with a neutral sentiment. */
  NEUTRAL: number;
  /** Conversations without a sentiment. */
  UNSPECIFIED: number;
}

/** Result of `GET /analytics/sentiments`. */
export interface SentimentAnalytics {
  /** Daily counts per sentiment. */
  data: SentimentDay[];
  /** The sentiment labels, e.g. `['POSITIVE', 'NEGATIVE', 'NEUTRAL', 'UNSPECIFIED']`. */
  keys: Sentiment[];
  /** Totals over the whole period. */
  allSentimentsCounts: LabelCount<Sentiment>[];
}

/** Query of `GET /analytics/topics`. */
export interface TopicAnalyticsParams extends AnalyticsParams {
  /** Return every topic instead of only the top 6. Default `false`. */
  showAllTopics?: boolean | undefined;
}

/** One day of the topic breakdown: `date` plus a count per topic name (dynamic keys). */
export interface TopicDay {
  /** The day, `YYYY-MM-DD`. */
  date: string;
  /** Count of conversations with this topic that day. */
  [topic: string]: string | number;
}

/** Result of `GET /analytics/topics`. */
export interface TopicAnalytics {
  /** Daily counts per topic. */
  data: TopicDay[];
  /** Topic names shown: the top 6, or all with `showAllTopics`. */
  keys: string[];
  /** Totals per topic over the whole period. */
  allTopics: LabelCount[];
  /** Whether `keys` holds every topic. */
  areAllTopicsVisible: boolean;
}
