import type { Context } from '../internal/context.js';
import { callOptions, createSdk, pick } from '../internal/sdk.js';

function period(opts: Record<string, unknown>) {
  return {
    agentId: String(opts.agent),
    startDate: String(opts.startDate),
    endDate: String(opts.endDate),
    ...(typeof opts.timezone === 'string' ? { timezone: opts.timezone } : {}),
  };
}

export async function overview(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  await ctx.printRecord(await sdk.analytics.overview(period(opts), callOptions(ctx)));
}

export async function agent(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  await ctx.printRecord(
    await sdk.analytics.agent({ ...period(opts), ...pick(opts, { user: 'userId' }) }, callOptions(ctx)),
  );
}

export async function aiFunctions(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  await ctx.printRecord(await sdk.analytics.aiFunctions(period(opts), callOptions(ctx)));
}

export async function csat(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  const params = { ...period(opts), ...pick(opts, { page: 'page', pageSize: 'pageSize' }) };
  await ctx.printRecord(await sdk.analytics.csat(params, callOptions(ctx)));
}

export async function sentiments(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  await ctx.printRecord(await sdk.analytics.sentiments(period(opts), callOptions(ctx)));
}

export async function topics(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  const params = { ...period(opts), ...(opts.allTopics === true ? { showAllTopics: true } : {}) };
  await ctx.printRecord(await sdk.analytics.topics(params, callOptions(ctx)));
}
