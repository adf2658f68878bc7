// The interactive chat under a real pseudo-terminal (tmux), including Ctrl-C aborting a slow answer,
// plus the no-echo login prompt and the non-interactive `--once` mode.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '@livechatai/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNeverPrinted, baseEnv, binPath, isolatedHome, json, runCli, transcript } from './helpers/cli.js';

const KEY = 'lcai-test-chat-key-7c3e9a1b5d2f40';
const SOCKET = `lc-cli-test-${String(process.pid)}`;
let emu: Emulator;
const home = isolatedHome();
let agentId: string;
let env: Record<string, string>;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
}

function pane(session: string): string {
  return tmux('capture-pane', '-p', '-J', '-t', session, '-S', '-200');
}

async function waitFor(session: string, test: (screen: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const screen = pane(session);
    if (test(screen)) return screen;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}; screen:\n${screen}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function startSession(session: string, args: string[]): void {
  const vars = { ...baseEnv(home), LIVECHATAI_BASE_URL: emu.url, TERM: 'xterm-256color', NO_COLOR: '1' };
  const quoted = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = `${[process.execPath, binPath, ...args].map(quoted).join(' ')}; echo "EXIT=$?"; sleep 120`;
  tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', ...Object.entries(vars).flatMap(([k, v]) => ['-e', `${k}=${v}`]), command);
}

const sendText = (session: string, text: string): void => {
  tmux('send-keys', '-t', session, '-l', text);
  tmux('send-keys', '-t', session, 'Enter');
};

beforeAll(async () => {
  emu = await startEmulator({ port: 0, db: ':memory:', apiKey: KEY, streamDelayMs: 120 });
  env = { LIVECHATAI_BASE_URL: emu.url };
  const res = await fetch(`${emu.url}/agents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Chat Bot', isLiveChatEnabled: true }),
  });
  agentId = ((await res.json()) as { data: { id: string } }).data.id;
  await fetch(`${emu.url}/data-sources/qa`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ agentId, question: 'Can I get a refund?', answer: 'Refunds are possible within 30 days.' }),
  });
});

afterAll(async () => {
  try {
    tmux('kill-server');
  } catch {
    // no server left
  }
  await emu.close();
  assertNeverPrinted(KEY);
});

describe('login under a terminal', () => {
  it('asks for the key without echoing it and stores it', async () => {
    startSession('login', ['login']);
    await waitFor('login', (s) => s.includes('API key for profile "default":'), 'the prompt');
    sendText('login', KEY);
    const screen = await waitFor('login', (s) => s.includes('EXIT='), 'login to finish');
    transcript.push(screen);
    expect(screen).toContain('EXIT=0');
    expect(screen).toContain(`Logged in: profile "default" (key lca…${KEY.slice(-4)})`);
    expect(screen).not.toContain(KEY);
    const show = json<{ apiKey: string; apiKeySource: string }>(await runCli(['--json', 'config', 'show'], home, { env }));
    expect(show).toMatchObject({ apiKey: `lca…${KEY.slice(-4)}`, apiKeySource: 'profile' });
  });
});

describe('chat', () => {
  it('streams answers, stops one with Ctrl-C, continues the conversation, and exits on a second Ctrl-C', async () => {
    startSession('chat', ['chat', agentId]);
    await waitFor('chat', (s) => /you> $/m.test(s), 'the first prompt');

    sendText('chat', 'Can I get a refund?');
    await waitFor('chat', (s) => s.includes('Refunds are possible within 30 days.') && s.trimEnd().endsWith('you>'), 'the first answer');

    // A slow, out-of-context answer (24 deltas, 120 ms apart): stop it after the first words.
    sendText('chat', 'Do you sell quantum flux capacitors?');
    await waitFor('chat', (s) => s.includes("agent> I'm sorry"), 'the second answer to start');
    tmux('send-keys', '-t', 'chat', 'C-c');
    const stopped = await waitFor('chat', (s) => s.includes('[answer stopped]'), 'the answer to stop');
    expect(stopped).not.toContain('help you with this question.');
    await new Promise((r) => setTimeout(r, 1500));
    expect(pane('chat')).not.toContain('help you with this question.');

    sendText('chat', 'Can I get a refund?');
    await waitFor(
      'chat',
      (s) => (s.match(/Refunds are possible within 30 days\./g) ?? []).length >= 2 && s.trimEnd().endsWith('you>'),
      'the third answer and the next prompt',
    );

    tmux('send-keys', '-t', 'chat', 'C-c');
    await waitFor('chat', (s) => s.includes('(Ctrl-C again or Ctrl-D to exit)'), 'the exit hint');
    tmux('send-keys', '-t', 'chat', 'C-c');
    const end = await waitFor('chat', (s) => s.includes('EXIT='), 'the chat to exit');
    transcript.push(end);
    expect(end).toContain('EXIT=130');
    expect(end).toMatch(/conversation chat_\w+/);

    // One conversation holds all three questions.
    const conversations = json<{ id: string }[]>(await runCli(['--json', 'conversations', 'list', '--agent', agentId], home, { env }));
    expect(conversations).toHaveLength(1);
    const messages = json<{ role: string; content: string }[]>(
      await runCli(['--json', 'messages', 'list', conversations[0]?.id ?? ''], home, { env }),
    );
    const questions = messages.filter((m) => m.role === 'user').map((m) => m.content);
    expect(questions).toEqual(['Can I get a refund?', 'Do you sell quantum flux capacitors?', 'Can I get a refund?']);
  });

  it('answers one question with --once, as text or as NDJSON events', async () => {
    const text = await runCli(['chat', agentId, '--once', 'Can I get a refund?', '--response-format', 'PLAIN'], home, { env });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Refunds are possible within 30 days.');
    const events = await runCli(['--json', 'chat', agentId, '--once', 'Can I get a refund?'], home, { env });
    const parsed = events.stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string });
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
    const r = await runCli(['messages', 'send', '--agent', agentId, '--question', 'Do you sell flux capacitors?', '--stream'], home, {
      env,
      onStdout: (_chunk, signal) => {
        if (!sent) {
          sent = true;
          signal('SIGINT');
        }
      },
    });
    expect(r.code).toBe(130);
    expect(r.stdout).not.toContain('help you with this question.');
    expect(r.stderr).toBe('livechatai: interrupted\n');
  });
});

describe('progress on a terminal', () => {
  it('draws the import progress bar and the summary (uses the profile stored by the login test)', async () => {
    const file = join(home, 'tty.csv');
    writeFileSync(file, `distinctId,name\n${Array.from({ length: 30 }, (_, i) => `tty-${String(i)},T ${String(i)}`).join('\n')}\n`);
    startSession('import', ['contacts', 'import', file, '--agent', agentId]);
    const screen = await waitFor('import', (s) => s.includes('EXIT='), 'the import to finish');
    transcript.push(screen);
    expect(screen).toContain('importing [########################] 30/30 100%  created 30 updated 0 failed 0');
    expect(screen).toContain('30 rows: 30 created, 0 updated, 0 failed');
    expect(screen).toContain('EXIT=0');
  });
});
