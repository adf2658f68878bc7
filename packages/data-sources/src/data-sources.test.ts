import { BadRequestError, InternalServerError } from '@livechatai/core';
import { expectInvalidParameter, methodsCovered, methodsOf, useEmulator } from '@livechatai/test-utils';
import type { BadCall } from '@livechatai/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataSources } from './index.js';

const env = useEmulator();
let agentId: string;

beforeAll(async () => {
  agentId = await env.createAgent();
});

const stored = async (agent: string): Promise<number> =>
  (await env.emulator.store.listDataSources(env.emulator.workspaceId, agent, null, 0, 1000)).total;

describe('DataSources', () => {
  it('adds text, Q&A and file sources and lists them across more than two pages', async () => {
    const own = await env.createAgent();
    const ds = new DataSources(env.client);
    const text = await ds.addText({ agentId: own, title: 'Hours', content: 'We are open 9 to 5 on weekdays.' });
    expect(text).toEqual({ id: expect.any(String), source: 'TEXT', isGeneratedByAI: false });
    const qa = await ds.addQA({
      agentId: own,
      question: 'Do you ship abroad?',
      answer: 'Yes, worldwide.',
      isGeneratedByAI: true,
    });
    expect(qa).toMatchObject({ source: 'QA', isGeneratedByAI: true });
    const pdf = await ds.addFile({ agentId: own, title: 'Manual', content: 'Press the red button.', fileType: 'pdf' });
    expect(pdf.source).toBe('PDF');
    const docx = await ds.addFile({
      agentId: own,
      title: 'Policy',
      content: 'Returns within 30 days.',
      fileType: 'docx',
    });
    expect(docx.source).toBe('DOCX');
    const image = await ds.addFile({ agentId: own, title: 'Diagram', content: 'Arrows and boxes.', fileType: 'image' });
    expect(image.source).toBe('IMAGE');

    const page = await ds.list({ agentId: own, limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.pageInfo).toMatchObject({ page: 1, perPage: 2, totalItems: 5, totalPages: 3, hasNext: true });
    const all = await ds.list({ agentId: own, limit: 2 }).toArray();
    expect(all.map((d) => d.id).sort()).toEqual([text.id, qa.id, pdf.id, docx.id, image.id].sort());
    expect(all.find((d) => d.id === text.id)).toMatchObject({ title: 'Hours', source: 'TEXT', status: 'COMPLETED' });

    const onlyQA = await ds.list({ agentId: own, source: 'QA' }).toArray();
    expect(onlyQA.map((d) => d.id)).toEqual([qa.id]);
  });

  it('adds a URL source (fetched by the emulator from a loopback page)', async () => {
    const ds = new DataSources(env.client);
    const created = await ds.addUrl({ agentId, url: `${env.emulator.url}/agents` });
    expect(created).toMatchObject({ id: expect.any(String), source: 'WEBSITE' });
    const [listed] = await ds.list({ agentId, source: 'WEBSITE' }).toArray();
    expect(listed).toMatchObject({ id: created.id, source: 'WEBSITE', url: `${env.emulator.url}/agents` });
  });

  it('deletes one or several sources and reports the ids it did not find', async () => {
    const own = await env.createAgent();
    const ds = new DataSources(env.client);
    const a = await ds.addText({ agentId: own, title: 'A', content: 'alpha' });
    const b = await ds.addText({ agentId: own, title: 'B', content: 'beta' });
    const c = await ds.addText({ agentId: own, title: 'C', content: 'gamma' });

    const one = await ds.delete({ agentId: own, source: 'TEXT', id: a.id });
    expect(one).toMatchObject({ agentId: own, source: 'TEXT', deleted: [a.id], notFound: [] });
    const many = await ds.delete({ agentId: own, source: 'TEXT', ids: [b.id, c.id, 'ds_missing'] });
    expect(many.deleted.sort()).toEqual([b.id, c.id].sort());
    expect(many.notFound).toEqual(['ds_missing']);
    expect(many.message).toMatch(/deleted/);
    expect(await stored(own)).toBe(0);
  });

  it('retries a write whose answer was lost without storing it twice', async () => {
    const own = await env.createAgent();
    const { client, requests } = env.recordingClient();
    const ds = new DataSources(client);
    // The emulator commits the write, then answers 500 (twice); the SDK retries with the same idempotency key.
    const created = await ds.addText(
      { agentId: own, title: 'Once', content: 'stored exactly once' },
      { headers: { 'x-emulator-fault': 'after-write; status=500; count=2' } },
    );
    expect(created.source).toBe('TEXT');
    expect(requests).toHaveLength(3);
    const keys = new Set(requests.map((r) => r.headers.get('idempotency-key')));
    expect(keys.size).toBe(1);
    expect(await stored(own)).toBe(1);
    expect((await ds.list({ agentId: own }).toArray()).map((d) => d.id)).toEqual([created.id]);
  });

  it('gives up after maxRetries with the typed error, still without duplicates', async () => {
    const own = await env.createAgent();
    const ds = new DataSources(env.makeClient({ maxRetries: 1 }));
    const err: unknown = await ds
      .addQA(
        { agentId: own, question: 'Q?', answer: 'A.' },
        { headers: { 'x-emulator-fault': 'after-write; status=503; count=5' } },
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err).toMatchObject({ status: 503, attempts: 2 });
    expect(await stored(own)).toBe(1);
  });

  it('surfaces the emulator validation error as BadRequestError', async () => {
    const ds = new DataSources(env.client);
    const err = await ds.addUrl({ agentId, url: 'not a url' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).message).toMatch(/url/i);
  });

  // Every method, each with bad input: a rejected promise naming the parameter, never a throw, no request.
  const bad: BadCall<DataSources>[] = [
    ['list: no agentId', (ds) => ds.list({} as never), 'agentId'],
    ['list: unknown source', (ds) => ds.list({ agentId: 'a', source: 'VIDEO' as never }), 'source'],
    ['list: limit 1000', (ds) => ds.list({ agentId: 'a', limit: 1000 }), 'limit'],
    ['addText: empty title', (ds) => ds.addText({ agentId: 'a', title: '', content: 'x' }), 'title'],
    ['addText: no content', (ds) => ds.addText({ agentId: 'a', title: 't' } as never), 'content'],
    ['addUrl: empty url', (ds) => ds.addUrl({ agentId: 'a', url: '' }), 'url'],
    ['addQA: blank answer', (ds) => ds.addQA({ agentId: 'a', question: 'q', answer: ' ' }), 'answer'],
    [
      'addQA: isGeneratedByAI not a boolean',
      (ds) => ds.addQA({ agentId: 'a', question: 'q', answer: 'a', isGeneratedByAI: 'no' as never }),
      'isGeneratedByAI',
    ],
    ['addFile: no params', (ds) => ds.addFile(null as never), 'params'],
    [
      'addFile: uppercase fileType',
      (ds) => ds.addFile({ agentId: 'a', title: 't', content: 'c', fileType: 'PDF' as never }),
      'fileType',
    ],
    ['delete: neither id nor ids', (ds) => ds.delete({ agentId: 'a', source: 'TEXT' }), 'id'],
    ['delete: empty ids', (ds) => ds.delete({ agentId: 'a', source: 'TEXT', ids: [] }), 'ids'],
    ['delete: an empty id in ids', (ds) => ds.delete({ agentId: 'a', source: 'TEXT', ids: ['x', ''] }), 'ids[1]'],
    [
      'delete: 101 ids',
      (ds) => ds.delete({ agentId: 'a', source: 'TEXT', ids: Array.from({ length: 101 }, (_, i) => `ds_${i}`) }),
      'ids',
    ],
    ['delete: source ALL', (ds) => ds.delete({ agentId: 'a', source: 'ALL' as never, id: 'x' }), 'source'],
  ];

  it('has a bad call for every method', () => {
    expect(methodsCovered(bad).sort()).toEqual(methodsOf(DataSources).sort());
  });

  it.each(bad)('%s: rejects with InvalidParameterError before any request', async (_label, call, param) => {
    const { client, requests } = env.recordingClient();
    await expectInvalidParameter(() => call(new DataSources(client)), param);
    expect(requests).toHaveLength(0);
  });
});
