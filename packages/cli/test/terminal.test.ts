// What only a terminal shows, under tmux: login offering the local emulator, the import progress bar, the list
// table fitted to 80 columns, and deletes that ask first.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

const KEY = 'lcai-test-terminal-key-4d2a8c6e1f0b97';
let emu: Emulator;
const home = isolatedHome();
let env: Record<string, string>;
let term: Terminal;
let api: ApiClient['data'];

const createAgent = async (name: string): Promise<string> =>
  (await api<{ id: string }>('POST', '/agents', { name, isLiveChatEnabled: false })).id;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, db: ':memory:', apiKey: KEY, streamDelayMs: 0 });
  api = apiClient(emu.url, KEY).data;
  env = { LIVECHATAI_API_KEY: KEY, LIVECHATAI_BASE_URL: emu.url };
  term = terminal('term', home, env);
});

afterAll(async () => {
  term.kill();
  await emu.close();
  assertNeverPrinted(KEY);
});

describe('login under a terminal', () => {
  it('offers the local emulator, asks for the key without echoing it, and stores both', async () => {
    // no base URL anywhere: login looks for an emulator (here on the test's port instead of 4010)
    term.start('login', ['login'], {
      LIVECHATAI_API_KEY: undefined,
      LIVECHATAI_BASE_URL: undefined,
      LIVECHATAI_EMULATOR_URL: emu.url,
    });
    const offer = await term.waitFor('login', (s) => s.includes('Use the emulator? [Y/n]'), 'the emulator offer');
    expect(offer).toContain(`A local LiveChatAI emulator answers at ${emu.url}`);
    term.keys('login', 'Enter');
    await term.waitFor('login', (s) => s.includes('API key for profile "default":'), 'the key prompt');
    term.sendLine('login', KEY);
    const screen = await term.waitFor('login', (s) => s.includes('EXIT='), 'login to finish');
    transcript.push(screen);
    expect(screen).toContain('EXIT=0');
    expect(screen).toContain(`Logged in for ${emu.url}: profile "default" (key lca…${KEY.slice(-4)})`);
    expect(screen).not.toContain(KEY);
    // the stored URL is used without any environment
    const show = json<{ apiKey: string; apiKeySource: string; baseURL: string; baseURLSource: string }>(
      await runCli(['--json', 'config', 'show'], home),
    );
    expect(show).toMatchObject({
      apiKey: `lca…${KEY.slice(-4)}`,
      apiKeySource: 'profile',
      baseURL: emu.url,
      baseURLSource: 'profile',
    });
  });

  it('asks for the API URL when no emulator answers', async () => {
    const other = isolatedHome();
    const t = terminal('term2', other, {});
    try {
      t.start('url', ['login'], { LIVECHATAI_EMULATOR_URL: 'http://127.0.0.1:1/api/v2' });
      await t.waitFor('url', (s) => s.includes('API URL [https://app.livechatai.com/api/v2]:'), 'the URL prompt');
      t.sendLine('url', emu.url);
      await t.waitFor('url', (s) => s.includes('API key for profile "default":'), 'the key prompt');
      t.sendLine('url', KEY);
      const screen = await t.waitFor('url', (s) => s.includes('EXIT='), 'login to finish');
      expect(screen).toContain('EXIT=0');
      expect(json<{ baseURL: string }>(await runCli(['--json', 'config', 'show'], other)).baseURL).toBe(emu.url);
    } finally {
      t.kill();
    }
  });
});

describe('tables on a terminal', () => {
  it('fits 80 columns (cells cut with …, no line wraps), dates relative, first 30 rows and a hint', async () => {
    for (let i = 0; i < 32; i++) {
      await createAgent(`Support agent number ${String(i)} for the billing and shipping questions of every customer`);
    }
    term.start('table', ['agents', 'list'], {}, { width: 80 });
    const screen = await term.waitFor('table', (s) => s.includes('EXIT='), 'the list');
    const lines = screen.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('EXIT='));
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^ID +NAME +LANGUAGE +LIVE CHAT +ARCHIVED +CREATED$/);
    const rows = lines.filter((l) => /^cl\w+ /.test(l));
    expect(rows).toHaveLength(30);
    for (const row of rows)
      expect(row).toMatch(/^cl\w{10,} {2}Support agent[^…]*… +en +false +false +(just now|\d+ minutes? ago)$/);
    expect(screen).toContain('(the first 30 rows; --limit <n> or --all for more)');
    expect(screen).toContain('EXIT=0');
  });
});

describe('deletes ask first on a terminal', () => {
  it('deletes an agent only when its name is typed', async () => {
    const id = await createAgent('Doomed Bot');
    term.start('del1', ['agents', 'delete', id]);
    await term.waitFor('del1', (s) => s.includes("Type the agent's name to confirm:"), 'the question');
    expect(term.screen('del1')).toContain(`This permanently deletes the agent "Doomed Bot" (${id}).`);
    term.sendLine('del1', 'Doomed');
    const refused = await term.waitFor('del1', (s) => s.includes('EXIT='), 'the refusal');
    expect(refused).toContain('the name did not match; nothing was deleted');
    expect(refused).toContain('EXIT=2');
    expect((await runCli(['agents', 'get', id], home, { env })).code).toBe(0);

    term.start('del2', ['agents', 'delete', id]);
    await term.waitFor('del2', (s) => s.includes("Type the agent's name to confirm:"), 'the question');
    term.sendLine('del2', 'Doomed Bot');
    const done = await term.waitFor('del2', (s) => s.includes('EXIT='), 'the delete');
    expect(done).toContain(`deleted agent ${id}`);
    expect(done).toContain('EXIT=0');
    expect((await runCli(['agents', 'get', id], home, { env })).code).toBe(4);
  });

  it('deletes data sources after a yes', async () => {
    const agentId = await createAgent('Knowledge Bot');
    const added = await runCli(
      ['--json', 'data-sources', 'add-text', '--agent', agentId, '--title', 'Old', '--content', 'Old text.'],
      home,
      { env },
    );
    const ds = json<{ id: string }>(added);
    term.start('del3', ['data-sources', 'delete', '--agent', agentId, '--source', 'TEXT', '--id', ds.id]);
    await term.waitFor(
      'del3',
      (s) => s.includes(`Delete 1 TEXT data source (${ds.id}) of agent ${agentId}? [y/N]`),
      'the question',
    );
    term.sendLine('del3', 'y');
    const done = await term.waitFor('del3', (s) => s.includes('EXIT='), 'the delete');
    expect(done).toContain('EXIT=0');
    expect(
      json<unknown[]>(await runCli(['--json', 'data-sources', 'list', '--agent', agentId], home, { env })),
    ).toEqual([]);
  });
});

describe('progress on a terminal', () => {
  it('draws the import progress bar with the rate, and the summary', async () => {
    const agentId = await createAgent('Import Bot');
    const file = join(home, 'tty.csv');
    writeFileSync(
      file,
      `distinctId,name\n${Array.from({ length: 30 }, (_, i) => `tty-${String(i)},T ${String(i)}`).join('\n')}\n`,
    );
    term.start('import', ['contacts', 'import', file, '--agent', agentId]);
    const screen = await term.waitFor('import', (s) => s.includes('EXIT='), 'the import to finish');
    transcript.push(screen);
    expect(screen).toMatch(/importing \[#{24}\] 30\/30 100% {2}[\d.]+\/s {2}created 30 updated 0 failed 0/);
    expect(screen).toContain('30 rows: 30 created, 0 updated, 0 failed');
    expect(screen).toContain('EXIT=0');
  });
});
