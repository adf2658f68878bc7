// Table columns and flag mappings shared by several command groups.
import type { ConversationSummary } from 'livechatai';
import type { Column } from '../internal/output.js';

export const conversationColumns: Column<ConversationSummary>[] = [
  { header: 'id', get: (c) => c.id },
  { header: 'contact', get: (c) => c.contact?.name ?? c.contact?.email ?? c.contact?.distinctId ?? c.contact?.id },
  { header: 'channel', get: (c) => c.integrationType },
  { header: 'resolved', get: (c) => c.isResolved },
  { header: 'assignee', get: (c) => c.agent?.name },
  { header: 'last message', get: (c) => c.lastMessageDate },
];

/** CLI flag → API query parameter, for the conversation filters. */
export const conversationFilterMap: Record<string, string> = {
  sort: 'sort',
  status: 'status',
  startDate: 'startDate',
  endDate: 'endDate',
  assignee: 'assignee',
  sentiment: 'sentiment',
  topic: 'topic',
  channel: 'channel',
  resolution: 'resolution',
  view: 'viewId',
};
