// Every command group against a real emulator over loopback, through the built binary.
import { createServer, type Server } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { startEmulator, type Emulator } from '@livechatai/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNeverPrinted, isolatedHome, json, runCli, type RunResult } from './helpers/cli.js';
import { makePdf } from './helpers/make-pdf.js';

const KEY = 'lcai-test-resources-key-5f1d2c9a8b7e';
let emu: Emulator;
let page: Server;
let pageUrl: string;
const home = isolatedHome();
let env: Record<string, string>;

const cli = (...args: string[]): Promise<RunResult> => runCli(args, home, { env });
const ok = async <T = unknown>(...args: string[]): Promise<T> => {
  const r = await cli('--json', ...args);
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return json<T>(r);
};

beforeAll(async () => {
  emu = await startEmulator({ port: 0, db: ':memory:', apiKey: KEY, streamDelayMs: 1, allowPrivateUrls: true });
  env = { LIVECHATAI_API_KEY: KEY, LIVECHATAI_BASE_URL: emu.url };
  page = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      '<html><head><title>Opening hours</title></head><body><p>We are open Monday to Friday, 9 to 17.</p></body></html>',
    );
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${String((page.address() as AddressInfo).port)}/hours`;
});

afterAll(async () => {
  await emu.close();
  await new Promise((resolve) => page.close(resolve));
  assertNeverPrinted(KEY);
});

interface Agent {
  id: string;
  name: string;
  slug?: string;
}

describe('agents (alias chatbots)', () => {
  it('creates, lists across pages, retrieves by id and slug, deletes', async () => {
    const created = await ok<Agent>('agents', 'create', '--name', 'Paging Bot', '--live-chat');
    expect(created).toMatchObject({ name: 'Paging Bot', isLiveChatEnabled: true });
    for (const n of [1, 2, 3]) await ok('chatbots', 'create', '--name', `Extra ${String(n)}`);

    const all = await ok<Agent[]>('chatbots', 'list');
    expect(all.length).toBeGreaterThanOrEqual(4);
    const capped = await ok<Agent[]>('agents', 'list', '--limit', '3', '--page-size', '1');
    expect(capped.map((a) => a.id)).toEqual(all.slice(0, 3).map((a) => a.id));
    const second = await ok<Agent[]>('agents', 'list', '--page', '2', '--page-size', '1');
    expect(second.map((a) => a.id)).toEqual([all[1]?.id]);

    expect(await ok<Agent>('agents', 'get', created.id)).toMatchObject({ id: created.id, name: 'Paging Bot' });
    if (created.slug)
      expect(await ok<Agent>('agents', 'get', created.slug, '--embed')).toMatchObject({ id: created.id });

    await ok('agents', 'delete', created.id, '--yes');
    const gone = await cli('agents', 'get', created.id);
    expect(gone.code).toBe(4);
    expect(gone.stderr).toMatch(/^livechatai: .*not found.*\n$/i);
  });

  it('prints tab-separated rows, without a header, in a pipe', async () => {
    const r = await cli('agents', 'list', '--limit', '2');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines)
      expect(line).toMatch(/^cl\w+\t[^\t]+\ten\t(true|false)\t(true|false)\t\d{4}-\d\d-\d\dT[\d:.]+Z$/);
  });

  it('colours only when asked and never with NO_COLOR', async () => {
    // the note after an answer is dim (stderr); piped tables and records are plain text whatever the colour
    const id = (await ok<Agent[]>('agents', 'list', '--limit', '1'))[0]?.id ?? '';
    const send = ['messages', 'send', '--agent', id, '--question', 'Hello there'];
    const forced = await runCli(send, home, { env: { ...env, FORCE_COLOR: '1' } });
    expect(forced.stderr).toContain('\u001b[2mconversation ');
    const plain = await runCli(send, home, { env: { ...env, FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(plain.stdout + plain.stderr).not.toContain('\u001b[');
    const flag = await runCli(['--no-color', ...send], home, { env: { ...env, FORCE_COLOR: '1' } });
    expect(flag.stdout + flag.stderr).not.toContain('\u001b[');
  });
});

describe('knowledge, messages, conversations, contacts, suggestions, analytics', () => {
  let agentId: string;
  let conversationId: string;
  let contactId: string;

  beforeAll(async () => {
    agentId = (await ok<Agent>('agents', 'create', '--name', 'Knowledge Bot')).id;
  });

  it('adds and deletes data sources of every kind, extracting file text', async () => {
    const text = await ok<{ id: string; source: string }>(
      'data-sources',
      'add-text',
      '--agent',
      agentId,
      '--title',
      'Shipping',
      '--content',
      'Shipping takes three business days worldwide.',
    );
    expect(text.source).toBe('TEXT');
    const qa = await ok<{ source: string; isGeneratedByAI: boolean }>(
      'data-sources',
      'add-qa',
      '--agent',
      agentId,
      '--question',
      'Can I get a refund?',
      '--answer',
      'Refunds are possible within 30 days.',
      '--generated-by-ai',
    );
    expect(qa).toMatchObject({ source: 'QA', isGeneratedByAI: true });

    const pdfPath = join(home, 'warranty.pdf');
    writeFileSync(pdfPath, makePdf(['Warranty covers two years of repairs.']));
    const pdf = await ok<{ source: string; fileType: string; title: string; characters: number }>(
      'data-sources',
      'add-file',
      pdfPath,
      '--agent',
      agentId,
    );
    expect(pdf).toMatchObject({ source: 'PDF', fileType: 'pdf', title: 'warranty.pdf' });
    const htmlPath = join(home, 'about.html');
    writeFileSync(
      htmlPath,
      '<html><head><title>About</title></head><body><h1>About</h1><p>Founded in 2020.</p></body></html>',
    );
    expect(await ok('data-sources', 'add-file', htmlPath, '--agent', agentId)).toMatchObject({
      source: 'TEXT',
      title: 'About',
      fileType: null,
    });

    const url = await ok<{ source: string }>('data-sources', 'add-url', '--agent', agentId, '--url', pageUrl);
    expect(url.source).toBe('WEBSITE');

    const list = await ok<{ id: string; source: string; title: string; text?: string }[]>(
      'data-sources',
      'list',
      '--agent',
      agentId,
    );
    expect(list.map((d) => d.source).sort()).toEqual(['PDF', 'QA', 'TEXT', 'TEXT', 'WEBSITE']);
    const pdfs = await ok<{ text?: string }[]>('data-sources', 'list', '--agent', agentId, '--source', 'PDF');
    expect(pdfs).toHaveLength(1);
    expect(JSON.stringify(pdfs[0])).toContain('Warranty covers two years');

    const html = list.find((d) => d.title === 'About');
    const removed = await ok<{ deleted: string[]; notFound: string[] }>(
      'data-sources',
      'delete',
      '--agent',
      agentId,
      '--source',
      'TEXT',
      '--ids',
      html?.id ?? '',
      'ds_missing',
      '--yes',
    );
    expect(removed).toMatchObject({ deleted: [html?.id], notFound: ['ds_missing'] });
  });

  it('sends messages (plain and streamed) and continues a conversation', async () => {
    const first = await ok<{ conversationId: string; contactId: string; response: string }>(
      'messages',
      'send',
      '--agent',
      agentId,
      '--question',
      'How many business days does shipping take?',
      '--response-format',
      'PLAIN',
    );
    expect(first.response).toMatch(/three business days/i);
    conversationId = first.conversationId;
    contactId = first.contactId;

    const streamed = await cli(
      '--json',
      'messages',
      'send',
      '--agent',
      agentId,
      '--question',
      'Can I get a refund?',
      '--conversation',
      conversationId,
      '--stream',
    );
    expect(streamed.code).toBe(0);
    const events = streamed.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; data: { text?: string; conversationId?: string } });
    expect(events.length).toBeGreaterThan(2);
    expect(events.slice(0, -1).every((e) => e.event === 'delta')).toBe(true);
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { conversationId } });
    expect(
      events
        .slice(0, -1)
        .map((e) => e.data.text)
        .join(''),
    ).toMatch(/30 days/);

    const human = await cli(
      'messages',
      'send',
      '--agent',
      agentId,
      '--question',
      'Is there a warranty?',
      '--conversation',
      conversationId,
    );
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/two years/);

    const messages = await ok<{ role: string; content: string }[]>('messages', 'list', conversationId);
    expect(messages).toHaveLength(6);
  });

  it('lists, retrieves, replies to and ends conversations; lists views', async () => {
    const list = await ok<{ id: string }[]>(
      'conversations',
      'list',
      '--agent',
      agentId,
      '--status',
      'open',
      '--sort',
      'desc',
    );
    expect(list.map((c) => c.id)).toContain(conversationId);
    const conv = await ok<{ id: string; messages: unknown[] }>('conversations', 'get', conversationId);
    expect(conv.messages).toHaveLength(6);
    const reply = await ok<{ conversationId: string; message: { text: string } }>(
      'conversations',
      'reply',
      conversationId,
      '--message',
      'A human here, happy to help.',
    );
    expect(reply.message.text).toBe('A human here, happy to help.');
    const ended = await ok<{ conversationId: string }>('conversations', 'end', conversationId);
    expect(ended.conversationId).toBe(conversationId);
    const closed = await ok<{ id: string }[]>('conversations', 'list', '--agent', agentId, '--status', 'close');
    expect(closed.map((c) => c.id)).toContain(conversationId);
    const views = await ok<unknown[]>('conversations', 'views', '--agent', agentId, '--search', 'zzz-no-such-view');
    expect(views).toEqual([]);
  });

  it('upserts, lists and retrieves contacts, and lists their conversations', async () => {
    const up = await ok<{ contactId: string }>(
      'contacts',
      'upsert',
      '--agent',
      agentId,
      '--distinct-id',
      'user-42',
      '--name',
      'Ada',
      '--email',
      'ada@example.com',
      '--attribute',
      'plan=pro',
      '--attributes',
      '{"seats":"3"}',
    );
    const again = await ok<{ contactId: string }>(
      'contacts',
      'upsert',
      '--agent',
      agentId,
      '--distinct-id',
      'user-42',
      '--phone',
      '+100',
    );
    expect(again.contactId).toBe(up.contactId);
    const contact = await ok<{ id: string; name: string; phone: string; attributes: Record<string, string> }>(
      'contacts',
      'get',
      up.contactId,
    );
    expect(contact).toMatchObject({ id: up.contactId, name: 'Ada', phone: '+100' });
    const list = await ok<{ id: string }[]>('contacts', 'list', '--agent', agentId);
    expect(list.map((c) => c.id)).toEqual(expect.arrayContaining([up.contactId, contactId]));
    const convs = await ok<{ id: string }[]>('contacts', 'conversations', contactId);
    expect(convs.map((c) => c.id)).toEqual([conversationId]);
  });

  it('lists, retrieves and dismisses AI suggestions', async () => {
    await ok('messages', 'send', '--agent', agentId, '--question', 'Do you sell quantum flux capacitors?');
    const list = await ok<{ id: string; evaluationTag: string }[]>('ai-suggestions', 'list', '--agent', agentId);
    expect(list.length).toBeGreaterThanOrEqual(1);
    const id = list[0]?.id ?? '';
    expect(await ok('ai-suggestions', 'get', id)).toMatchObject({ id });
    await ok('ai-suggestions', 'dismiss', id);
    const after = await ok<{ id: string }[]>('ai-suggestions', 'list', '--agent', agentId);
    expect(after.map((s) => s.id)).not.toContain(id);
  });

  it('reads every analytics report', async () => {
    const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const period = ['--agent', agentId, '--start-date', day(-7), '--end-date', day(1), '--timezone', 'UTC'];
    const overview = await ok<{ currentPeriod: { totalConversationCount: number } }>(
      'analytics',
      'overview',
      ...period,
    );
    expect(overview.currentPeriod.totalConversationCount).toBeGreaterThanOrEqual(2);
    expect(await ok('analytics', 'agent', ...period)).toHaveProperty('currentPeriod');
    expect(await ok('analytics', 'ai-functions', ...period)).toHaveProperty('currentPeriod');
    expect(await ok('analytics', 'csat', ...period, '--page', '1', '--page-size', '5')).toHaveProperty('currentPeriod');
    expect(await ok('analytics', 'sentiments', ...period)).toHaveProperty('keys');
    expect(await ok('analytics', 'topics', ...period, '--all-topics')).toHaveProperty('areAllTopicsVisible', true);
  });

  it('maps a refused key to exit 3 and validation to exit 2 before sending', async () => {
    const refused = await runCli(['agents', 'list'], home, {
      env: { ...env, LIVECHATAI_API_KEY: 'lcai-wrong-key-000000000000' },
    });
    expect(refused.code).toBe(3);
    const lines = refused.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^livechatai: 401 /);
    // a 401 says how to fix it
    expect(lines[1]).toBe(
      'livechatai: hint: run `livechatai login` to store a valid key (the key in use is LIVECHATAI_API_KEY)',
    );
    const bad = await cli('contacts', 'upsert', '--agent', agentId, '--distinct-id', ' ');
    expect(bad.code).toBe(2);
  });
});
