import type { AISuggestion } from 'livechatai';
import type { Context } from '../internal/context.js';
import type { Column } from '../internal/output.js';
import { callOptions, createSdk, listBatches, pageQuery, pick } from '../internal/sdk.js';

const columns: Column<AISuggestion>[] = [
  { header: 'id', get: (s) => s.id },
  { header: 'tag', get: (s) => s.evaluationTag },
  { header: 'question', get: (s) => s.userMessage.text },
  { header: 'gap', get: (s) => s.potentialGap },
  { header: 'created', get: (s) => s.createdAt },
];

export async function list(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  const params = {
    agentId: String(opts.agent),
    ...pick(opts, { startDate: 'startDate', endDate: 'endDate' }),
    ...pageQuery(opts, 'limit'),
  };
  const pages = sdk.aiSuggestions.list(params, callOptions(ctx));
  await ctx.printList(listBatches(ctx, pages, opts), columns);
}

export async function get(ctx: Context, [id]: string[]): Promise<void> {
  const sdk = await createSdk(ctx);
  await ctx.printRecord(await sdk.aiSuggestions.retrieve(id ?? '', callOptions(ctx)));
}

export async function dismiss(ctx: Context, [id]: string[]): Promise<void> {
  const sdk = await createSdk(ctx);
  const result = await sdk.aiSuggestions.dismiss(id ?? '', callOptions(ctx));
  if (ctx.json) await ctx.printRecord(result);
  else await ctx.say(`dismissed suggestion ${id ?? ''}`);
}
