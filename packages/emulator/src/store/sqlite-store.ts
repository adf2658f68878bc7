import Database from 'better-sqlite3';
import type {
  AgentRow,
  ApiKeyRow,
  ChunkHit,
  ContactRow,
  ConversationFilter,
  ConversationRow,
  CsatRow,
  DataSourceRow,
  DataSourceType,
  FunctionCallRow,
  IdempotencyRow,
  MessageRow,
  Paged,
  Store,
  SuggestionRow,
  TeamMemberRow,
  ViewRow,
  WorkspaceExport,
  WorkspaceRow,
} from './types.js';
import { ImportConflictError, ImportFormatError } from './types.js';
import { EXPORT_FORMAT, EXPORT_TABLES, parseExport, type ParsedExport } from './export-format.js';
import { chunkText } from '../answer/chunk.js';

type Row = Record<string, unknown>;

interface TransactionJob {
  fn: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

interface TableDef {
  columns: string[];
  bool?: string[];
  json?: string[];
  key: string;
}

// camelCase field names; the SQL column is the snake_case form.
const TABLES = {
  workspaces: { key: 'id', columns: ['id', 'name', 'createdAt'] },
  team_members: { key: 'id', columns: ['id', 'workspaceId', 'name', 'email', 'avatar', 'isOwner'], bool: ['isOwner'] },
  api_keys: { key: 'keyHash', columns: ['keyHash', 'workspaceId', 'readOnly', 'createdAt'], bool: ['readOnly'] },
  agents: {
    key: 'id',
    columns: [
      'id',
      'workspaceId',
      'name',
      'slug',
      'isLiveChatEnabled',
      'isImageSharingEnabled',
      'language',
      'isArchived',
      'createdAt',
      'updatedAt',
    ],
    bool: ['isLiveChatEnabled', 'isImageSharingEnabled', 'isArchived'],
  },
  contacts: {
    key: 'id',
    columns: [
      'id',
      'workspaceId',
      'agentId',
      'distinctId',
      'name',
      'email',
      'phone',
      'country',
      'ip',
      'chatSource',
      'threadId',
      'attributes',
      'createdAt',
      'updatedAt',
    ],
    json: ['attributes'],
  },
  conversations: {
    key: 'id',
    columns: [
      'id',
      'workspaceId',
      'agentId',
      'contactId',
      'isResolved',
      'isStarred',
      'isMuted',
      'isAgent',
      'integrationType',
      'assigneeId',
      'sentiment',
      'topic',
      'resolution',
      'lastMessageDate',
      'createdAt',
      'updatedAt',
      'resolvedAt',
      'resolvedBy',
    ],
    bool: ['isResolved', 'isStarred', 'isMuted', 'isAgent'],
  },
  messages: {
    key: 'id',
    columns: [
      'id',
      'workspaceId',
      'agentId',
      'conversationId',
      'role',
      'content',
      'type',
      'memberId',
      'sources',
      'outOfContext',
      'createdAt',
    ],
    bool: ['outOfContext'],
    json: ['sources'],
  },
  data_sources: {
    key: 'id',
    columns: [
      'id',
      'workspaceId',
      'agentId',
      'source',
      'title',
      'content',
      'url',
      'status',
      'error',
      'isGeneratedByAI',
      'relatedMessageId',
      'createdAt',
      'updatedAt',
    ],
    bool: ['isGeneratedByAI'],
  },
  suggestions: {
    key: 'id',
    columns: [
      'id',
      'workspaceId',
      'agentId',
      'conversationId',
      'userMessageId',
      'userMessageText',
      'aiMessageId',
      'aiMessageText',
      'evaluationTag',
      'potentialGap',
      'suggestedImprovement',
      'dismissed',
      'createdAt',
    ],
    bool: ['dismissed'],
  },
  views: { key: 'id', columns: ['id', 'workspaceId', 'agentId', 'name', 'query', 'createdAt'], json: ['query'] },
  csat: {
    key: 'id',
    columns: [
      'id',
      'workspaceId',
      'agentId',
      'conversationId',
      'target',
      'memberId',
      'score',
      'comment',
      'email',
      'name',
      'triggerReason',
      'createdAt',
    ],
  },
  function_calls: {
    key: 'id',
    columns: [
      'id',
      'workspaceId',
      'agentId',
      'name',
      'description',
      'type',
      'mcpName',
      'mcpProvider',
      'failed',
      'createdAt',
    ],
    bool: ['failed'],
  },
  idempotency: {
    key: 'key',
    columns: ['workspaceId', 'key', 'requestHash', 'status', 'contentType', 'body', 'createdAt'],
  },
} satisfies Record<string, TableDef>;

type TableName = keyof typeof TABLES;

const snakeNames = new Map<string, string>();
const snakeCached = (s: string): string => {
  let v = snakeNames.get(s);
  if (v === undefined) {
    v = snake(s);
    snakeNames.set(s, v);
  }
  return v;
};
const snake = (s: string): string =>
  s.replace(/([a-z0-9])([A-Z]+)/g, (_m, a: string, b: string) => `${a}_${b.toLowerCase()}`);

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workspaces (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS team_members (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL, email TEXT NOT NULL,
  avatar TEXT NOT NULL, is_owner INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS api_keys (key_hash TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, read_only INTEGER NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS agents (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL, slug TEXT NOT NULL,
  is_live_chat_enabled INTEGER NOT NULL, is_image_sharing_enabled INTEGER NOT NULL, language TEXT NOT NULL, is_archived INTEGER NOT NULL,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, UNIQUE (workspace_id, slug));
CREATE TABLE IF NOT EXISTS contacts (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, agent_id TEXT NOT NULL, distinct_id TEXT, name TEXT,
  email TEXT, phone TEXT, country TEXT, ip TEXT, chat_source TEXT, thread_id TEXT, attributes TEXT NOT NULL, created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS contacts_distinct ON contacts (agent_id, distinct_id) WHERE distinct_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS contacts_agent ON contacts (workspace_id, agent_id, created_at);
CREATE INDEX IF NOT EXISTS agents_workspace ON agents (workspace_id, created_at);
CREATE TABLE IF NOT EXISTS conversations (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, agent_id TEXT NOT NULL, contact_id TEXT NOT NULL,
  is_resolved INTEGER NOT NULL, is_starred INTEGER NOT NULL, is_muted INTEGER NOT NULL, is_agent INTEGER NOT NULL, integration_type TEXT NOT NULL,
  assignee_id TEXT, sentiment TEXT NOT NULL, topic TEXT, resolution TEXT NOT NULL, last_message_date INTEGER NOT NULL, created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL, resolved_at INTEGER, resolved_by TEXT);
CREATE INDEX IF NOT EXISTS conversations_agent ON conversations (workspace_id, agent_id, last_message_date);
CREATE INDEX IF NOT EXISTS conversations_contact ON conversations (workspace_id, contact_id);
CREATE TABLE IF NOT EXISTS messages (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, workspace_id TEXT NOT NULL,
  agent_id TEXT NOT NULL, conversation_id TEXT NOT NULL, role TEXT NOT NULL, content TEXT NOT NULL, type TEXT NOT NULL, member_id TEXT,
  sources TEXT NOT NULL, out_of_context INTEGER NOT NULL, created_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS messages_conversation ON messages (conversation_id, seq);
CREATE INDEX IF NOT EXISTS messages_agent ON messages (agent_id, created_at);
CREATE TABLE IF NOT EXISTS data_sources (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, agent_id TEXT NOT NULL, source TEXT NOT NULL,
  title TEXT NOT NULL, content TEXT NOT NULL, url TEXT, status TEXT NOT NULL, error TEXT, is_generated_by_ai INTEGER NOT NULL,
  related_message_id TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS data_sources_agent ON data_sources (workspace_id, agent_id, created_at);
CREATE TABLE IF NOT EXISTS chunks (rowid INTEGER PRIMARY KEY, workspace_id TEXT NOT NULL, agent_id TEXT NOT NULL,
  data_source_id TEXT NOT NULL, ord INTEGER NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_source ON chunks (data_source_id);
CREATE VIRTUAL TABLE IF NOT EXISTS chunk_fts USING fts5(title, text, content='chunks', content_rowid='rowid', tokenize='porter unicode61');
CREATE TRIGGER IF NOT EXISTS chunks_ai AFTER INSERT ON chunks BEGIN
  INSERT INTO chunk_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS chunks_ad AFTER DELETE ON chunks BEGIN
  INSERT INTO chunk_fts (chunk_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TABLE IF NOT EXISTS suggestions (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, agent_id TEXT NOT NULL, conversation_id TEXT NOT NULL,
  user_message_id TEXT NOT NULL, user_message_text TEXT NOT NULL, ai_message_id TEXT NOT NULL, ai_message_text TEXT NOT NULL,
  evaluation_tag TEXT NOT NULL, potential_gap TEXT NOT NULL, suggested_improvement TEXT NOT NULL, dismissed INTEGER NOT NULL,
  created_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS suggestions_agent ON suggestions (workspace_id, agent_id, created_at);
CREATE TABLE IF NOT EXISTS views (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, agent_id TEXT NOT NULL, name TEXT NOT NULL, query TEXT NOT NULL,
  created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS csat (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, agent_id TEXT NOT NULL, conversation_id TEXT, target TEXT NOT NULL,
  member_id TEXT, score INTEGER NOT NULL, comment TEXT NOT NULL, email TEXT NOT NULL, name TEXT NOT NULL, trigger_reason TEXT NOT NULL,
  created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS function_calls (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, agent_id TEXT NOT NULL, name TEXT NOT NULL,
  description TEXT NOT NULL, type TEXT NOT NULL, mcp_name TEXT, mcp_provider TEXT, failed INTEGER NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency (workspace_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status INTEGER NOT NULL,
  content_type TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (workspace_id, key));
`;

export interface SqliteStoreOptions {
  /** A file path or `:memory:`. */
  filename: string;
}

export class SqliteStore implements Store {
  readonly db: Database.Database;
  private readonly stmts = new Map<string, Database.Statement>();
  private readonly keyCache = new Map<string, ApiKeyRow>();

  constructor(options: SqliteStoreOptions) {
    this.db = new Database(options.filename);
    if (options.filename !== ':memory:') this.db.pragma('journal_mode = WAL');
    // WAL + NORMAL: a committed write survives a process crash (SIGKILL); only an OS crash or power loss may
    // drop the last commits (never corrupting the file). FULL would fsync every commit and cost ~10x in writes.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  private stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  private toDb(table: TableName, row: object): Row {
    const def: TableDef = TABLES[table];
    const r = row as Row;
    const out: Row = {};
    for (const col of def.columns) {
      let v = r[col];
      if (v === undefined) v = null;
      if (def.bool?.includes(col)) v = v ? 1 : 0;
      else if (def.json?.includes(col)) v = JSON.stringify(v ?? null);
      out[col] = v;
    }
    return out;
  }

  // The row shapes are fixed by TABLES; callers name the domain type they read.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  private fromDb<T>(table: TableName, row: Row | undefined): T | undefined {
    if (!row) return undefined;
    const def: TableDef = TABLES[table];
    const out: Row = {};
    for (const col of def.columns) {
      let v = row[snakeCached(col)];
      if (def.bool?.includes(col)) v = v === 1;
      else if (def.json?.includes(col)) v = JSON.parse(v as string) as unknown;
      out[col] = v;
    }
    return out as T;
  }

  private many<T>(table: TableName, rows: unknown[]): T[] {
    return rows.map((r) => this.fromDb<T>(table, r as Row) as T);
  }

  private readonly insertSql = new Map<TableName, string>();
  private readonly updateSql = new Map<TableName, string>();

  private insert(table: TableName, row: object): void {
    let sql = this.insertSql.get(table);
    if (sql === undefined) {
      const def: TableDef = TABLES[table];
      sql = `INSERT INTO ${table} (${def.columns.map(snake).join(', ')}) VALUES (${def.columns.map((c) => `@${c}`).join(', ')})`;
      this.insertSql.set(table, sql);
    }
    this.stmt(sql).run(this.toDb(table, row));
  }

  private update(table: TableName, row: object): void {
    let sql = this.updateSql.get(table);
    if (sql === undefined) {
      const def: TableDef = TABLES[table];
      const sets = def.columns.filter((c) => c !== def.key).map((c) => `${snake(c)} = @${c}`);
      sql = `UPDATE ${table} SET ${sets.join(', ')} WHERE ${snake(def.key)} = @${def.key}`;
      this.updateSql.set(table, sql);
    }
    this.stmt(sql).run(this.toDb(table, row));
  }

  private get(sql: string, ...params: unknown[]): Row | undefined {
    return this.stmt(sql).get(...params) as Row | undefined;
  }

  /**
   * Transactions are serialised: one runs at a time, the next waits for it. Every write of the emulator goes
   * through a transaction, so no write can land inside another request's open transaction (and be rolled back
   * with it). Do not nest calls: a nested call would wait for itself.
   *
   * Group commit: the transactions requested during one turn of the event loop run one after another inside a
   * single BEGIN IMMEDIATE … COMMIT, each in its own savepoint (a failing one is rolled back alone). Every promise
   * settles only after that COMMIT, so a write is still acknowledged only once it is durable; one commit (one WAL
   * append) serves several requests under load.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) {
        this.draining = true;
        this.drained = new Promise<void>((done) => {
          setImmediate(() => {
            void this.drain().finally(done);
          });
        });
      }
    });
  }

  private readonly queue: TransactionJob[] = [];
  private draining = false;
  private drained: Promise<void> = Promise.resolve();

  /** Read afresh each time: SQLite may end a transaction on its own (after an I/O error). */
  private inTransaction(): boolean {
    return this.db.inTransaction;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        const settled: { job: TransactionJob; ok: boolean; value: unknown }[] = [];
        try {
          this.db.exec('BEGIN IMMEDIATE');
        } catch (err) {
          for (const job of batch) job.reject(err);
          continue;
        }
        for (const job of batch) {
          if (!this.inTransaction()) {
            // SQLite gave up the whole transaction (an I/O error, a full disk): nothing of it was committed.
            job.reject(new Error('The transaction was rolled back by the database'));
            continue;
          }
          this.db.exec('SAVEPOINT emulator_tx');
          try {
            const value = await job.fn();
            this.db.exec('RELEASE emulator_tx');
            settled.push({ job, ok: true, value });
          } catch (err) {
            if (this.inTransaction()) {
              this.db.exec('ROLLBACK TO emulator_tx');
              this.db.exec('RELEASE emulator_tx');
            }
            settled.push({ job, ok: false, value: err });
          }
        }
        let commitError: unknown;
        let committed = false;
        if (this.inTransaction()) {
          try {
            this.db.exec('COMMIT');
            committed = true;
          } catch (err) {
            commitError = err;
            if (this.inTransaction()) this.db.exec('ROLLBACK');
          }
        } else {
          commitError = new Error('The transaction was rolled back by the database');
        }
        for (const { job, ok, value } of settled) {
          if (!ok) job.reject(value);
          else if (committed) job.resolve(value);
          else job.reject(commitError);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  async createWorkspace(ws: WorkspaceRow, owner: TeamMemberRow): Promise<void> {
    this.db.transaction(() => {
      this.insert('workspaces', ws);
      this.insert('team_members', owner);
    })();
    return Promise.resolve();
  }

  getWorkspace(id: string): Promise<WorkspaceRow | undefined> {
    return Promise.resolve(
      this.fromDb<WorkspaceRow>('workspaces', this.get('SELECT * FROM workspaces WHERE id = ?', id)),
    );
  }

  listWorkspaces(): Promise<WorkspaceRow[]> {
    return Promise.resolve(
      this.many<WorkspaceRow>('workspaces', this.stmt('SELECT * FROM workspaces ORDER BY created_at, id').all()),
    );
  }

  addTeamMember(member: TeamMemberRow): Promise<void> {
    this.insert('team_members', member);
    return Promise.resolve();
  }

  listTeamMembers(workspaceId: string): Promise<TeamMemberRow[]> {
    return Promise.resolve(
      this.many<TeamMemberRow>(
        'team_members',
        this.stmt('SELECT * FROM team_members WHERE workspace_id = ? ORDER BY is_owner DESC, id').all(workspaceId),
      ),
    );
  }

  getTeamMember(workspaceId: string, id: string): Promise<TeamMemberRow | undefined> {
    return Promise.resolve(
      this.fromDb<TeamMemberRow>(
        'team_members',
        this.get('SELECT * FROM team_members WHERE workspace_id = ? AND id = ?', workspaceId, id),
      ),
    );
  }

  addApiKey(key: ApiKeyRow): Promise<void> {
    this.stmt('INSERT OR IGNORE INTO api_keys (key_hash, workspace_id, read_only, created_at) VALUES (?, ?, ?, ?)').run(
      key.keyHash,
      key.workspaceId,
      key.readOnly ? 1 : 0,
      key.createdAt,
    );
    return Promise.resolve();
  }

  findApiKey(keyHash: string): Promise<ApiKeyRow | undefined> {
    // Keys are never changed or removed, so a found key can be cached.
    let key = this.keyCache.get(keyHash);
    if (!key) {
      key = this.fromDb<ApiKeyRow>('api_keys', this.get('SELECT * FROM api_keys WHERE key_hash = ?', keyHash));
      if (key) this.keyCache.set(keyHash, key);
    }
    return Promise.resolve(key);
  }

  insertAgent(agent: AgentRow): Promise<void> {
    this.insert('agents', agent);
    return Promise.resolve();
  }

  getAgent(workspaceId: string, idOrSlug: string): Promise<AgentRow | undefined> {
    // An id match wins over a slug match.
    const row = this.get(
      'SELECT * FROM agents WHERE workspace_id = @ws AND (id = @v OR slug = @v) ORDER BY id = @v DESC LIMIT 1',
      { ws: workspaceId, v: idOrSlug },
    );
    return Promise.resolve(this.fromDb<AgentRow>('agents', row));
  }

  listAgents(workspaceId: string, offset: number, limit: number): Promise<Paged<AgentRow>> {
    const items = this.many<AgentRow>(
      'agents',
      this.stmt('SELECT * FROM agents WHERE workspace_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?').all(
        workspaceId,
        limit,
        offset,
      ),
    );
    const total = (
      this.stmt('SELECT COUNT(*) AS n FROM agents WHERE workspace_id = ?').get(workspaceId) as { n: number }
    ).n;
    return Promise.resolve({ items, total });
  }

  slugTaken(workspaceId: string, slug: string): Promise<boolean> {
    return Promise.resolve(
      this.stmt('SELECT 1 FROM agents WHERE workspace_id = ? AND slug = ?').get(workspaceId, slug) !== undefined,
    );
  }

  deleteAgent(workspaceId: string, id: string): Promise<boolean> {
    const run = this.db.transaction(() => {
      const res = this.stmt('DELETE FROM agents WHERE workspace_id = ? AND id = ?').run(workspaceId, id);
      if (res.changes === 0) return false;
      for (const table of [
        'chunks',
        'data_sources',
        'contacts',
        'conversations',
        'messages',
        'suggestions',
        'views',
        'csat',
        'function_calls',
      ]) {
        this.stmt(`DELETE FROM ${table} WHERE workspace_id = ? AND agent_id = ?`).run(workspaceId, id);
      }
      return true;
    });
    return Promise.resolve(run());
  }

  insertContact(contact: ContactRow): Promise<void> {
    this.insert('contacts', contact);
    return Promise.resolve();
  }

  updateContact(contact: ContactRow): Promise<void> {
    this.update('contacts', contact);
    return Promise.resolve();
  }

  getContact(workspaceId: string, id: string): Promise<ContactRow | undefined> {
    return Promise.resolve(
      this.fromDb<ContactRow>(
        'contacts',
        this.get('SELECT * FROM contacts WHERE workspace_id = ? AND id = ?', workspaceId, id),
      ),
    );
  }

  findContactByDistinctId(workspaceId: string, agentId: string, distinctId: string): Promise<ContactRow | undefined> {
    return Promise.resolve(
      this.fromDb<ContactRow>(
        'contacts',
        this.get(
          'SELECT * FROM contacts WHERE workspace_id = ? AND agent_id = ? AND distinct_id = ?',
          workspaceId,
          agentId,
          distinctId,
        ),
      ),
    );
  }

  listContacts(workspaceId: string, agentId: string, offset: number, limit: number): Promise<Paged<ContactRow>> {
    const items = this.many<ContactRow>(
      'contacts',
      this.stmt(
        'SELECT * FROM contacts WHERE workspace_id = ? AND agent_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?',
      ).all(workspaceId, agentId, limit, offset),
    );
    const total = (
      this.stmt('SELECT COUNT(*) AS n FROM contacts WHERE workspace_id = ? AND agent_id = ?').get(
        workspaceId,
        agentId,
      ) as { n: number }
    ).n;
    return Promise.resolve({ items, total });
  }

  insertConversation(conversation: ConversationRow): Promise<void> {
    this.insert('conversations', conversation);
    return Promise.resolve();
  }

  updateConversation(conversation: ConversationRow): Promise<void> {
    this.update('conversations', conversation);
    return Promise.resolve();
  }

  getConversation(workspaceId: string, id: string): Promise<ConversationRow | undefined> {
    return Promise.resolve(
      this.fromDb<ConversationRow>(
        'conversations',
        this.get('SELECT * FROM conversations WHERE workspace_id = ? AND id = ?', workspaceId, id),
      ),
    );
  }

  private filterSql(f: ConversationFilter, params: unknown[]): string {
    const parts: string[] = [];
    const add = (sql: string, ...values: unknown[]): void => {
      parts.push(sql);
      params.push(...values);
    };
    if (f.agentId !== undefined) add('agent_id = ?', f.agentId);
    if (f.contactId !== undefined) add('contact_id = ?', f.contactId);
    if (f.isResolved !== undefined) add('is_resolved = ?', f.isResolved ? 1 : 0);
    if (f.assigneeId === null) parts.push('assignee_id IS NULL');
    else if (f.assigneeId !== undefined) add('assignee_id = ?', f.assigneeId);
    if (f.sentiment !== undefined) add('sentiment = ?', f.sentiment);
    if (f.topic !== undefined) add('lower(topic) = lower(?)', f.topic);
    if (f.integrationType !== undefined) add('integration_type = ?', f.integrationType);
    if (f.resolution !== undefined) add('resolution = ?', f.resolution);
    if (f.from !== undefined) add('created_at >= ?', f.from);
    if (f.to !== undefined) add('created_at <= ?', f.to);
    const sql = parts.length ? parts.join(' AND ') : '1';
    return f.negate ? `NOT (${sql})` : sql;
  }

  listConversations(
    workspaceId: string,
    filters: ConversationFilter[],
    combinator: 'AND' | 'OR',
    base: ConversationFilter,
    sort: 'asc' | 'desc',
    offset: number,
    limit: number,
  ): Promise<Paged<ConversationRow>> {
    const params: unknown[] = [workspaceId];
    let where = `workspace_id = ? AND (${this.filterSql(base, params)})`;
    if (filters.length) {
      where += ` AND (${filters.map((f) => `(${this.filterSql(f, params)})`).join(combinator === 'OR' ? ' OR ' : ' AND ')})`;
    }
    const dir = sort === 'asc' ? 'ASC' : 'DESC';
    const items = this.many<ConversationRow>(
      'conversations',
      this.db
        .prepare(
          `SELECT * FROM conversations WHERE ${where} ORDER BY last_message_date ${dir}, id ${dir} LIMIT ? OFFSET ?`,
        )
        .all(...params, limit, offset),
    );
    const total = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM conversations WHERE ${where}`).get(...params) as { n: number }
    ).n;
    return Promise.resolve({ items, total });
  }

  listConversationsBetween(workspaceId: string, agentId: string, from: number, to: number): Promise<ConversationRow[]> {
    return Promise.resolve(
      this.many<ConversationRow>(
        'conversations',
        this.stmt(
          'SELECT * FROM conversations WHERE workspace_id = ? AND agent_id = ? AND created_at >= ? AND created_at <= ? ORDER BY created_at, id',
        ).all(workspaceId, agentId, from, to),
      ),
    );
  }

  insertMessage(message: MessageRow): Promise<void> {
    this.insert('messages', message);
    return Promise.resolve();
  }

  listMessages(workspaceId: string, conversationId: string): Promise<MessageRow[]> {
    return Promise.resolve(
      this.many<MessageRow>(
        'messages',
        this.stmt('SELECT * FROM messages WHERE workspace_id = ? AND conversation_id = ? ORDER BY seq').all(
          workspaceId,
          conversationId,
        ),
      ),
    );
  }

  listAgentMessages(workspaceId: string, agentId: string, from: number, to: number): Promise<MessageRow[]> {
    return Promise.resolve(
      this.many<MessageRow>(
        'messages',
        this.stmt(
          'SELECT * FROM messages WHERE workspace_id = ? AND agent_id = ? AND created_at >= ? AND created_at <= ? ORDER BY seq',
        ).all(workspaceId, agentId, from, to),
      ),
    );
  }

  private insertChunks(ds: DataSourceRow, chunks: string[]): void {
    const s = this.stmt(
      'INSERT INTO chunks (workspace_id, agent_id, data_source_id, ord, title, text) VALUES (?, ?, ?, ?, ?, ?)',
    );
    chunks.forEach((text, i) => s.run(ds.workspaceId, ds.agentId, ds.id, i, ds.title, text));
  }

  insertDataSource(ds: DataSourceRow, chunks: string[]): Promise<void> {
    this.db.transaction(() => {
      this.insert('data_sources', ds);
      this.insertChunks(ds, chunks);
    })();
    return Promise.resolve();
  }

  updateDataSource(ds: DataSourceRow, chunks: string[] | null): Promise<void> {
    this.db.transaction(() => {
      this.update('data_sources', ds);
      if (chunks) {
        this.stmt('DELETE FROM chunks WHERE data_source_id = ?').run(ds.id);
        this.insertChunks(ds, chunks);
      }
    })();
    return Promise.resolve();
  }

  getDataSource(workspaceId: string, id: string): Promise<DataSourceRow | undefined> {
    return Promise.resolve(
      this.fromDb<DataSourceRow>(
        'data_sources',
        this.get('SELECT * FROM data_sources WHERE workspace_id = ? AND id = ?', workspaceId, id),
      ),
    );
  }

  listDataSources(
    workspaceId: string,
    agentId: string,
    source: DataSourceType | null,
    offset: number,
    limit: number,
  ): Promise<Paged<DataSourceRow>> {
    const params: unknown[] = [workspaceId, agentId];
    let where = 'workspace_id = ? AND agent_id = ?';
    if (source) {
      where += ' AND source = ?';
      params.push(source);
    }
    const items = this.many<DataSourceRow>(
      'data_sources',
      this.stmt(`SELECT * FROM data_sources WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`).all(
        ...params,
        limit,
        offset,
      ),
    );
    const total = (this.stmt(`SELECT COUNT(*) AS n FROM data_sources WHERE ${where}`).get(...params) as { n: number })
      .n;
    return Promise.resolve({ items, total });
  }

  deleteDataSources(workspaceId: string, agentId: string, source: DataSourceType, ids: string[]): Promise<string[]> {
    const run = this.db.transaction(() => {
      const deleted: string[] = [];
      for (const id of ids) {
        const res = this.stmt(
          'DELETE FROM data_sources WHERE workspace_id = ? AND agent_id = ? AND source = ? AND id = ?',
        ).run(workspaceId, agentId, source, id);
        if (res.changes > 0) {
          this.stmt('DELETE FROM chunks WHERE data_source_id = ?').run(id);
          deleted.push(id);
        }
      }
      return deleted;
    });
    return Promise.resolve(run());
  }

  searchChunks(workspaceId: string, agentId: string, ftsQuery: string, limit: number): Promise<ChunkHit[]> {
    const rows = this.stmt(
      `SELECT c.data_source_id AS dataSourceId, d.source AS source, d.title AS title, d.url AS url, c.text AS text, bm25(chunk_fts, 2.0, 1.0) AS score
       FROM chunk_fts JOIN chunks c ON c.rowid = chunk_fts.rowid JOIN data_sources d ON d.id = c.data_source_id
       WHERE chunk_fts MATCH ? AND c.workspace_id = ? AND c.agent_id = ?
       ORDER BY score, c.rowid LIMIT ?`,
    ).all(ftsQuery, workspaceId, agentId, limit) as ChunkHit[];
    return Promise.resolve(rows);
  }

  countChunks(workspaceId: string, agentId: string): Promise<number> {
    return Promise.resolve(
      (
        this.stmt('SELECT COUNT(*) AS n FROM chunks WHERE workspace_id = ? AND agent_id = ?').get(
          workspaceId,
          agentId,
        ) as { n: number }
      ).n,
    );
  }

  insertSuggestion(s: SuggestionRow): Promise<void> {
    this.insert('suggestions', s);
    return Promise.resolve();
  }

  getSuggestion(workspaceId: string, id: string): Promise<SuggestionRow | undefined> {
    return Promise.resolve(
      this.fromDb<SuggestionRow>(
        'suggestions',
        this.get('SELECT * FROM suggestions WHERE workspace_id = ? AND id = ?', workspaceId, id),
      ),
    );
  }

  listSuggestions(
    workspaceId: string,
    agentId: string,
    from: number | null,
    to: number | null,
    offset: number,
    limit: number,
  ): Promise<Paged<SuggestionRow>> {
    const where = 'workspace_id = ? AND agent_id = ? AND dismissed = 0 AND created_at >= ? AND created_at <= ?';
    const params = [workspaceId, agentId, from ?? 0, to ?? Number.MAX_SAFE_INTEGER];
    const items = this.many<SuggestionRow>(
      'suggestions',
      this.stmt(`SELECT * FROM suggestions WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`).all(
        ...params,
        limit,
        offset,
      ),
    );
    const total = (this.stmt(`SELECT COUNT(*) AS n FROM suggestions WHERE ${where}`).get(...params) as { n: number }).n;
    return Promise.resolve({ items, total });
  }

  dismissSuggestion(workspaceId: string, id: string): Promise<boolean> {
    const res = this.stmt('UPDATE suggestions SET dismissed = 1 WHERE workspace_id = ? AND id = ?').run(
      workspaceId,
      id,
    );
    return Promise.resolve(res.changes > 0);
  }

  insertView(view: ViewRow): Promise<void> {
    this.insert('views', view);
    return Promise.resolve();
  }

  getView(workspaceId: string, id: string): Promise<ViewRow | undefined> {
    return Promise.resolve(
      this.fromDb<ViewRow>('views', this.get('SELECT * FROM views WHERE workspace_id = ? AND id = ?', workspaceId, id)),
    );
  }

  listViews(
    workspaceId: string,
    agentId: string,
    search: string | null,
    offset: number,
    limit: number,
  ): Promise<Paged<ViewRow>> {
    const where = 'workspace_id = ? AND agent_id = ? AND instr(lower(name), lower(?)) > 0';
    const params = [workspaceId, agentId, search ?? ''];
    const items = this.many<ViewRow>(
      'views',
      this.stmt(`SELECT * FROM views WHERE ${where} ORDER BY created_at, id LIMIT ? OFFSET ?`).all(
        ...params,
        limit,
        offset,
      ),
    );
    const total = (this.stmt(`SELECT COUNT(*) AS n FROM views WHERE ${where}`).get(...params) as { n: number }).n;
    return Promise.resolve({ items, total });
  }

  insertCsat(row: CsatRow): Promise<void> {
    this.insert('csat', row);
    return Promise.resolve();
  }

  listCsat(workspaceId: string, agentId: string, from: number, to: number): Promise<CsatRow[]> {
    return Promise.resolve(
      this.many<CsatRow>(
        'csat',
        this.stmt(
          'SELECT * FROM csat WHERE workspace_id = ? AND agent_id = ? AND created_at >= ? AND created_at <= ? ORDER BY created_at DESC, id DESC',
        ).all(workspaceId, agentId, from, to),
      ),
    );
  }

  insertFunctionCall(row: FunctionCallRow): Promise<void> {
    this.insert('function_calls', row);
    return Promise.resolve();
  }

  listFunctionCalls(workspaceId: string, agentId: string, from: number, to: number): Promise<FunctionCallRow[]> {
    return Promise.resolve(
      this.many<FunctionCallRow>(
        'function_calls',
        this.stmt(
          'SELECT * FROM function_calls WHERE workspace_id = ? AND agent_id = ? AND created_at >= ? AND created_at <= ? ORDER BY created_at, id',
        ).all(workspaceId, agentId, from, to),
      ),
    );
  }

  getIdempotency(workspaceId: string, key: string): Promise<IdempotencyRow | undefined> {
    return Promise.resolve(
      this.fromDb<IdempotencyRow>(
        'idempotency',
        this.get('SELECT * FROM idempotency WHERE workspace_id = ? AND key = ?', workspaceId, key),
      ),
    );
  }

  putIdempotency(row: IdempotencyRow): Promise<void> {
    this.insert('idempotency', row);
    return Promise.resolve();
  }

  exportWorkspace(workspaceId: string): Promise<WorkspaceExport | undefined> {
    const ws = this.get('SELECT * FROM workspaces WHERE id = ?', workspaceId);
    if (!ws) return Promise.resolve(undefined);
    const tables: Record<string, Record<string, unknown>[]> = {};
    for (const table of EXPORT_TABLES) {
      const sql =
        table === 'workspaces'
          ? 'SELECT * FROM workspaces WHERE id = ?'
          : `SELECT * FROM ${table} WHERE workspace_id = ? ORDER BY rowid`;
      const rows = this.db.prepare(sql).all(workspaceId) as Row[];
      tables[table] = this.many<Record<string, unknown>>(table, rows);
    }
    return Promise.resolve({ format: EXPORT_FORMAT, version: 1, exportedAt: new Date().toISOString(), tables });
  }

  /**
   * Restores an export as a new workspace with the same ids (the CLI's `import`). The export is validated first
   * (`parseExport`); ids are global, so an export whose ids this database already holds is a conflict.
   */
  importWorkspace(data: unknown): Promise<string> {
    let parsed: ParsedExport;
    try {
      parsed = parseExport(data);
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new ImportFormatError(String(err)));
    }
    const workspaceId = parsed.workspace.id;
    if (this.get('SELECT 1 FROM workspaces WHERE id = ?', workspaceId)) {
      return Promise.reject(new ImportConflictError(`workspace ${workspaceId} already exists`));
    }
    const run = this.db.transaction(() => {
      this.insert('workspaces', parsed.workspace);
      for (const row of parsed.teamMembers) this.insert('team_members', row);
      for (const row of parsed.agents) this.insert('agents', row);
      for (const row of parsed.contacts) this.insert('contacts', row);
      for (const row of parsed.conversations) this.insert('conversations', row);
      for (const row of parsed.messages) this.insert('messages', row);
      for (const row of parsed.dataSources) {
        this.insert('data_sources', row);
        if (row.status === 'COMPLETED') this.insertChunks(row, chunkText(row.content, row.source));
      }
      for (const row of parsed.suggestions) this.insert('suggestions', row);
      for (const row of parsed.views) this.insert('views', row);
      for (const row of parsed.csat) this.insert('csat', row);
      for (const row of parsed.functionCalls) this.insert('function_calls', row);
      return workspaceId;
    });
    try {
      return Promise.resolve(run());
    } catch (err) {
      // Never pass SQLite's text on: name the problem, not the table internals.
      const code = err instanceof Error && 'code' in err ? String(err.code) : '';
      if (code.startsWith('SQLITE_CONSTRAINT')) {
        return Promise.reject(
          new ImportConflictError(
            'the export holds ids that this database already uses (import it into another database file)',
          ),
        );
      }
      return Promise.reject(new ImportFormatError('the export could not be imported'));
    }
  }

  integrityCheck(): Promise<string> {
    const rows = this.db.pragma('integrity_check') as { integrity_check: string }[];
    return Promise.resolve(rows.map((r) => r.integrity_check).join('; '));
  }

  async close(): Promise<void> {
    // Let queued transactions finish (and commit) first.
    while (this.draining) await this.drained;
    if (this.db.open) this.db.close();
  }
}
