// Bulk import (5,000 CSV rows with injected 429s and 503s) and streaming export, through the built binary.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '@livechatai/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNeverPrinted, isolatedHome, json, runCli } from './helpers/cli.js';

const KEY = 'lcai-test-import-key-93b1f0e2d4c6a8';
let emu: Emulator;
const home = isolatedHome();
let env: Record<string, string>;
const accessLog: string[] = [];

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the parsed shape
async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${emu.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as T };
}

async function allContacts(agentId: string): Promise<{ id: string; distinctId: string; name: string | null }[]> {
  const out: { id: string; distinctId: string; name: string | null }[] = [];
  for (let page = 1; ; page++) {
    const { json: body } = await api<{
      data: { id: string; distinctId: string; name: string | null }[];
      pages: { hasNext: boolean };
    }>('GET', `/contacts?agentId=${agentId}&limit=100&page=${String(page)}`);
    out.push(...body.data);
    if (!body.pages.hasNext) return out;
  }
}

beforeAll(async () => {
  emu = await startEmulator({
    port: 0,
    db: ':memory:',
    apiKey: KEY,
    faults: true,
    streamDelayMs: 0,
    logger: (line) => accessLog.push(line),
  });
  env = { LIVECHATAI_API_KEY: KEY, LIVECHATAI_BASE_URL: emu.url };
});

afterAll(async () => {
  await emu.close();
  assertNeverPrinted(KEY);
});

describe('contacts import', () => {
  it('imports 5,000 CSV rows through 429s and 503s with exact created/updated/failed counts', async () => {
    const { json: agent } = await api<{ data: { id: string } }>('POST', '/agents', {
      name: 'Import Bot',
      isLiveChatEnabled: false,
    });
    const agentId = agent.data.id;

    // 20 contacts exist before the import: their rows count as updated.
    for (let i = 0; i < 20; i++)
      await api('POST', '/contacts', { agentId, distinctId: `user-${String(i)}`, name: 'Before' });

    // 5,000 rows: user-0 … user-4983 (user-0…19 already exist), 5 repeats of earlier rows, 5 invalid rows
    // (3 without a distinctId, 1 with an extra column, 1 whose name the server rejects), 6 more new rows.
    const lines = ['distinctId,name,email,plan'];
    const expectedNames = new Map<string, string>();
    const invalidRows: number[] = [];
    const add = (line: string): number => lines.push(line) - 1;
    const addValid = (distinctId: string, name: string, email = ''): void => {
      add(`${distinctId},${name},${email},free`);
      expectedNames.set(distinctId, name);
    };
    for (let i = 0; i < 4984; i++) addValid(`user-${String(i)}`, `Name ${String(i)}`, `user${String(i)}@example.com`);
    for (let d = 0; d < 5; d++) addValid(`user-${String(100 + d)}`, `Renamed ${String(d)}`);
    invalidRows.push(add(',No Id,noid@example.com,free'));
    invalidRows.push(add(',,,'));
    invalidRows.push(add(' ,Blank Id,,free'));
    invalidRows.push(add('user-cols,Too,many,columns,here'));
    invalidRows.push(add(`user-longname,${'x'.repeat(250)},long@example.com,free`));
    for (let i = 0; i < 6; i++) addValid(`user-tail-${String(i)}`, `Tail ${String(i)}`);
    expect(lines).toHaveLength(5001);
    const file = join(home, 'contacts.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const jsonlFile = join(home, 'missing.jsonl');
    writeFileSync(jsonlFile, `${JSON.stringify({ distinctId: 'user-ghost', contactId: 'contact_does_not_exist' })}\n`);

    // Arm the faults: the next POST /contacts answers (after this primer) get 10 × 429 and 10 × 503.
    await api(
      'POST',
      '/contacts',
      { agentId, distinctId: 'primer' },
      { 'x-emulator-fault': 'status=429;retry-after=0;count=11' },
    );
    await api('POST', '/contacts', { agentId, distinctId: 'primer' }, { 'x-emulator-fault': 'status=503;count=11' });

    const reportFile = join(home, 'failed.ndjson');
    const r = await runCli(
      ['--json', 'contacts', 'import', file, '--agent', agentId, '--concurrency', '8', '--report', reportFile],
      home,
      {
        env,
        timeoutMs: 170_000,
      },
    );
    expect(r.code, r.stderr).toBe(1); // some rows failed
    const summary = json<{
      total: number;
      created: number;
      updated: number;
      failed: number;
      failures: { row: number; error: string }[];
    }>(r);
    expect(summary).toMatchObject({ total: 5000, created: 4964 + 6, updated: 20 + 5, failed: 5 });
    expect(summary.failures.map((f) => f.row)).toEqual(invalidRows);
    expect(summary.failures.map((f) => f.error)).toEqual([
      'distinctId is missing',
      'distinctId is missing',
      'distinctId is missing',
      'expected 4 columns, found 5',
      expect.stringMatching(/name/i),
    ]);
    expect(readFileSync(reportFile, 'utf8').trim().split('\n')).toHaveLength(5);

    // The injected faults were really met (and retried): 11 of each status, one of them by each primer.
    const contactPosts = accessLog.filter((l) => l.startsWith('POST /api/v2/contacts '));
    expect(contactPosts.filter((l) => l.includes(' 429 '))).toHaveLength(11);
    expect(contactPosts.filter((l) => l.includes(' 503 '))).toHaveLength(11);

    const stored = await allContacts(agentId);
    const byDistinct = new Map(stored.map((c) => [c.distinctId, c]));
    for (const [distinctId, name] of expectedNames) expect(byDistinct.get(distinctId)?.name, distinctId).toBe(name);
    expect(stored.filter((c) => c.distinctId !== 'primer')).toHaveLength(expectedNames.size);

    // JSONL, human output: a 404 row is reported on stderr with its row number.
    const ghost = await runCli(['contacts', 'import', jsonlFile, '--agent', agentId], home, { env });
    expect(ghost.code).toBe(1);
    expect(ghost.stdout).toBe('1 rows: 0 created, 0 updated, 1 failed\n');
    expect(ghost.stderr).toMatch(/^row 1 \(line 1, distinctId user-ghost\): .*not found/im);
  }, 180_000);
});

describe('contacts import, interrupted', () => {
  it('stops on Ctrl-C, reports what was done and exits 130', async () => {
    const { json: agent } = await api<{ data: { id: string } }>('POST', '/agents', {
      name: 'Interrupted Bot',
      isLiveChatEnabled: false,
    });
    const agentId = agent.data.id;
    const file = join(home, 'slow.csv');
    writeFileSync(file, `distinctId\n${Array.from({ length: 200 }, (_, i) => `slow-${String(i)}`).join('\n')}\n`);
    // Every contact write of this key now takes 150 ms (the primer is the first of them).
    await api(
      'POST',
      '/contacts',
      { agentId, distinctId: 'slow-primer' },
      { 'x-emulator-fault': 'latency=150;count=1000' },
    );

    let signal: (name: NodeJS.Signals) => void = () => undefined;
    const runner = runCli(['--json', 'contacts', 'import', file, '--agent', agentId, '--concurrency', '2'], home, {
      env,
      timeoutMs: 60_000,
      onSpawn: (send) => (signal = send),
    });
    // Once a few contacts are written, press Ctrl-C.
    for (;;) {
      const stored = await allContacts(agentId);
      if (stored.filter((c) => c.distinctId !== 'slow-primer').length >= 4) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    signal('SIGINT');
    const r = await runner;
    expect(r.code).toBe(130);
    const summary = json<{ total: number; created: number; updated: number; failed: number; notProcessed: number }>(r);
    expect(summary.total).toBe(200);
    expect(summary.notProcessed).toBeGreaterThan(0);
    expect(summary.created + summary.updated + summary.failed + summary.notProcessed).toBe(200);
    expect(summary.failed).toBe(0);
    // Requests that were in flight when Ctrl-C came may still have been committed by the server.
    const stored = (await allContacts(agentId)).filter(
      (c) => c.distinctId.startsWith('slow-') && c.distinctId !== 'slow-primer',
    );
    expect(stored.length).toBeGreaterThanOrEqual(summary.created);
    expect(stored.length).toBeLessThanOrEqual(summary.created + 2);
    // with --json the error is a JSON object on stderr
    expect(JSON.parse(r.stderr.trim().split('\n').at(-1) ?? '')).toEqual({
      error: { message: 'interrupted', code: 'interrupted', exitCode: 130 },
    });
  }, 90_000);
});

describe('conversations export', () => {
  let agentId: string;
  const ids: string[] = [];

  beforeAll(async () => {
    const { json: agent } = await api<{ data: { id: string } }>('POST', '/agents', {
      name: 'Export Bot',
      isLiveChatEnabled: false,
    });
    agentId = agent.data.id;
    for (let i = 0; i < 7; i++) {
      const { json: sent } = await api<{ data: { conversationId: string } }>('POST', '/conversations', {
        agentId,
        question: `Question number ${String(i)}, "quoted", with commas`,
      });
      ids.push(sent.data.conversationId);
    }
  });

  it('streams every page as JSONL to stdout', async () => {
    const r = await runCli(
      ['conversations', 'export', '--agent', agentId, '--format', 'jsonl', '--page-size', '3'],
      home,
      { env },
    );
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string });
    expect(rows.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(r.stderr).toBe(''); // progress only on a TTY
  });

  it('writes CSV to --out, with messages in JSONL on request, and honours --limit', async () => {
    const out = join(home, 'export.csv');
    const r = await runCli(
      ['conversations', 'export', '--agent', agentId, '--format', 'csv', '--out', out, '--page-size', '2'],
      home,
      { env },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const csv = readFileSync(out, 'utf8').trim().split('\n');
    expect(csv[0]).toBe(
      'id,isResolved,isStarred,isMuted,isAgent,integrationType,contactId,contactDistinctId,contactName,contactEmail,contactPhone,contactAttributes,assigneeId,assigneeName,lastMessageDate,createdAt,updatedAt',
    );
    expect(
      csv
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual([...ids].sort());

    const full = await runCli(
      ['conversations', 'export', '--agent', agentId, '--with-messages', '--limit', '4', '--page-size', '3'],
      home,
      { env },
    );
    const rows = full.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { messages: { content: string }[] });
    expect(rows).toHaveLength(4);
    for (const c of rows) expect(c.messages.length).toBe(2);
    expect(rows[0]?.messages[0]?.content).toMatch(/^Question number \d, "quoted", with commas$/);
  });
});
