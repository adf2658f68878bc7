// Copies a validated workspace export into an existing workspace (the HTTP import route).
//
// Every row gets a fresh id (references are rewritten to match), so an import can never collide with rows of
// any workspace — and so its answer cannot reveal which ids exist. The export's owner becomes the workspace's
// owner; other team members are added. Agent slugs taken in the workspace get `-2`, `-3`, ….
import { chunkText } from '../answer/chunk.js';
import { newId } from '../internal/ids.js';
import type { ParsedExport } from '../store/export-format.js';
import type { MessageSourceRef, Store } from '../store/types.js';

export interface ImportCounts {
  teamMembers: number;
  agents: number;
  contacts: number;
  conversations: number;
  messages: number;
  dataSources: number;
  suggestions: number;
  views: number;
  csat: number;
  functionCalls: number;
}

/** Writes the copy; call inside a store transaction. */
export async function copyExportInto(store: Store, data: ParsedExport, workspaceId: string): Promise<ImportCounts> {
  const ws = workspaceId;
  const fresh = (prefix: string) => {
    const map = new Map<string, string>();
    return {
      map,
      add: (old: string, id = newId(prefix)): string => {
        map.set(old, id);
        return id;
      },
      get: (old: string): string => map.get(old) ?? old,
      opt: (old: string | null): string | null => (old === null ? null : (map.get(old) ?? old)),
    };
  };
  const members = fresh('user');
  const agents = fresh('agent');
  const contacts = fresh('contact');
  const conversations = fresh('chat');
  const messages = fresh('msg');
  const sources = fresh('ds');

  const existing = await store.listTeamMembers(ws);
  const owner = existing.find((m) => m.isOwner) ?? existing[0];
  let teamMembers = 0;
  for (const m of data.teamMembers) {
    if (m.isOwner && owner) {
      members.add(m.id, owner.id);
      continue;
    }
    await store.addTeamMember({ ...m, id: members.add(m.id), workspaceId: ws, isOwner: false });
    teamMembers++;
  }
  for (const a of data.agents) {
    let slug = a.slug;
    for (let i = 2; await store.slugTaken(ws, slug); i++) slug = `${a.slug}-${i}`;
    await store.insertAgent({ ...a, id: agents.add(a.id), workspaceId: ws, slug });
  }
  for (const c of data.contacts) {
    await store.insertContact({ ...c, id: contacts.add(c.id), workspaceId: ws, agentId: agents.get(c.agentId) });
  }
  for (const cv of data.conversations) {
    await store.insertConversation({
      ...cv,
      id: conversations.add(cv.id),
      workspaceId: ws,
      agentId: agents.get(cv.agentId),
      contactId: contacts.get(cv.contactId),
      assigneeId: members.opt(cv.assigneeId),
      resolvedBy: members.opt(cv.resolvedBy),
    });
  }
  // Data sources first get their new ids, so that the messages' `source[]` can point at them.
  for (const d of data.dataSources) sources.add(d.id);
  const sourceRef = (s: MessageSourceRef): MessageSourceRef => {
    const old = `ds_${s.id.replace(/^src_/, '')}`;
    const id = sources.map.get(old);
    return id === undefined ? s : { ...s, id: `src_${id.replace(/^ds_/, '')}` };
  };
  for (const m of data.messages) {
    await store.insertMessage({
      ...m,
      id: messages.add(m.id),
      workspaceId: ws,
      agentId: agents.get(m.agentId),
      conversationId: conversations.get(m.conversationId),
      memberId: members.opt(m.memberId),
      sources: m.sources.map(sourceRef),
    });
  }
  for (const d of data.dataSources) {
    const row = {
      ...d,
      id: sources.get(d.id),
      workspaceId: ws,
      agentId: agents.get(d.agentId),
      relatedMessageId: messages.opt(d.relatedMessageId),
    };
    await store.insertDataSource(row, row.status === 'COMPLETED' ? chunkText(row.content, row.source) : []);
  }
  for (const s of data.suggestions) {
    // a suggestion's id is its AI message's id
    await store.insertSuggestion({
      ...s,
      id: s.id === s.aiMessageId ? messages.get(s.aiMessageId) : newId('msg'),
      workspaceId: ws,
      agentId: agents.get(s.agentId),
      conversationId: conversations.get(s.conversationId),
      userMessageId: messages.get(s.userMessageId),
      aiMessageId: messages.get(s.aiMessageId),
    });
  }
  for (const v of data.views) {
    const rules = v.query.rules.map((r) => (r.field === 'assignee' ? { ...r, value: members.get(r.value) } : r));
    await store.insertView({
      ...v,
      id: newId('view'),
      workspaceId: ws,
      agentId: agents.get(v.agentId),
      query: { ...v.query, rules },
    });
  }
  for (const r of data.csat) {
    await store.insertCsat({
      ...r,
      id: newId('csat'),
      workspaceId: ws,
      agentId: agents.get(r.agentId),
      conversationId: conversations.opt(r.conversationId),
      memberId: members.opt(r.memberId),
    });
  }
  for (const f of data.functionCalls)
    await store.insertFunctionCall({ ...f, id: newId('fn'), workspaceId: ws, agentId: agents.get(f.agentId) });

  return {
    teamMembers,
    agents: data.agents.length,
    contacts: data.contacts.length,
    conversations: data.conversations.length,
    messages: data.messages.length,
    dataSources: data.dataSources.length,
    suggestions: data.suggestions.length,
    views: data.views.length,
    csat: data.csat.length,
    functionCalls: data.functionCalls.length,
  };
}
