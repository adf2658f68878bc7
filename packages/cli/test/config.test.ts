// login / logout / config show and the settings precedence, through the built binary.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '@livechatai/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNeverPrinted, isolatedHome, json, runCli } from './helpers/cli.js';

const KEY = 'lcai-test-config-key-2b8d6f0a4c1e93';
let emu: Emulator;
let otherKey: string;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, db: ':memory:', apiKey: KEY });
  otherKey = (await emu.createWorkspace({ name: 'Other' })).apiKey;
});

afterAll(async () => {
  await emu.close();
  assertNeverPrinted(KEY);
  assertNeverPrinted(otherKey);
});

describe('login / logout / config show', () => {
  it('verifies a key from stdin, stores it with mode 0600 under XDG_CONFIG_HOME, and masks it', async () => {
    const home = isolatedHome();
    const r = await runCli(['login', '--base-url', emu.url], home, { input: `${KEY}\n` });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const file = join(home, '.config', 'livechatai', 'config.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, '.config', 'livechatai')).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      profiles: { default: { apiKey: KEY, baseURL: emu.url } },
    });

    const show = await runCli(['config', 'show'], home);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`lca…${KEY.slice(-4)}`);
    expect(show.stdout).toMatch(/apiKeySource\tprofile/); // a pipe: tab-separated

    // the stored profile is used by later commands
    const agents = await runCli(['--json', 'agents', 'list'], home);
    expect(agents.code, agents.stderr).toBe(0);
    expect(json(agents)).toEqual([]);

    const out = await runCli(['logout'], home);
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('profile "default" removed');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ profiles: {} });
    expect((await runCli(['agents', 'list'], home)).code).toBe(3);
  });

  it('refuses a wrong key and stores nothing', async () => {
    const home = isolatedHome();
    const r = await runCli(['login', '--base-url', emu.url], home, { input: 'lcai-not-a-real-key-000000\n' });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`livechatai: the API key was refused by ${emu.url}; nothing was stored\n`);
    const show = json<{ profiles: object }>(await runCli(['--json', 'config', 'show'], home));
    expect(show.profiles).toEqual({});
  });

  it('keeps named profiles apart and applies flags > environment > profile', async () => {
    const home = isolatedHome();
    expect((await runCli(['login', '--base-url', emu.url], home, { input: KEY })).code).toBe(0);
    expect((await runCli(['--profile', 'other', 'login', '--base-url', emu.url], home, { input: otherKey })).code).toBe(
      0,
    );

    const mine = await runCli(['--json', 'agents', 'create', '--name', 'Mine'], home);
    expect(mine.code, mine.stderr).toBe(0);
    const listFor = async (args: string[], env: Record<string, string> = {}): Promise<string[]> => {
      const r = await runCli(['--json', ...args, 'agents', 'list'], home, { env });
      expect(r.code, r.stderr).toBe(0);
      return json<{ name: string }[]>(r).map((a) => a.name);
    };
    expect(await listFor([])).toEqual(['Mine']);
    expect(await listFor(['--profile', 'other'])).toEqual([]);
    expect(await listFor([], { LIVECHATAI_PROFILE: 'other' })).toEqual([]);
    // the environment key beats the default profile…
    expect(await listFor([], { LIVECHATAI_API_KEY: otherKey })).toEqual([]);
    // …an explicit --profile flag beats the environment, and --api-key beats everything
    expect(await listFor(['--profile', 'default'], { LIVECHATAI_API_KEY: otherKey })).toEqual(['Mine']);
    expect(await listFor(['--api-key', KEY], { LIVECHATAI_PROFILE: 'other' })).toEqual(['Mine']);

    // a wrong base URL in the environment is overridden by the flag
    const r = await runCli(['--json', '--base-url', emu.url, 'agents', 'list'], home, {
      env: { LIVECHATAI_BASE_URL: 'http://127.0.0.1:9/api/v2' },
    });
    expect(r.code, r.stderr).toBe(0);

    const show = json<{ profiles: Record<string, { apiKey: string }> }>(
      await runCli(['--json', 'config', 'show'], home),
    );
    expect(Object.keys(show.profiles).sort()).toEqual(['default', 'other']);
    expect(JSON.stringify(show)).not.toContain(KEY);
  });

  it('scrubs a key passed with --api-key from error output', async () => {
    const home = isolatedHome();
    const r = await runCli(['--api-key', KEY, '--base-url', emu.url, 'agents', 'get', 'missing-agent'], home);
    expect(r.code).toBe(4);
    expect(r.stderr).not.toContain(KEY);
  });

  it('logs requests to stderr with LIVECHATAI_LOG, keeping stdout clean and the key out', async () => {
    const home = isolatedHome();
    const quiet = await runCli(['--json', '--api-key', KEY, '--base-url', emu.url, 'agents', 'list'], home);
    expect(quiet.stderr).toBe('');
    const r = await runCli(['--json', '--api-key', KEY, '--base-url', emu.url, 'agents', 'list'], home, {
      env: { LIVECHATAI_LOG: 'debug' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expect.any(Array));
    expect(r.stderr).toMatch(/livechatai: debug: \[livechatai\] → GET \/api\/v2\/agents #1/);
    expect(r.stderr).toMatch(/"authorization":"\[redacted\]"/);
    expect(r.stderr).toMatch(/← 200 GET \/api\/v2\/agents #1/);
    expect(r.stderr).not.toContain(KEY);
  });
});
