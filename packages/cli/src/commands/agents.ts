import type { Agent } from 'livechatai';
import type { Context } from '../internal/context.js';
import type { Column } from '../internal/output.js';
import { CliError, ExitCode } from '../internal/exit-codes.js';
import { promptLine, requireConfirmation } from '../internal/prompt.js';
import { callOptions, createSdk, listBatches, pageQuery } from '../internal/sdk.js';

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
  await ctx.printList(listBatches(ctx, sdk.agents.list(pageQuery(opts, 'limit'), callOptions(ctx)), opts), columns);
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

export async function remove(ctx: Context, [id]: string[], opts: Record<string, unknown>): Promise<void> {
  const agentId = id ?? '';
  requireConfirmation(ctx, opts, `agent ${agentId}`);
  const sdk = await createSdk(ctx);
  if (opts.yes !== true && !ctx.dryRun) {
    const agent = await sdk.agents.retrieve(agentId, {}, callOptions(ctx));
    ctx.note(`This permanently deletes the agent "${agent.name}" (${agent.id}).`);
    const typed = await promptLine(`Type the agent's name to confirm: `, ctx.stdin, process.stderr);
    if (typed !== agent.name) throw new CliError('the name did not match; nothing was deleted', ExitCode.usage);
  }
  const result = await sdk.agents.delete(agentId, callOptions(ctx));
  if (ctx.json) await ctx.printRecord(result);
  else await ctx.say(`deleted agent ${agentId}`);
}
export { remove as delete };
