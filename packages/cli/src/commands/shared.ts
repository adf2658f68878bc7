// Table columns, flag mappings and output files shared by several command groups.
import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { ConversationSummary } from 'livechatai';
import { CliError, ExitCode } from '../internal/exit-codes.js';
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

/** Opens an export's --out file as a stream (errors surface through the write callbacks and closeOut). */
export async function openOut(path: string): Promise<Writable> {
  try {
    const handle = await open(path, 'w');
    const stream = handle.createWriteStream();
    stream.on('error', () => undefined);
    return stream;
  } catch (error) {
    throw new CliError(
      `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      ExitCode.other,
    );
  }
}

/** Ends an --out stream once everything is flushed. */
export function closeOut(out: Writable): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    out.end((error?: Error | null) => {
      if (error) reject(error);
      else resolve();
    });
  });
}
