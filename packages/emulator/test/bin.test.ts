// The built bin: flags, the start banner (the one place a key is printed), export and import subcommands.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', 'dist', 'bin.js');
const dir = mkdtempSync(join(tmpdir(), 'lcai-emulator-bin-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function startAndStop(args: string[]): Promise<{ out: string; err: string; url: string; key: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const [url, key] = await new Promise<[string, string]>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)\nAPI key: (\S+)/.exec(out);
      if (m?.[1] && m[2]) resolve([m[1], m[2]]);
    });
    child.once('exit', () => {
      reject(new Error(`exited early: ${out}${err}`));
    });
  });
  const res = await fetch(`${url}/agents`, { headers: { authorization: `Bearer ${key}` } });
  expect(res.status).toBe(200);
  await res.arrayBuffer();
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  return { out, err, url, key };
}

describe('livechatai-emulator bin', () => {
  it('prints help and rejects bad flags with exit code 2', async () => {
    const help = await run(process.execPath, [BIN, '--help']);
    expect(help.stdout).toContain('--rate-limit');
    expect(help.stdout).toContain('--allow-private-urls');
    const bad = await run(process.execPath, [BIN, '--port', 'abc']).catch(
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(bad).toMatchObject({ code: 2 });
    expect((bad as { stderr: string }).stderr).toContain('--port');
    const unknown = await run(process.execPath, [BIN, '--nope']).catch((e: unknown) => e as { code: number });
    expect(unknown).toMatchObject({ code: 2 });
  });

  it('starts with a file database, prints the URL and the key once, and logs requests without the key', async () => {
    const db = join(dir, 'a.db');
    const first = await startAndStop(['--port', '0', '--db', db, '--seed', 'demo']);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2$/);
    expect(first.out.split(first.key)).toHaveLength(2);
    expect(first.err).toContain('GET /api/v2/agents 200');
    expect(first.err).not.toContain(first.key);
    // A restart without --api-key keeps the data and mints a fresh key.
    const second = await startAndStop(['--port', '0', '--db', db, '--quiet']);
    expect(second.key).not.toBe(first.key);
    expect(second.err).toBe('');
  });

  it('exports a workspace and imports it into another database', async () => {
    const db = join(dir, 'b.db');
    await startAndStop(['--port', '0', '--db', db, '--seed', 'demo', '--api-key', 'bin-test-key-123', '--quiet']);
    const out = join(dir, 'export.json');
    await run(process.execPath, [BIN, 'export', '--db', db, '--out', out]);
    const data = JSON.parse(readFileSync(out, 'utf8')) as { format: string; tables: { agents: unknown[] } };
    expect(data.format).toBe('livechatai-emulator-workspace');
    expect(data.tables.agents).toHaveLength(3);
    expect(readFileSync(out, 'utf8')).not.toContain('bin-test-key-123');
    const stdout = (await run(process.execPath, [BIN, 'export', '--db', db])).stdout;
    expect(JSON.parse(stdout)).toMatchObject({ format: 'livechatai-emulator-workspace' });

    const target = join(dir, 'c.db');
    const imported = await run(process.execPath, [
      BIN,
      'import',
      '--db',
      target,
      '--in',
      out,
      '--api-key',
      'imported-key-123',
    ]);
    expect(imported.stdout).toContain('Imported workspace');
    expect(imported.stdout).not.toContain('imported-key-123');
    const again = await startAndStop(['--port', '0', '--db', target, '--api-key', 'imported-key-123', '--quiet']);
    expect(again.key).toBe('imported-key-123');
    const missing = await run(process.execPath, [BIN, 'export', '--db', join(dir, 'missing.db')]).catch(
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(missing).toMatchObject({ code: 2 });
    const dup = await run(process.execPath, [BIN, 'import', '--db', target, '--in', out]).catch(
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(dup).toMatchObject({ code: 1 });
  });
});
