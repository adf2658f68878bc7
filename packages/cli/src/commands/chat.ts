// `livechatai chat <agentId>`: an interactive chat whose answers stream as they arrive, rendered as Markdown on
// a terminal. Ctrl-C while an answer streams aborts that request; Ctrl-C again (at the prompt) exits with 130.
// While the chat is open, the conversation is polled so a team member's reply shows up too. However the chat
// ends, the conversation id is printed on stderr.
import { clearLine, createInterface, cursorTo } from 'node:readline';
import type { Message, MessageStream, SendMessageParams } from 'livechatai';
import type { Context } from '../internal/context.js';
import { CliError, ExitCode } from '../internal/exit-codes.js';
import { MarkdownStream } from '../internal/markdown.js';
import { colorEnabled, toNdjsonLine, write } from '../internal/output.js';
import { createSdk } from '../internal/sdk.js';

interface ChatState {
  conversationId: string | undefined;
  contactId: string | undefined;
}

type TurnResult = 'done' | 'stopped';

const HELP = `/help  this list
/new   start a new conversation
/exit  leave (Ctrl-D, or Ctrl-C twice, too)
Ctrl-C while an answer streams stops it.`;

/** Roles the AI's own messages carry; anything else that is not the visitor is a person on the team. */
const AI_ROLES = new Set(['assistant', 'ai', 'bot', 'system']);

export function isTeamMessage(m: Pick<Message, 'role' | 'agent'>): boolean {
  return m.role !== 'user' && (m.agent !== null || !AI_ROLES.has(m.role.toLowerCase()));
}

export async function chat(ctx: Context, [agentId]: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  const state: ChatState = {
    conversationId: typeof opts.conversation === 'string' ? opts.conversation : undefined,
    contactId: typeof opts.contact === 'string' ? opts.contact : undefined,
  };
  const p = ctx.paint;
  const interactive = ctx.stdin.isTTY && ctx.stdout.isTTY === true;
  const markdown = interactive && !ctx.json && opts.responseFormat !== 'PLAIN';

  // The conversation id, once, on stderr: at the end of the chat, or on any exit (an error, Ctrl-C twice).
  let reported = false;
  const report = (): void => {
    if (reported || ctx.json || state.conversationId === undefined) return;
    reported = true;
    ctx.stderr.write(`${ctx.errPaint.dim(`conversation ${state.conversationId}`)}\n`);
  };
  process.on('exit', report);

  // Ids of the messages already shown (the visitor's questions and the answers streamed here).
  const seen = new Set<string>();
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
    const onOuterAbort = (): void => {
      controller.abort();
    };
    signal.addEventListener('abort', onOuterAbort, { once: true });
    current = { controller };
    const label = p.cyan('agent> ');
    const md = markdown
      ? new MarkdownStream({
          columns: ctx.stdout.columns ?? 80,
          rows: (ctx.stdout as { rows?: number }).rows ?? 24,
          color: colorEnabled(ctx.stdout, ctx.env, ctx.globals.color),
          label,
        })
      : undefined;
    let wroteText = false;
    const finish = async (stopped: boolean): Promise<void> => {
      if (ctx.json) return;
      const end = md ? md.end() : '\n';
      if (stopped) await write(ctx.stdout, `${md ? end : wroteText ? '\n' : ''}${p.dim('[answer stopped]')}\n`);
      else await write(ctx.stdout, end);
    };
    try {
      const stream = await sdk.messages.stream(params, { signal: controller.signal });
      current.stream = stream;
      if (controller.signal.aborted) stream.abort();
      if (!ctx.json) await write(ctx.stdout, md ? md.start() : label);
      for await (const event of stream) {
        if (ctx.json) await write(ctx.stdout, toNdjsonLine({ event: event.event, data: event.data }));
        if (event.event === 'delta') {
          wroteText = true;
          if (!ctx.json) await write(ctx.stdout, md ? md.push(event.data.text) : event.data.text);
        } else {
          state.conversationId = event.data.conversationId;
          state.contactId = event.data.contactId;
          seen.add(event.data.messageId);
          seen.add(event.data.responseMessageId);
        }
      }
      await finish(controller.signal.aborted);
      return controller.signal.aborted ? 'stopped' : 'done';
    } catch (error) {
      if (controller.signal.aborted) {
        await finish(true);
        return 'stopped';
      }
      throw error;
    } finally {
      signal.removeEventListener('abort', onOuterAbort);
      current = undefined;
    }
  };

  try {
    if (typeof opts.once === 'string') {
      const result = await turn(opts.once, ctx.signal);
      if (result === 'stopped') throw new CliError('interrupted', ExitCode.interrupted);
      return;
    }
    await session(ctx, sdk, { agentId: agentId ?? '', state, seen, interactive, opts, turn, current: () => current });
  } finally {
    process.off('exit', report);
    report();
  }
}

interface SessionDeps {
  agentId: string;
  state: ChatState;
  seen: Set<string>;
  interactive: boolean;
  opts: Record<string, unknown>;
  turn: (question: string, signal: AbortSignal) => Promise<TurnResult>;
  current: () => { controller: AbortController; stream?: MessageStream } | undefined;
}

async function session(ctx: Context, sdk: Awaited<ReturnType<typeof createSdk>>, deps: SessionDeps): Promise<void> {
  const { state, seen, interactive, turn } = deps;
  const p = ctx.paint;
  const dim = ctx.errPaint.dim;

  let agentName: string | undefined;
  if (interactive) {
    agentName = (await sdk.agents.retrieve(deps.agentId, {}, { signal: ctx.signal })).name;
    if (state.conversationId !== undefined) {
      // an existing conversation: what is already in it is not news
      const existing = await sdk.conversations.retrieve(state.conversationId, { signal: ctx.signal });
      for (const m of existing.messages) seen.add(m.id);
    }
  }

  const rl = createInterface({ input: ctx.stdin, output: ctx.stdout, terminal: interactive, prompt: p.bold('you> ') });
  const ended = { exitRequested: false, closed: false };
  rl.on('close', () => {
    ended.closed = true;
  });
  let armed = false; // a Ctrl-C happened and nothing was typed since: the next one exits
  rl.on('SIGINT', () => {
    const current = deps.current();
    if (current) {
      current.controller.abort();
      current.stream?.abort();
      armed = true;
      return;
    }
    if (armed) {
      ended.exitRequested = true;
      rl.close();
      return;
    }
    armed = true;
    rl.write(null, { ctrl: true, name: 'u' });
    ctx.stderr.write(`\n${dim('(Ctrl-C again or Ctrl-D to exit)')}\n`);
    rl.prompt();
  });
  const onProcessSigint = (): void => {
    const current = deps.current();
    if (current) current.controller.abort();
    else {
      ended.exitRequested = true;
      rl.close();
    }
  };
  ctx.signal.addEventListener('abort', onProcessSigint);

  // A team member's reply: printed above the prompt, keeping what the visitor was typing.
  const showTeamMessage = (m: Message): void => {
    if (ctx.json) {
      ctx.stdout.write(toNdjsonLine({ event: 'message', data: m }));
      return;
    }
    clearLine(ctx.stdout, 0);
    cursorTo(ctx.stdout, 0);
    const who = m.agent?.name ? `${m.agent.name} (team)` : 'team';
    ctx.stdout.write(`${p.green(`${who}> `)}${m.content}\n`);
    if (!ended.closed) rl.prompt(true);
  };
  const pollMs = typeof deps.opts.pollInterval === 'number' ? deps.opts.pollInterval : 2000;
  const pollController = new AbortController();
  let polling = false;
  const poll = async (): Promise<void> => {
    const id = state.conversationId;
    if (polling || id === undefined || deps.current() !== undefined) return;
    polling = true;
    try {
      const conversation = await sdk.conversations.retrieve(id, {
        signal: pollController.signal,
        maxRetries: 0,
        timeout: 10_000,
      });
      // an answer that started streaming meanwhile is not a team message: wait for its ids
      if (deps.current() !== undefined || state.conversationId !== id) return;
      for (const m of conversation.messages) {
        if (seen.has(m.id)) continue;
        seen.add(m.id);
        if (isTeamMessage(m)) showTeamMessage(m);
      }
    } catch {
      // polling is best effort: a failed poll is retried at the next tick
    } finally {
      polling = false;
    }
  };
  const timer = interactive && pollMs > 0 ? setInterval(() => void poll(), pollMs) : undefined;

  if (interactive) {
    const name = agentName ? `${agentName} (${deps.agentId})` : deps.agentId;
    ctx.stderr.write(
      dim(`Chatting with ${name}. /help for commands; Ctrl-C stops an answer, Ctrl-C twice or /exit leaves.\n`),
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
      if (question === '/help') {
        ctx.stderr.write(`${dim(HELP)}\n`);
        if (interactive) rl.prompt();
        continue;
      }
      if (question === '/new') {
        state.conversationId = undefined;
        ctx.stderr.write(dim('(new conversation)\n'));
        if (interactive) rl.prompt();
        continue;
      }
      if (/^\/[a-z]+$/.test(question)) {
        ctx.stderr.write(dim(`unknown command ${question}; /help lists them\n`));
        if (interactive) rl.prompt();
        continue;
      }
      const result = await turn(question, ctx.signal);
      if (result === 'stopped' && !interactive) {
        ended.exitRequested = true;
        break;
      }
      if (ended.exitRequested) break;
      if (interactive) rl.prompt();
    }
  } finally {
    if (timer) clearInterval(timer);
    pollController.abort();
    ctx.signal.removeEventListener('abort', onProcessSigint);
    rl.close();
  }
  if (interactive) ctx.stdout.write('\n');
  if (ended.exitRequested) throw new CliError('interrupted', ExitCode.interrupted);
}
