// The interactive chat under a real pseudo-terminal (tmux): Markdown answers, Ctrl-C aborting a slow answer,
// a team member's reply showing up while the chat is open; plus `--once` and piped questions.
import { startEmulator, type Emulator } from '@livechatai/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClient,
  type ApiClient,
  assertNeverPrinted,
  isolatedHome,
  json,
  runCli,
  transcript,
} from './helpers/cli.js';
import { terminal, type Terminal } from './helpers/tmux.js';

const KEY = 'lcai-test-chat-key-7c3e9a1b5d2f40';
let emu: Emulator;
const home = isolatedHome();
let agentId: string;
let env: Record<string, string>;
let term: Terminal;
let api: ApiClient['data'];

beforeAll(async () => {
  emu = await startEmulator({ port: 0, db: ':memory:', apiKey: KEY, streamDelayMs: 120 });
  api = apiClient(emu.url, KEY).data;
  env = { LIVECHATAI_API_KEY: KEY, LIVECHATAI_BASE_URL: emu.url };
  term = terminal('chat', home, env);
  agentId = (await api<{ id: string }>('POST', '/agents', { name: 'Chat Bot', isLiveChatEnabled: true })).id;
  await api('POST', '/data-sources/qa', {
    agentId,
    question: 'Can I get a refund?',
    answer: 'Refunds are possible within 30 days.',
  });
});

afterAll(async () => {
  term.kill();
  await emu.close();
  assertNeverPrinted(KEY);
});

describe('chat', () => {
  it('streams answers, stops one with Ctrl-C, continues the conversation, and exits on a second Ctrl-C', async () => {
    term.start('chat', ['chat', agentId]);
    const banner = await term.waitFor('chat', (s) => /you> $/m.test(s), 'the first prompt');
    expect(banner).toContain(`Chatting with Chat Bot (${agentId}).`);

    term.sendLine('chat', '/help');
    await term.waitFor('chat', (s) => s.includes('/new   start a new conversation'), 'the command list');

    // the answer is Markdown ("**Can I get a refund?**\n\nRefunds…"), rendered: no asterisks, indented under the label
    term.sendLine('chat', 'Can I get a refund?');
    const first = await term.waitFor(
      'chat',
      (s) => s.includes('Refunds are possible within 30 days.') && s.trimEnd().endsWith('you>'),
      'the first answer',
    );
    expect(first).toContain('agent> Can I get a refund?\n\n       Refunds are possible within 30 days.');
    expect(first).not.toContain('**');

    // A slow, out-of-context answer (24 deltas, 120 ms apart): stop it after the first words.
    term.sendLine('chat', 'Do you sell quantum flux capacitors?');
    await term.waitFor('chat', (s) => s.includes("agent> I'm sorry"), 'the second answer to start');
    term.keys('chat', 'C-c');
    const stopped = await term.waitFor('chat', (s) => s.includes('[answer stopped]'), 'the answer to stop');
    expect(stopped).not.toContain('help you with this question.');
    await new Promise((r) => setTimeout(r, 1500));
    expect(term.screen('chat')).not.toContain('help you with this question.');

    term.sendLine('chat', 'Can I get a refund?');
    await term.waitFor(
      'chat',
      (s) => (s.match(/Refunds are possible within 30 days\./g) ?? []).length >= 2 && s.trimEnd().endsWith('you>'),
      'the third answer and the next prompt',
    );

    term.keys('chat', 'C-c');
    await term.waitFor('chat', (s) => s.includes('(Ctrl-C again or Ctrl-D to exit)'), 'the exit hint');
    term.keys('chat', 'C-c');
    const end = await term.waitFor('chat', (s) => s.includes('EXIT='), 'the chat to exit');
    transcript.push(end);
    expect(end).toContain('EXIT=130');
    expect(end).toMatch(/conversation chat_\w+/);

    // One conversation holds all three questions.
    const conversations = json<{ id: string }[]>(
      await runCli(['--json', 'conversations', 'list', '--agent', agentId], home, { env }),
    );
    expect(conversations).toHaveLength(1);
    expect(end).toContain(`conversation ${conversations[0]?.id ?? ''}`);
    const messages = json<{ role: string; content: string }[]>(
      await runCli(['--json', 'messages', 'list', conversations[0]?.id ?? ''], home, { env }),
    );
    const questions = messages.filter((m) => m.role === 'user').map((m) => m.content);
    expect(questions).toEqual(['Can I get a refund?', 'Do you sell quantum flux capacitors?', 'Can I get a refund?']);
  });

  it('answers one question with --once, as text or as NDJSON events', async () => {
    const text = await runCli(['chat', agentId, '--once', 'Can I get a refund?', '--response-format', 'PLAIN'], home, {
      env,
    });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Refunds are possible within 30 days.');
    const events = await runCli(['--json', 'chat', agentId, '--once', 'Can I get a refund?'], home, { env });
    const parsed = events.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string });
    expect(parsed.at(-1)?.event).toBe('done');
    expect(parsed.slice(0, -1).every((e) => e.event === 'delta')).toBe(true);
  });

  it('reads questions from a pipe, one per line, in one conversation', async () => {
    const r = await runCli(['chat', agentId], home, { env, input: 'Can I get a refund?\nThanks!\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Refunds are possible within 30 days.');
    expect(r.stderr).toMatch(/conversation chat_\w+/);
  });

  it('exits 130 when Ctrl-C (SIGINT) interrupts a streamed message', async () => {
    let sent = false;
    const r = await runCli(
      ['messages', 'send', '--agent', agentId, '--question', 'Do you sell flux capacitors?', '--stream'],
      home,
      {
        env,
        onStdout: (_chunk, signal) => {
          if (!sent) {
            sent = true;
            signal('SIGINT');
          }
        },
      },
    );
    expect(r.code).toBe(130);
    expect(r.stdout).not.toContain('help you with this question.');
    expect(r.stderr).toBe('livechatai: interrupted\n');
  });
});

describe('a team member in the conversation', () => {
  it('shows a human reply while the chat is open, keeping what the visitor is typing', async () => {
    const humanAgent = (await api<{ id: string }>('POST', '/agents', { name: 'Handoff Bot', isLiveChatEnabled: true }))
      .id;
    await api('POST', '/data-sources/qa', {
      agentId: humanAgent,
      question: 'Can I talk to a person?',
      answer: 'A team member will join shortly.',
    });
    term.start('human', ['chat', humanAgent, '--poll-interval', '300', '--response-format', 'PLAIN']);
    await term.waitFor('human', (s) => /you> $/m.test(s), 'the prompt');
    term.sendLine('human', 'Can I talk to a person?');
    await term.waitFor(
      'human',
      (s) => s.includes('A team member will join shortly.') && s.trimEnd().endsWith('you>'),
      'the answer',
    );
    term.type('human', 'half a sentence');

    // a team member replies through the API (POST /conversations/{id}/reply), as the dashboard would
    const [conversation] = json<{ id: string }[]>(
      await runCli(['--json', 'conversations', 'list', '--agent', humanAgent], home, { env }),
    );
    const id = conversation?.id ?? '';
    const reply = await runCli(['conversations', 'reply', id, '--message', 'Hi, Sam from support here.'], home, {
      env,
    });
    expect(reply.code, reply.stderr).toBe(0);
    const screen = await term.waitFor('human', (s) => s.includes('Hi, Sam from support here.'), 'the human reply');
    expect(screen).toMatch(/^(.+ \(team\)|team)> Hi, Sam from support here\.$/m);
    expect(screen.trimEnd()).toMatch(/you> half a sentence$/);
    // shown once, however many polls follow
    await new Promise((r) => setTimeout(r, 1000));
    expect(term.screen('human').match(/Sam from support/g)).toHaveLength(1);

    term.keys('human', 'C-u');
    term.sendLine('human', '/exit');
    const end = await term.waitFor('human', (s) => s.includes('EXIT='), 'the chat to end');
    transcript.push(end);
    expect(end).toContain(`conversation ${id}`);
    expect(end).toContain('EXIT=0');
  });
});
