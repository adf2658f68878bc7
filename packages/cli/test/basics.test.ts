import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertNeverPrinted, isolatedHome, packageDir, runCli } from './helpers/cli.js';

const home = isolatedHome();
afterAll(() => {
  assertNeverPrinted('k-usage-0123456789');
  assertNeverPrinted('dry-run-secret-key-0123456789');
});

const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;

describe('livechatai (no server needed)', () => {
  it('prints the version from package.json', async () => {
    for (const flag of ['--version', '-V']) {
      const r = await runCli([flag], home);
      expect(r).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it('lists every command group and the exit codes in --help', async () => {
    const r = await runCli(['--help'], home);
    expect(r.code).toBe(0);
    for (const group of [
      'agents|chatbots',
      'contacts',
      'conversations',
      'messages',
      'data-sources',
      'ai-suggestions',
      'analytics',
      'chat',
      'login',
      'logout',
      'config',
      'completion',
    ]) {
      expect(r.stdout).toContain(group);
    }
    expect(r.stdout).toMatch(
      /Exit codes:[\s\S]*2 +usage[\s\S]*3 +authentication[\s\S]*4 +not found[\s\S]*5 +rate limited[\s\S]*130 +interrupted/,
    );
  });

  it('exits 2 with one clear stderr line on bad usage', async () => {
    const cases = [
      ['agents', 'lst'],
      ['agents', 'get'],
      ['contacts', 'list', '--agent', 'a', '--limit', 'lots'],
      ['conversations', 'export', '--agent', 'a', '--format', 'xml'],
      ['data-sources', 'add-file', 'notes.docx', '--agent', 'a'],
      ['completion', 'tcsh'],
      ['nope'],
    ];
    for (const args of cases) {
      const r = await runCli(args, home, { env: { LIVECHATAI_API_KEY: 'k-usage-0123456789' } });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr).toMatch(/^livechatai: /);
    }
  });

  it("shows a group's help on stderr with exit 2 when its command is missing", async () => {
    const r = await runCli(['contacts'], home);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: livechatai contacts');
    const help = await runCli(['help', 'contacts'], home);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('import [options] <file>');
  });

  it('exits 3 when no API key is configured', async () => {
    const r = await runCli(['agents', 'list'], home);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      'livechatai: no API key (profile "default"): run `livechatai login`, set LIVECHATAI_API_KEY or pass --api-key\n',
    );
  });

  it('prints completion scripts for bash, zsh, fish and PowerShell', async () => {
    const bash = await runCli(['completion', 'bash'], home);
    expect(bash.code).toBe(0);
    expect(bash.stdout).toContain('complete -o default -F _livechatai livechatai');
    const zsh = await runCli(['completion', 'zsh'], home);
    expect(zsh.code).toBe(0);
    expect(zsh.stdout.startsWith('#compdef livechatai')).toBe(true);
    const fish = await runCli(['completion', 'fish'], home);
    expect(fish.code).toBe(0);
    expect(fish.stdout).toContain('complete -c livechatai -f');
    const pwsh = await runCli(['completion', 'powershell'], home);
    expect(pwsh.code).toBe(0);
    expect(pwsh.stdout).toContain('Register-ArgumentCompleter -Native -CommandName livechatai');
  });

  it('--dry-run prints a curl line with the key masked and sends nothing (no server is running)', async () => {
    const key = 'dry-run-secret-key-0123456789';
    const r = await runCli(
      ['--dry-run', 'data-sources', 'add-qa', '--agent', 'ag_1', '--question', "What's up?", '--answer', 'All good'],
      home,
      { env: { LIVECHATAI_API_KEY: key, LIVECHATAI_BASE_URL: 'http://127.0.0.1:9/api/v2' } },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^curl -X POST http:\/\/127\.0\.0\.1:9\/api\/v2\/data-sources\/qa -H "Authorization: Bearer \$LIVECHATAI_API_KEY" .*--data-raw '\{"agentId":"ag_1","question":"What'\\''s up\?","answer":"All good"\}'\n$/,
    );
    expect(r.stdout + r.stderr).not.toContain(key);
  });

  it('--dry-run on an import prints one curl line per valid row and reports the invalid ones', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = join(home, 'dry.csv');
    writeFileSync(file, 'distinctId,name,plan\nu1,Ann,pro\n,No Id,free\nu3,Cy,\n');
    const r = await runCli(['--dry-run', 'contacts', 'import', file, '--agent', 'ag_1'], home, {
      env: { LIVECHATAI_API_KEY: 'dry-run-secret-key-0123456789', LIVECHATAI_BASE_URL: 'http://127.0.0.1:9/api/v2' },
    });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(
      `--data-raw '{"agentId":"ag_1","distinctId":"u1","name":"Ann","attributes":{"plan":"pro"}}'`,
    );
    expect(lines[1]).toContain(`--data-raw '{"agentId":"ag_1","distinctId":"u3","name":"Cy"}'`);
    expect(r.stderr).toContain('row 2 (line 3): distinctId is missing');
    expect(r.stderr).toContain('dry run: 2 requests shown, 1 invalid rows');
  });
});
