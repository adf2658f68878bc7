// `livechatai chat <agentId>`: an interactive chat whose answers stream as they arrive.
// Ctrl-C while an answer streams aborts that request; Ctrl-C again (at the prompt) exits with 130.
import { createInterface } from 'node:readline';
import type { MessageStream, SendMessageParams } from 'livechatai';
import type { Context } from '../internal/context.js';
import { CliError, ExitCode } from '../internal/exit-codes.js';
import { toNdjsonLine, write } from '../internal/output.js';
import { createSdk } from '../internal/sdk.js';

interface ChatState {
  conversationId: string | undefined;
  contactId: string | undefined;
}

type TurnResult = 'done' | 'stopped';

export async function chat(ctx: Context, [agentId]: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  const state: ChatState = {
    conversationId: typeof opts.conversation === 'string' ? opts.conversation : undefined,
    contactId: typeof opts.contact === 'string' ? opts.contact : undefined,
  };
  const p = ctx.paint;

  let current: { controller: AbortController; stream?: MessageStream } | undefined;

  const turn = async (question: string, signal: AbortSignal): Promise<TurnResult> => {
    const params = {
      agentId: agentId ?? '',
      question,
      ...(state.conversationId ? { conversationId: state.conversationId } : {}),
      ...(state.contactId ? { contactId: state.contactId } : {}),
      ...(typeof opts.responseFormat === 'string' ? { responseFormat: opts.responseFormat } : {}),
    } as SendMessageParams;
    const controller = new AbortController();
    const onOuterAbort = (): void => { controller.abort(); };
    signal.addEventListener('abort', onOuterAbort, { once: true });
    current = { controller };
    let wroteText = false;
    try {
      const stream = await sdk.messages.stream(params, { signal: controller.signal });
      current.stream = stream;
      if (controller.signal.aborted) stream.abort();
      if (!ctx.json) await write(ctx.stdout, p.cyan('agent> '));
      for await (const event of stream) {
        if (ctx.json) {
          await write(ctx.stdout, toNdjsonLine({ event: event.event, data: event.data }));
          if (event.event === 'done') {
            state.conversationId = event.data.conversationId;
            state.contactId = event.data.contactId;
          }
        } else if (event.event === 'delta') {
          wroteText = true;
          await write(ctx.stdout, event.data.text);
        } else {
          state.conversationId = event.data.conversationId;
          state.contactId = event.data.contactId;
        }
      }
      if (controller.signal.aborted) {
        if (!ctx.json) await write(ctx.stdout, `${wroteText ? '\n' : ''}${p.dim('[answer stopped]')}\n`);
        return 'stopped';
      }
      if (!ctx.json) await write(ctx.stdout, '\n');
      return 'done';
    } catch (error) {
      if (controller.signal.aborted) {
        if (!ctx.json) await write(ctx.stdout, `${wroteText ? '\n' : ''}${p.dim('[answer stopped]')}\n`);
        return 'stopped';
      }
      throw error;
    } finally {
      signal.removeEventListener('abort', onOuterAbort);
      current = undefined;
    }
  };

  if (typeof opts.once === 'string') {
    const result = await turn(opts.once, ctx.signal);
    if (result === 'stopped') throw new CliError('interrupted', ExitCode.interrupted);
    if (!ctx.json && state.conversationId) ctx.note(p.dim(`conversation ${state.conversationId}`));
    return;
  }

  const interactive = ctx.stdin.isTTY && ctx.stdout.isTTY === true;
  const rl = createInterface({ input: ctx.stdin, output: ctx.stdout, terminal: interactive, prompt: p.bold('you> ') });
  const session = { exitRequested: false };
  let armed = false; // a Ctrl-C happened and nothing was typed since: the next one exits
  rl.on('SIGINT', () => {
    if (current) {
      current.controller.abort();
      current.stream?.abort();
      armed = true;
      return;
    }
    if (armed) {
      session.exitRequested = true;
      rl.close();
      return;
    }
    armed = true;
    rl.write(null, { ctrl: true, name: 'u' });
    ctx.stderr.write(`\n${ctx.errPaint.dim('(Ctrl-C again or Ctrl-D to exit)')}\n`);
    rl.prompt();
  });
  const onProcessSigint = (): void => {
    if (current) current.controller.abort();
    else {
      session.exitRequested = true;
      rl.close();
    }
  };
  ctx.signal.addEventListener('abort', onProcessSigint);

  if (interactive) {
    ctx.stderr.write(
      ctx.errPaint.dim(`Chatting with agent ${agentId ?? ''}. Ctrl-C stops an answer; Ctrl-C again or Ctrl-D exits; /new starts over.\n`),
    );
    rl.prompt();
  }
  try {
    for await (const line of rl) {
      const question = line.trim();
      if (question === '') {
        if (interactive) rl.prompt();
        continue;
      }
      armed = false;
      if (question === '/exit' || question === '/quit') break;
      if (question === '/new') {
        state.conversationId = undefined;
        ctx.stderr.write(ctx.errPaint.dim('(new conversation)\n'));
        if (interactive) rl.prompt();
        continue;
      }
      const result = await turn(question, ctx.signal);
      if (result === 'stopped' && !interactive) {
        session.exitRequested = true;
        break;
      }
      if (session.exitRequested) break;
      if (interactive) rl.prompt();
    }
  } finally {
    ctx.signal.removeEventListener('abort', onProcessSigint);
    rl.close();
  }
  if (interactive) ctx.stdout.write('\n');
  if (state.conversationId && !ctx.json) ctx.note(ctx.errPaint.dim(`conversation ${state.conversationId}`));
  if (session.exitRequested) throw new CliError('interrupted', ExitCode.interrupted);
}
