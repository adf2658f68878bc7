// The workspace export format (`livechatai-emulator-workspace`, version 1) and its validation.
//
// An export is untrusted input (the HTTP import route, a file given to the CLI): every row is checked here,
// before anything touches the database, so that a bad file answers a 400 naming the table, row and field — never
// a database error — and so that no row can point outside the exported workspace (a contact on another
// workspace's agent once broke that workspace's upserts). The checks never consult the database, so an answer
// cannot tell which ids exist elsewhere.
import type {
  AgentRow,
  ContactRow,
  ConversationRow,
  CsatRow,
  DataSourceRow,
  FunctionCallRow,
  MessageRow,
  MessageSourceRef,
  SuggestionRow,
  TeamMemberRow,
  ViewQuery,
  ViewRow,
  WorkspaceRow,
} from './types.js';
import { ImportFormatError } from './types.js';

export const EXPORT_FORMAT = 'livechatai-emulator-workspace';

/** The tables of an export, in insert order (api keys and idempotency records are never exported). */
export const EXPORT_TABLES = [
  'workspaces',
  'team_members',
  'agents',
  'contacts',
  'conversations',
  'messages',
  'data_sources',
  'suggestions',
  'views',
  'csat',
  'function_calls',
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

/** A validated export: typed rows whose references all resolve inside it. */
export interface ParsedExport {
  workspace: WorkspaceRow;
  teamMembers: TeamMemberRow[];
  agents: AgentRow[];
  contacts: ContactRow[];
  conversations: ConversationRow[];
  messages: MessageRow[];
  dataSources: DataSourceRow[];
  suggestions: SuggestionRow[];
  views: ViewRow[];
  csat: CsatRow[];
  functionCalls: FunctionCallRow[];
}

type Kind = 'string' | 'string?' | 'number' | 'number?' | 'boolean' | readonly string[];
type Row = Record<string, unknown>;

const DS_TYPES = ['WEBSITE', 'TEXT', 'QA', 'PDF', 'DOCX', 'IMAGE'] as const;
const S = 'string' as const;
const S0 = 'string?' as const;
const N = 'number' as const;
const B = 'boolean' as const;

/** The scalar columns of each table (JSON columns are checked separately). */
const COLUMNS: Record<ExportTable, Record<string, Kind>> = {
  workspaces: { id: S, name: S, createdAt: N },
  team_members: { id: S, workspaceId: S, name: S, email: S, avatar: S, isOwner: B },
  agents: {
    id: S,
    workspaceId: S,
    name: S,
    slug: S,
    isLiveChatEnabled: B,
    isImageSharingEnabled: B,
    language: S,
    isArchived: B,
    createdAt: N,
    updatedAt: N,
  },
  contacts: {
    id: S,
    workspaceId: S,
    agentId: S,
    distinctId: S0,
    name: S0,
    email: S0,
    phone: S0,
    country: S0,
    ip: S0,
    chatSource: S0,
    threadId: S0,
    createdAt: N,
    updatedAt: N,
  },
  conversations: {
    id: S,
    workspaceId: S,
    agentId: S,
    contactId: S,
    isResolved: B,
    isStarred: B,
    isMuted: B,
    isAgent: B,
    integrationType: S,
    assigneeId: S0,
    sentiment: ['POSITIVE', 'NEGATIVE', 'NEUTRAL', 'UNSPECIFIED'],
    topic: S0,
    resolution: ['AIHelped', 'AIDidNotHelp', 'TalkToAgent'],
    lastMessageDate: N,
    createdAt: N,
    updatedAt: N,
    resolvedAt: 'number?',
    resolvedBy: S0,
  },
  messages: {
    id: S,
    workspaceId: S,
    agentId: S,
    conversationId: S,
    role: ['user', 'assistant', 'agent'],
    content: S,
    type: ['TEXT', 'IMAGE'],
    memberId: S0,
    outOfContext: B,
    createdAt: N,
  },
  data_sources: {
    id: S,
    workspaceId: S,
    agentId: S,
    source: DS_TYPES,
    title: S,
    content: S,
    url: S0,
    status: ['PENDING', 'COMPLETED', 'FAILED'],
    error: S0,
    isGeneratedByAI: B,
    relatedMessageId: S0,
    createdAt: N,
    updatedAt: N,
  },
  suggestions: {
    id: S,
    workspaceId: S,
    agentId: S,
    conversationId: S,
    userMessageId: S,
    userMessageText: S,
    aiMessageId: S,
    aiMessageText: S,
    evaluationTag: S,
    potentialGap: S,
    suggestedImprovement: S,
    dismissed: B,
    createdAt: N,
  },
  views: { id: S, workspaceId: S, agentId: S, name: S, createdAt: N },
  csat: {
    id: S,
    workspaceId: S,
    agentId: S,
    conversationId: S0,
    target: ['AI', 'HUMAN'],
    memberId: S0,
    score: N,
    comment: S,
    email: S,
    name: S,
    triggerReason: S,
    createdAt: N,
  },
  function_calls: {
    id: S,
    workspaceId: S,
    agentId: S,
    name: S,
    description: S,
    type: S,
    mcpName: S0,
    mcpProvider: S0,
    failed: B,
    createdAt: N,
  },
};
/** Ids and other short strings; content columns may be long (the route's body limit bounds them). */
const MAX_ID = 200;
const ID_COLUMNS = new Set([
  'id',
  'workspaceId',
  'agentId',
  'contactId',
  'conversationId',
  'memberId',
  'assigneeId',
  'resolvedBy',
  'userMessageId',
  'aiMessageId',
  'slug',
]);

const fail = (message: string): never => {
  throw new ImportFormatError(message);
};
const isObject = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

function scalar(at: string, value: unknown, kind: Kind, column: string): unknown {
  if (Array.isArray(kind)) {
    if (typeof value !== 'string' || !kind.includes(value)) fail(`${at} must be one of ${kind.join(', ')}`);
    return value;
  }
  const name: string = kind as string;
  if ((value === undefined || value === null) && name.endsWith('?')) return null;
  if (name.startsWith('string')) {
    if (typeof value !== 'string') fail(`${at} must be a string`);
    if (ID_COLUMNS.has(column) && ((value as string).length === 0 || (value as string).length > MAX_ID))
      fail(`${at} must be 1-${MAX_ID} characters`);
    return value;
  }
  if (name.startsWith('number')) {
    if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${at} must be a finite number`);
    return value;
  }
  if (typeof value !== 'boolean') fail(`${at} must be a boolean`);
  return value;
}

function attributesOf(at: string, value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) return fail(`${at} must be an object map`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') fail(`${at}.${k} must be a string`);
    out[k] = String(v);
  }
  return out;
}

function sourcesOf(at: string, value: unknown): MessageSourceRef[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return fail(`${at} must be an array`);
  return value.map((s: unknown, i) => {
    const where = `${at}[${i}]`;
    if (!isObject(s)) return fail(`${where} must be an object`);
    return {
      id: scalar(`${where}.id`, s.id, S, 'source') as string,
      type: scalar(`${where}.type`, s.type, DS_TYPES, 'type') as MessageSourceRef['type'],
      link: scalar(`${where}.link`, s.link, S0, 'link') as string | null,
      distance: scalar(`${where}.distance`, s.distance, N, 'distance') as number,
    };
  });
}

function queryOf(at: string, value: unknown): ViewQuery {
  if (!isObject(value)) return fail(`${at} must be an object`);
  const combinator = scalar(
    `${at}.combinator`,
    value.combinator,
    ['AND', 'OR'],
    'combinator',
  ) as ViewQuery['combinator'];
  if (!Array.isArray(value.rules)) return fail(`${at}.rules must be an array`);
  const rules = value.rules.map((r: unknown, i) => {
    const where = `${at}.rules[${i}]`;
    if (!isObject(r)) return fail(`${where} must be an object`);
    return {
      field: scalar(`${where}.field`, r.field, S, 'field') as string,
      operator: scalar(`${where}.operator`, r.operator, S, 'operator') as string,
      value: scalar(`${where}.value`, r.value, S, 'value') as string,
    };
  });
  return { combinator, rules };
}

/**
 * Validates an export: the format marker, one workspace, known tables of objects with the right column types,
 * every row in that workspace, unique ids, and every reference (agent, contact, conversation, message, team
 * member) resolving to a row of the same export.
 */
export function parseExport(value: unknown): ParsedExport {
  if (!isObject(value) || value.format !== EXPORT_FORMAT)
    fail(`the body must be a workspace export (format '${EXPORT_FORMAT}')`);
  const data = value as Row;
  if (data.version !== undefined && data.version !== 1) fail('only version 1 exports can be imported');
  const tables = data.tables;
  if (!isObject(tables)) return fail("'tables' must be an object of tables");
  for (const name of Object.keys(tables)) {
    if (!(EXPORT_TABLES as readonly string[]).includes(name))
      fail(`tables.${name} is not a table of an export (known: ${EXPORT_TABLES.join(', ')})`);
  }
  const rowsOf = (table: ExportTable): Row[] => {
    const rows = tables[table] ?? [];
    if (!Array.isArray(rows)) return fail(`tables.${table} must be an array`);
    const ids = new Set<string>();
    return rows.map((row: unknown, i) => {
      const at = `tables.${table}[${i}]`;
      if (!isObject(row)) return fail(`${at} must be an object`);
      const out: Row = {};
      for (const [column, kind] of Object.entries(COLUMNS[table]))
        out[column] = scalar(`${at}.${column}`, row[column], kind, column);
      const id = out.id as string;
      if (ids.has(id)) fail(`${at}.id repeats an id of tables.${table}`);
      ids.add(id);
      return out;
    });
  };

  const workspaces = rowsOf('workspaces');
  if (workspaces.length !== 1) fail('tables.workspaces must hold exactly one workspace');
  const workspace = workspaces[0] as unknown as WorkspaceRow;
  const inWorkspace = (table: ExportTable, rows: Row[]): Row[] => {
    rows.forEach((row, i) => {
      if (row.workspaceId !== workspace.id)
        fail(`tables.${table}[${i}].workspaceId must be the exported workspace '${workspace.id}'`);
    });
    return rows;
  };
  const teamMembers = inWorkspace('team_members', rowsOf('team_members')) as unknown as TeamMemberRow[];
  const agents = inWorkspace('agents', rowsOf('agents')) as unknown as AgentRow[];

  const byId = <T extends { id: string }>(rows: T[]): Map<string, T> => new Map(rows.map((r) => [r.id, r]));
  const members = byId(teamMembers);
  const agentIds = byId(agents);
  /** A reference must name a row of the export; the message is the same whether the id exists elsewhere or not. */
  const ref = <T>(
    table: ExportTable,
    i: number,
    column: string,
    value: unknown,
    target: Map<string, T>,
    what: string,
    nullable = false,
  ): T | undefined => {
    if (value === null && nullable) return undefined;
    const found = target.get(value as string);
    if (!found) fail(`tables.${table}[${i}].${column} '${String(value)}' does not name ${what} of this export`);
    return found;
  };

  const slugs = new Set<string>();
  agents.forEach((a, i) => {
    if (slugs.has(a.slug)) fail(`tables.agents[${i}].slug repeats a slug of this export`);
    slugs.add(a.slug);
  });

  const contacts = inWorkspace('contacts', rowsOf('contacts')).map((row, i) => {
    ref('contacts', i, 'agentId', row.agentId, agentIds, 'an agent');
    return {
      ...row,
      attributes: attributesOf(`tables.contacts[${i}].attributes`, (tables.contacts as Row[])[i]?.attributes),
    };
  }) as unknown as ContactRow[];
  const distinct = new Set<string>();
  contacts.forEach((c, i) => {
    if (c.distinctId === null) return;
    const key = `${c.agentId}\n${c.distinctId}`;
    if (distinct.has(key)) fail(`tables.contacts[${i}].distinctId repeats a distinctId of the same agent`);
    distinct.add(key);
  });
  const contactIds = byId(contacts);

  const conversations = inWorkspace('conversations', rowsOf('conversations')) as unknown as ConversationRow[];
  conversations.forEach((cv, i) => {
    ref('conversations', i, 'agentId', cv.agentId, agentIds, 'an agent');
    const contact = ref('conversations', i, 'contactId', cv.contactId, contactIds, 'a contact');
    if (contact && contact.agentId !== cv.agentId)
      fail(`tables.conversations[${i}].contactId names a contact of another agent`);
    ref('conversations', i, 'assigneeId', cv.assigneeId, members, 'a team member', true);
    ref('conversations', i, 'resolvedBy', cv.resolvedBy, members, 'a team member', true);
  });
  const conversationIds = byId(conversations);

  const messages = inWorkspace('messages', rowsOf('messages')).map((row, i) => ({
    ...row,
    sources: sourcesOf(`tables.messages[${i}].sources`, (tables.messages as Row[])[i]?.sources),
  })) as unknown as MessageRow[];
  messages.forEach((m, i) => {
    const cv = ref('messages', i, 'conversationId', m.conversationId, conversationIds, 'a conversation');
    if (cv && cv.agentId !== m.agentId) fail(`tables.messages[${i}].agentId is not the agent of its conversation`);
    ref('messages', i, 'memberId', m.memberId, members, 'a team member', true);
  });
  const messageIds = byId(messages);

  const dataSources = inWorkspace('data_sources', rowsOf('data_sources')) as unknown as DataSourceRow[];
  dataSources.forEach((d, i) => ref('data_sources', i, 'agentId', d.agentId, agentIds, 'an agent'));

  const suggestions = inWorkspace('suggestions', rowsOf('suggestions')) as unknown as SuggestionRow[];
  suggestions.forEach((s, i) => {
    const cv = ref('suggestions', i, 'conversationId', s.conversationId, conversationIds, 'a conversation');
    if (cv && cv.agentId !== s.agentId) fail(`tables.suggestions[${i}].agentId is not the agent of its conversation`);
    ref('suggestions', i, 'userMessageId', s.userMessageId, messageIds, 'a message');
    ref('suggestions', i, 'aiMessageId', s.aiMessageId, messageIds, 'a message');
  });

  const views = inWorkspace('views', rowsOf('views')).map((row, i) => ({
    ...row,
    query: queryOf(`tables.views[${i}].query`, (tables.views as Row[])[i]?.query),
  })) as unknown as ViewRow[];
  views.forEach((v, i) => ref('views', i, 'agentId', v.agentId, agentIds, 'an agent'));

  const csat = inWorkspace('csat', rowsOf('csat')) as unknown as CsatRow[];
  csat.forEach((r, i) => {
    ref('csat', i, 'agentId', r.agentId, agentIds, 'an agent');
    ref('csat', i, 'memberId', r.memberId, members, 'a team member', true);
    if (!Number.isInteger(r.score) || r.score < 1 || r.score > 5)
      fail(`tables.csat[${i}].score must be an integer from 1 to 5`);
  });

  const functionCalls = inWorkspace('function_calls', rowsOf('function_calls')) as unknown as FunctionCallRow[];
  functionCalls.forEach((f, i) => ref('function_calls', i, 'agentId', f.agentId, agentIds, 'an agent'));

  return {
    workspace,
    teamMembers,
    agents,
    contacts,
    conversations,
    messages,
    dataSources,
    suggestions,
    views,
    csat,
    functionCalls,
  };
}
