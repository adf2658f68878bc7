import type { Agent } from 'livechatai';
import type { Context } from '../internal/context.js';
import type { Column } from '../internal/output.js';
import { callOptions, collectPages, createSdk, pageQuery } from '../internal/sdk.js';

const columns: Column<Agent>[] = [
  { header: 'id', get: (a) => a.id },
  { header: 'name', get: (a) => a.name },
  { header: 'language', get: (a) => a.language },
  { header: 'live chat', get: (a) => a.isLiveChatEnabled },
  { header: 'archived', get: (a) => a.isArchived },
  { header: 'created', get: (a) => a.createdAt },
];

export async function list(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  const items = await collectPages(sdk.agents.list(pageQuery(opts, 'limit'), callOptions(ctx)), opts);
  await ctx.printList(items, columns);
}

export async function get(ctx: Context, [id]: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  const agent = await sdk.agents.retrieve(id ?? '', opts.embed === true ? { isEmbed: true } : {}, callOptions(ctx));
  await ctx.printRecord(agent);
}

export async function create(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  const agent = await sdk.agents.create(
    {
      name: String(opts.name),
      isLiveChatEnabled: opts.liveChat === true,
      ...(typeof opts.imageSharing === 'boolean' ? { isImageSharingEnabled: opts.imageSharing } : {}),
    },
    callOptions(ctx),
  );
  await ctx.printRecord(agent);
}

export async function remove(ctx: Context, [id]: string[]): Promise<void> {
  const sdk = await createSdk(ctx);
  const result = await sdk.agents.delete(id ?? '', callOptions(ctx));
  if (ctx.json) await ctx.printRecord(result);
  else await ctx.say(`deleted agent ${id ?? ''}`);
}
export { remove as delete };
