// The storage boundary. Routes only ever talk to a `Store`; the SQLite implementation lives in
// `sqlite-store.ts`. Every method is async so that a networked backend (e.g. PostgreSQL) could implement
// the same interface without touching the routes.

export type DataSourceType = 'WEBSITE' | 'TEXT' | 'QA' | 'PDF' | 'DOCX' | 'IMAGE';
export type DataSourceStatus = 'PENDING' | 'COMPLETED' | 'FAILED';
export type Sentiment = 'POSITIVE' | 'NEGATIVE' | 'NEUTRAL' | 'UNSPECIFIED';
export type Resolution = 'AIHelped' | 'AIDidNotHelp' | 'TalkToAgent';
export type MessageRole = 'user' | 'assistant' | 'agent';
export type MessageType = 'TEXT' | 'IMAGE';

export interface WorkspaceRow {
  id: string;
  name: string;
  createdAt: number;
}

export interface TeamMemberRow {
  id: string;
  workspaceId: string;
  name: string;
  email: string;
  avatar: string;
  isOwner: boolean;
}

export interface ApiKeyRow {
  keyHash: string;
  workspaceId: string;
  readOnly: boolean;
  createdAt: number;
}

export interface AgentRow {
  id: string;
  workspaceId: string;
  name: string;
  slug: string;
  isLiveChatEnabled: boolean;
  isImageSharingEnabled: boolean;
  language: string;
  isArchived: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface ContactRow {
  id: string;
  workspaceId: string;
  agentId: string;
  distinctId: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  ip: string | null;
  chatSource: string | null;
  threadId: string | null;
  attributes: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

export interface ConversationRow {
  id: string;
  workspaceId: string;
  agentId: string;
  contactId: string;
  isResolved: boolean;
  isStarred: boolean;
  isMuted: boolean;
  isAgent: boolean;
  integrationType: string;
  assigneeId: string | null;
  sentiment: Sentiment;
  topic: string | null;
  resolution: Resolution;
  lastMessageDate: number;
  createdAt: number;
  updatedAt: number;
  resolvedAt: number | null;
  resolvedBy: string | null;
}

export interface MessageSourceRef {
  id: string;
  type: DataSourceType;
  link: string | null;
  distance: number;
}

export interface MessageRow {
  id: string;
  workspaceId: string;
  agentId: string;
  conversationId: string;
  role: MessageRole;
  content: string;
  type: MessageType;
  memberId: string | null;
  sources: MessageSourceRef[];
  outOfContext: boolean;
  createdAt: number;
}

export interface DataSourceRow {
  id: string;
  workspaceId: string;
  agentId: string;
  source: DataSourceType;
  title: string;
  content: string;
  url: string | null;
  status: DataSourceStatus;
  error: string | null;
  isGeneratedByAI: boolean;
  relatedMessageId: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface ChunkHit {
  dataSourceId: string;
  source: DataSourceType;
  title: string;
  url: string | null;
  text: string;
  /** SQLite FTS5 bm25(): lower (more negative) is better. */
  score: number;
}

export interface SuggestionRow {
  id: string;
  workspaceId: string;
  agentId: string;
  conversationId: string;
  userMessageId: string;
  userMessageText: string;
  aiMessageId: string;
  aiMessageText: string;
  evaluationTag: string;
  potentialGap: string;
  suggestedImprovement: string;
  dismissed: boolean;
  createdAt: number;
}

export interface ViewRule {
  field: string;
  operator: string;
  value: string;
}

export interface ViewQuery {
  combinator: 'AND' | 'OR';
  rules: ViewRule[];
}

export interface ViewRow {
  id: string;
  workspaceId: string;
  agentId: string;
  name: string;
  query: ViewQuery;
  createdAt: number;
}

export interface CsatRow {
  id: string;
  workspaceId: string;
  agentId: string;
  conversationId: string | null;
  /** `AI` rates the AI agent, `HUMAN` rates a team member (then `memberId` is set). */
  target: 'AI' | 'HUMAN';
  memberId: string | null;
  score: number;
  comment: string;
  email: string;
  name: string;
  triggerReason: string;
  createdAt: number;
}

export interface FunctionCallRow {
  id: string;
  workspaceId: string;
  agentId: string;
  name: string;
  description: string;
  type: string;
  mcpName: string | null;
  mcpProvider: string | null;
  failed: boolean;
  createdAt: number;
}

export interface IdempotencyRow {
  workspaceId: string;
  key: string;
  requestHash: string;
  status: number;
  contentType: string;
  body: string;
  createdAt: number;
}

export interface ConversationFilter {
  agentId?: string;
  contactId?: string;
  isResolved?: boolean;
  /** `null` = no human assigned. */
  assigneeId?: string | null;
  sentiment?: Sentiment;
  topic?: string;
  integrationType?: string;
  resolution?: Resolution;
  /** inclusive bounds on `createdAt` (ms) */
  from?: number;
  to?: number;
  /** Negates the whole filter (view rules with `NOT_EQUALS`). */
  negate?: boolean;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

export interface WorkspaceExport {
  format: 'livechatai-emulator-workspace';
  version: 1;
  exportedAt: string;
  tables: Record<string, Record<string, unknown>[]>;
}

export interface Store {
  /**
   * Runs `fn` atomically; transactions run one at a time. Every write must happen inside one. `fn` must only
   * await calls on this store (no timers or network inside) and must not call `transaction` again.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;

  createWorkspace(ws: WorkspaceRow, owner: TeamMemberRow): Promise<void>;
  getWorkspace(id: string): Promise<WorkspaceRow | undefined>;
  listWorkspaces(): Promise<WorkspaceRow[]>;
  addTeamMember(member: TeamMemberRow): Promise<void>;
  listTeamMembers(workspaceId: string): Promise<TeamMemberRow[]>;
  getTeamMember(workspaceId: string, id: string): Promise<TeamMemberRow | undefined>;

  addApiKey(key: ApiKeyRow): Promise<void>;
  findApiKey(keyHash: string): Promise<ApiKeyRow | undefined>;

  insertAgent(agent: AgentRow): Promise<void>;
  getAgent(workspaceId: string, idOrSlug: string): Promise<AgentRow | undefined>;
  listAgents(workspaceId: string, offset: number, limit: number): Promise<Paged<AgentRow>>;
  slugTaken(workspaceId: string, slug: string): Promise<boolean>;
  /** Removes the agent and everything that belongs to it. */
  deleteAgent(workspaceId: string, id: string): Promise<boolean>;

  insertContact(contact: ContactRow): Promise<void>;
  updateContact(contact: ContactRow): Promise<void>;
  getContact(workspaceId: string, id: string): Promise<ContactRow | undefined>;
  findContactByDistinctId(workspaceId: string, agentId: string, distinctId: string): Promise<ContactRow | undefined>;
  listContacts(workspaceId: string, agentId: string, offset: number, limit: number): Promise<Paged<ContactRow>>;

  insertConversation(conversation: ConversationRow): Promise<void>;
  updateConversation(conversation: ConversationRow): Promise<void>;
  getConversation(workspaceId: string, id: string): Promise<ConversationRow | undefined>;
  listConversations(
    workspaceId: string,
    filters: ConversationFilter[],
    combinator: 'AND' | 'OR',
    base: ConversationFilter,
    sort: 'asc' | 'desc',
    offset: number,
    limit: number,
  ): Promise<Paged<ConversationRow>>;

  insertMessage(message: MessageRow): Promise<void>;
  listMessages(workspaceId: string, conversationId: string): Promise<MessageRow[]>;
  listAgentMessages(workspaceId: string, agentId: string, from: number, to: number): Promise<MessageRow[]>;

  insertDataSource(ds: DataSourceRow, chunks: string[]): Promise<void>;
  updateDataSource(ds: DataSourceRow, chunks: string[] | null): Promise<void>;
  getDataSource(workspaceId: string, id: string): Promise<DataSourceRow | undefined>;
  listDataSources(
    workspaceId: string,
    agentId: string,
    source: DataSourceType | null,
    offset: number,
    limit: number,
  ): Promise<Paged<DataSourceRow>>;
  deleteDataSources(workspaceId: string, agentId: string, source: DataSourceType, ids: string[]): Promise<string[]>;
  searchChunks(workspaceId: string, agentId: string, ftsQuery: string, limit: number): Promise<ChunkHit[]>;
  countChunks(workspaceId: string, agentId: string): Promise<number>;

  insertSuggestion(s: SuggestionRow): Promise<void>;
  getSuggestion(workspaceId: string, id: string): Promise<SuggestionRow | undefined>;
  listSuggestions(
    workspaceId: string,
    agentId: string,
    from: number | null,
    to: number | null,
    offset: number,
    limit: number,
  ): Promise<Paged<SuggestionRow>>;
  dismissSuggestion(workspaceId: string, id: string): Promise<boolean>;

  insertView(view: ViewRow): Promise<void>;
  getView(workspaceId: string, id: string): Promise<ViewRow | undefined>;
  listViews(
    workspaceId: string,
    agentId: string,
    search: string | null,
    offset: number,
    limit: number,
  ): Promise<Paged<ViewRow>>;

  insertCsat(row: CsatRow): Promise<void>;
  listCsat(workspaceId: string, agentId: string, from: number, to: number): Promise<CsatRow[]>;
  insertFunctionCall(row: FunctionCallRow): Promise<void>;
  listFunctionCalls(workspaceId: string, agentId: string, from: number, to: number): Promise<FunctionCallRow[]>;
  listConversationsBetween(workspaceId: string, agentId: string, from: number, to: number): Promise<ConversationRow[]>;

  getIdempotency(workspaceId: string, key: string): Promise<IdempotencyRow | undefined>;
  putIdempotency(row: IdempotencyRow): Promise<void>;

  exportWorkspace(workspaceId: string): Promise<WorkspaceExport | undefined>;
  /**
   * Restores an export (validated first; `ImportFormatError` names the bad field) as a new workspace with the
   * same ids; `ImportConflictError` when the workspace or any of its ids already exists.
   */
  importWorkspace(data: unknown): Promise<string>;

  integrityCheck(): Promise<string>;
  close(): Promise<void>;
}

export class ImportConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportConflictError';
  }
}

export class ImportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFormatError';
  }
}
