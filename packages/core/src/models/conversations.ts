import type {
  Channel,
  ContactAttributes,
  DataSourceType,
  MessageType,
  PerPageParams,
  Sentiment,
  TeamMember,
} from './common.js';

/** Inbox filter of the conversations list: `your-inbox` is the key owner's assigned conversations. */
export type ConversationType = 'unassigned' | 'your-inbox' | 'all';

/** Sort order by `lastMessageDate`. */
export type SortOrder = 'asc' | 'desc';

/** Conversation status filter: `open`, or `close` for resolved conversations (note: not `closed`). */
export type ConversationStatus = 'open' | 'close';

/** Outcome of a conversation for the resolution filter. */
export type Resolution = 'AIHelped' | 'AIDidNotHelp' | 'TalkToAgent';

/** Role of a message's author. Only `user` is documented; other values are passed through. */
export type MessageRole = 'user' | 'assistant' | 'agent' | (string & {});

/** Filters shared by the agent's conversation list and a contact's conversation list. */
export interface ConversationFilters extends PerPageParams {
  /** Sort by `lastMessageDate`. Default `desc`. */
  sort?: SortOrder | undefined;
  /** `open` or `close` (resolved). */
  status?: ConversationStatus | undefined;
  /**
   * Only conversations from this time on: Unix seconds, an ISO 8601 date such as `2024-01-01`, a date-time with a
   * time zone, or a Date.
   */
  startDate?: string | number | Date | undefined;
  /** Only conversations up to this time (an ISO date includes that whole day, UTC); the same forms as `startDate`. */
  endDate?: string | number | Date | undefined;
  /** Assigned human team member's user ID, or `ai` for conversations with no human assigned. */
  assignee?: string | undefined;
  /** Conversation sentiment. */
  sentiment?: Sentiment | undefined;
  /** Topic name, e.g. `billing`. */
  topic?: string | undefined;
  /** Channel (integration or chat type). */
  channel?: Channel | undefined;
  /** Conversation outcome. */
  resolution?: Resolution | undefined;
  /** ID of a saved inbox view; its filters apply and combine with the others. */
  viewId?: string | undefined;
}

/** Query of `GET /conversations`. */
export interface ConversationListParams extends ConversationFilters {
  /** ID of the AI agent whose conversations to list. Required. */
  agentId: string;
  /** Inbox: `unassigned`, `your-inbox` or `all`. */
  type?: ConversationType | undefined;
}

/** The contact embedded in a conversation list item. */
export interface ConversationContact {
  /** Contact ID. */
  id: string;
  /** Full name. */
  name: string | null;
  /** Phone number. */
  phone: string | null;
  /** Email address. */
  email: string | null;
  /** Your own user ID for the visitor. */
  distinctId: string | null;
  /** Custom attributes as a plain map, e.g. `{ planType: 'premium' }`. */
  attributes: ContactAttributes;
}

/** A conversation as listed by `GET /conversations` and `GET /contacts/{contactId}/conversations`. */
export interface ConversationSummary {
  /** Conversation ID, e.g. `chat_1234567890`. */
  id: string;
  /** Whether the conversation is resolved (ended). */
  isResolved: boolean;
  /** Whether the conversation is starred. */
  isStarred: boolean;
  /** Whether the conversation is muted. */
  isMuted: boolean;
  /** Whether a human team member has joined (taken over) the conversation. */
  isAgent: boolean;
  /** Channel the conversation came through, e.g. `WHATSAPP`. */
  integrationType: Channel | (string & {}) | null;
  /** The visitor. */
  contact: ConversationContact | null;
  /** The assigned human team member; `null` when only the AI has answered. */
  agent: TeamMember | null;
  /** Time of the last message, ISO 8601 date-time. */
  lastMessageDate: string;
  /** Creation time, ISO 8601 date-time. */
  createdAt: string;
  /** Last update time, ISO 8601 date-time. */
  updatedAt: string;
}

/** A knowledge source behind an AI answer. */
export interface MessageSource {
  /** Source ID, e.g. `src_...`. */
  id: string;
  /** Source type, e.g. `WEBSITE`. */
  type: DataSourceType | (string & {});
  /** Link to the source, when it has one. */
  link: string | null;
  /** Retrieval distance (relevance score), e.g. `0.85`. */
  distance: number;
}

/** A message of a conversation (from `GET /conversations/{conversationId}`). */
export interface Message {
  /** Message ID, e.g. `msg_1234567890`. */
  id: string;
  /** Message text. */
  content: string;
  /** Author role: `user` for the visitor; other values for the AI and team members. */
  role: MessageRole;
  /** `TEXT` or `IMAGE`. */
  type: MessageType;
  /** Knowledge sources behind an AI answer; empty for other messages. */
  source: MessageSource[];
  /** The human team member who wrote the message, if any. */
  agent: TeamMember | null;
  /** Creation time, ISO 8601 date-time. */
  createdAt: string;
}

/** A conversation with its messages (`GET /conversations/{conversationId}`). */
export interface Conversation {
  /** Conversation ID. */
  id: string;
  /** ID of the visitor (contact). */
  contactId: string;
  /** ID of the AI agent (chatbot) of the conversation. */
  agentId: string;
  /** Whether the conversation is resolved (ended). */
  isResolved: boolean;
  /** Whether a human team member has joined (taken over) the conversation. */
  isAgent: boolean;
  /** Whether the conversation is muted. */
  isMuted: boolean;
  /** Whether the conversation is starred. */
  isStarred: boolean;
  /** Channel the conversation came through, e.g. `WHATSAPP`. */
  integrationType: Channel | (string & {}) | null;
  /** Time of the last message, ISO 8601 date-time. */
  lastMessageDate: string;
  /** The assigned human team member, if any. */
  agent: TeamMember | null;
  /** The messages, oldest first. */
  messages: Message[];
  /** Creation time, ISO 8601 date-time. */
  createdAt: string;
  /** Last update time, ISO 8601 date-time. */
  updatedAt: string;
}

/** Body of `POST /conversations/{conversationId}/reply`. */
export interface ConversationReplyParams {
  /** Reply text. Required, non-empty. */
  message: string;
  /** User ID of the human team member replying, e.g. `user_1234567890`. */
  userId?: string | undefined;
  /** `TEXT` or `IMAGE`. */
  messageType?: MessageType | undefined;
}

/** The stored reply message. */
export interface ReplyMessage {
  /** Message ID. */
  id: string;
  /** Message text. */
  text: string;
  /** Who sent it: `AGENT` (a human team member). */
  sender: 'AGENT' | (string & {});
  /** `TEXT` or `IMAGE`. */
  type: MessageType;
  /** Creation time, ISO 8601 date-time. */
  createdAt: string;
  /** The human team member who replied. */
  agent: TeamMember | null;
}

/** Result of `POST /conversations/{conversationId}/reply`. */
export interface ConversationReplyResult {
  /** ID of the new message. */
  messageId: string;
  /** The conversation replied to. */
  conversationId: string;
  /** The stored reply. */
  message: ReplyMessage;
}

/** Body of `POST /conversations/{conversationId}/end`. */
export interface ConversationEndParams {
  /** User ending the conversation; defaults to the assigned team member, else the workspace owner. */
  userId?: string | undefined;
}

/** Result of `POST /conversations/{conversationId}/end`. */
export interface ConversationEndResult {
  /** The resolved conversation. */
  conversationId: string;
  /** The user who ended it. */
  userId: string;
  /** The conversation's contact. */
  contactId: string;
}

/** Query of `GET /conversations/views`. */
export interface ConversationViewListParams extends PerPageParams {
  /** ID of the AI agent whose views to list. Required. */
  agentId: string;
  /** Search views by name, e.g. `billing`. */
  search?: string | undefined;
}

/** One rule of a saved view's query. */
export interface ConversationViewRule {
  /** Field the rule tests, e.g. `sentiment`. */
  field: string;
  /** Comparison, e.g. `EQUALS`. */
  operator: 'EQUALS' | (string & {});
  /** Value compared against, e.g. `NEGATIVE`. */
  value: string;
}

/** A saved view's query. */
export interface ConversationViewQuery {
  /** How the rules combine: `AND` (or `OR`). */
  combinator: 'AND' | 'OR' | (string & {});
  /** The rules. */
  rules: ConversationViewRule[];
}

/** A saved inbox view (views are created in the dashboard). */
export interface ConversationView {
  /** View ID. */
  id: string;
  /** View name. */
  name: string;
  /** The view's filter query. */
  query: ConversationViewQuery;
  /** Creation time, ISO 8601 date-time. */
  createdAt: string;
}

/** Answer format of the AI. */
export type ResponseFormat = 'MARKDOWN' | 'PLAIN';

/** Integration a visitor message arrives through (send-message body). */
export type SendMessageIntegrationType = 'WHATSAPP' | 'SLACK';

/** Body of `POST /conversations` (send a visitor message to the AI agent), without `streaming`. */
export interface SendMessageParams {
  /** ID of the AI agent to ask. Required. */
  agentId: string;
  /** The visitor's message. Required, non-empty. */
  question: string;
  /** Continue this conversation; without it a new conversation is started. */
  conversationId?: string | undefined;
  /** Associate an existing contact; without it a contact may be created. */
  contactId?: string | undefined;
  /** `TEXT` or `IMAGE`. */
  messageType?: MessageType | undefined;
  /** Visitor IP address. */
  ip?: string | undefined;
  /** Visitor country code, e.g. `US`. */
  country?: string | undefined;
  /** `MARKDOWN` (default) or `PLAIN`. */
  responseFormat?: ResponseFormat | undefined;
  /** `WHATSAPP` or `SLACK`. */
  integrationType?: SendMessageIntegrationType | undefined;
}

/** A link (knowledge source) the AI used in its answer. */
export interface MessageLink {
  /** URL. */
  link: string;
  /** Source type, e.g. `WEBSITE`. */
  type: DataSourceType | (string & {});
}

/** Result of sending a visitor message (also the final message of a stream). */
export interface SendMessageResult {
  /** The conversation (new or continued). */
  conversationId: string;
  /** The visitor's contact. */
  contactId: string;
  /** The AI answer text. */
  response: string;
  /** ID of the stored visitor message. */
  messageId: string;
  /** ID of the stored AI message. */
  responseMessageId: string;
  /** Knowledge links the answer used. */
  links: MessageLink[];
}
