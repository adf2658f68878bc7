import type { Message, SendMessageParams } from 'livechatai';
import type { Context } from '../internal/context.js';
import type { Column } from '../internal/output.js';
import { toNdjsonLine, write } from '../internal/output.js';
import { callOptions, createSdk, pick } from '../internal/sdk.js';

const columns: Column<Message>[] = [
  { header: 'id', get: (m) => m.id },
  { header: 'role', get: (m) => m.role },
  { header: 'type', get: (m) => m.type },
  { header: 'created', get: (m) => m.createdAt },
  { header: 'content', get: (m) => m.content },
];

export const sendFlagMap: Record<string, string> = {
  conversation: 'conversationId',
  contact: 'contactId',
  messageType: 'messageType',
  ip: 'ip',
  country: 'country',
  responseFormat: 'responseFormat',
  integrationType: 'integrationType',
};

export async function send(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  const params = {
    agentId: String(opts.agent),
    question: String(opts.question),
    ...pick(opts, sendFlagMap),
  } as SendMessageParams;
  if (opts.stream !== true) {
    const result = await sdk.messages.send(params, callOptions(ctx));
    if (ctx.json) await ctx.printRecord(result);
    else {
      await write(ctx.stdout, `${result.response}\n`);
      ctx.note(ctx.errPaint.dim(`conversation ${result.conversationId}  contact ${result.contactId}`));
    }
    return;
  }
  const stream = await sdk.messages.stream(params, callOptions(ctx));
  for await (const event of stream) {
    if (ctx.json) await write(ctx.stdout, toNdjsonLine({ event: event.event, data: event.data }));
    else if (event.event === 'delta') await write(ctx.stdout, event.data.text);
    else {
      await write(ctx.stdout, '\n');
      ctx.note(ctx.errPaint.dim(`conversation ${event.data.conversationId}  contact ${event.data.contactId}`));
    }
  }
}

export async function list(ctx: Context, [id]: string[]): Promise<void> {
  const sdk = await createSdk(ctx);
  const messages = await sdk.messages.list(id ?? '', callOptions(ctx));
  await ctx.printList(messages, columns);
}
