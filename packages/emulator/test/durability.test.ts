// A spawned emulator (the built bin, file database) is killed with SIGKILL in the middle of a stream of writes;
// after a restart the database is intact and every acknowledged write is there.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', 'dist', 'bin.js');
const KEY = 'durability-test-key-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'lcai-emulator-'));
const dbFile = join(dir, 'emulator.db');
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
}

async function start(): Promise<{ child: ChildProcess; url: string; stdout: () => string }> {
  const child = spawn(process.execPath, [BIN, '--port', '0', '--db', dbFile, '--api-key', KEY, '--quiet'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`emulator did not start: ${out}`));
    }, 15_000);
    const check = (): void => {
      const m = /listening on (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', () => {
      reject(new Error(`emulator exited: ${out}`));
    });
  });
  return { child, url, stdout: () => out };
}

describe('durability', () => {
  it('keeps every acknowledged write across a SIGKILL', async () => {
    const first = await start();
    const headers = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
    const acked: string[] = [];
    let stop = false;
    const writer = async (n: number): Promise<void> => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await fetch(`${first.url}/agents`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ name: `w${n}-${i}`, isLiveChatEnabled: true }),
          });
          if (res.status !== 200) throw new Error(`status ${res.status}`);
          const body = (await res.json()) as { data: { id: string } };
          if (!stop) acked.push(body.data.id);
        } catch {
          return;
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acked.length < 60) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await exited(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');
    // The key is printed once, on start, as the user's own local key; nothing else.
    expect(first.stdout().split(KEY)).toHaveLength(2);

    const db = new Database(dbFile);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const second = await start();
    for (const id of acked) {
      const res = await fetch(`${second.url}/agents/${id}`, { headers });
      expect(res.status, id).toBe(200);
    }
    second.child.kill('SIGTERM');
    await exited(second.child);
  });
});
