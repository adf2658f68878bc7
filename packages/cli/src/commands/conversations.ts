import type { Writable } from 'node:stream';
import type { ConversationSummary, ConversationView } from 'livechatai';
import type { Context } from '../internal/context.js';
import { usageError } from '../internal/exit-codes.js';
import { csvRow } from '../internal/csv.js';
import type { Column } from '../internal/output.js';
import { write } from '../internal/output.js';
import { ProgressBar } from '../internal/progress.js';
import { callOptions, createSdk, listBatches, pageBatches, pageQuery, pick } from '../internal/sdk.js';
import { closeOut, conversationColumns, conversationFilterMap, openOut } from './shared.js';

const viewColumns: Column<ConversationView>[] = [
  { header: 'id', get: (v) => v.id },
  { header: 'name', get: (v) => v.name },
  { header: 'rules', get: (v) => v.query },
  { header: 'created', get: (v) => v.createdAt },
];

export async function list(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  const params = {
    agentId: String(opts.agent),
    ...pick(opts, { ...conversationFilterMap, type: 'type' }),
    ...pageQuery(opts, 'perPage'),
  };
  const pages = sdk.conversations.list(params, callOptions(ctx));
  await ctx.printList(listBatches(ctx, pages, opts), conversationColumns);
}

export async function get(ctx: Context, [id]: string[]): Promise<void> {
  const sdk = await createSdk(ctx);
  const conversation = await sdk.conversations.retrieve(id ?? '', callOptions(ctx));
  if (ctx.json) {
    await ctx.printRecord(conversation);
    return;
  }
  const { messages, ...rest } = conversation;
  await ctx.printRecord(rest);
  await ctx.say('');
  for (const m of messages) {
    await ctx.say(`${ctx.paint.bold(`[${m.role}]`)} ${ctx.paint.dim(m.createdAt)}\n${m.content}\n`);
  }
}

export async function reply(ctx: Context, [id]: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  const params = { message: String(opts.message), ...pick(opts, { user: 'userId', messageType: 'messageType' }) };
  const result = await sdk.conversations.reply(id ?? '', params, callOptions(ctx));
  await ctx.printRecord(result);
}

export async function end(ctx: Context, [id]: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  const params = pick(opts, { user: 'userId' });
  const result = await sdk.conversations.end(id ?? '', params, callOptions(ctx));
  await ctx.printRecord(result);
}

export async function views(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  const params = { agentId: String(opts.agent), ...pick(opts, { search: 'search' }), ...pageQuery(opts, 'perPage') };
  const pages = sdk.conversations.listViews(params, callOptions(ctx));
  await ctx.printList(listBatches(ctx, pages, opts), viewColumns);
}

export const CSV_HEADER = [
  'id',
  'isResolved',
  'isStarred',
  'isMuted',
  'isAgent',
  'integrationType',
  'contactId',
  'contactDistinctId',
  'contactName',
  'contactEmail',
  'contactPhone',
  'contactAttributes',
  'assigneeId',
  'assigneeName',
  'lastMessageDate',
  'createdAt',
  'updatedAt',
];

function csvValues(c: ConversationSummary): unknown[] {
  return [
    c.id,
    c.isResolved,
    c.isStarred,
    c.isMuted,
    c.isAgent,
    c.integrationType,
    c.contact?.id,
    c.contact?.distinctId,
    c.contact?.name,
    c.contact?.email,
    c.contact?.phone,
    c.contact?.attributes,
    c.agent?.id,
    c.agent?.name,
    c.lastMessageDate,
    c.createdAt,
    c.updatedAt,
  ];
}

/** `conversations export`: walks every page and writes each conversation as it arrives (constant memory). */
export async function exportConversations(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const format = opts.format === 'csv' ? 'csv' : 'jsonl';
  const withMessages = opts.withMessages === true;
  if (withMessages && format === 'csv') throw usageError('--with-messages needs --format jsonl');
  const sdk = await createSdk(ctx, { noRetryBudget: true });
  const limit = typeof opts.limit === 'number' ? opts.limit : Infinity;
  const params = {
    agentId: String(opts.agent),
    ...pick(opts, { ...conversationFilterMap, type: 'type' }),
    perPage: typeof opts.pageSize === 'number' ? opts.pageSize : 100,
  };
  const out: Writable = typeof opts.out === 'string' ? await openOut(opts.out) : ctx.stdout;
  const bar = new ProgressBar(ctx.stderr, 'exporting');
  let count = 0;
  try {
    const first = await sdk.conversations.list(params, callOptions(ctx));
    const total = first.pageInfo.totalItems;
    if (total !== undefined) bar.setTotal(Math.min(total, limit));
    if (format === 'csv') await write(out, csvRow(CSV_HEADER));
    for await (const items of pageBatches(first, limit)) {
      for (const item of items) {
        if (format === 'csv') await write(out, csvRow(csvValues(item)));
        else if (withMessages) {
          const full = await sdk.conversations.retrieve(item.id, callOptions(ctx));
          await ctx.emit({ ...item, messages: full.messages }, out);
        } else await ctx.emit(item, out);
        count += 1;
        bar.update(count);
      }
    }
  } finally {
    bar.finish();
    if (out !== ctx.stdout) await closeOut(out);
  }
  if (typeof opts.out === 'string') ctx.note(`exported ${String(count)} conversations to ${opts.out}`);
}
export { exportConversations as export };
