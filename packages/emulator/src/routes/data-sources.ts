import { Hono } from 'hono';
import type { AppContext, AppEnv, EmulatorConfig } from '../server/context.js';
import { validationError } from '../server/errors.js';
import { Body, QueryParams, searchParamsOf } from '../server/validate.js';
import { newId } from '../internal/ids.js';
import { fetchPage, PageFetchError } from '../answer/fetch-page.js';
import { chunkText } from '../answer/chunk.js';
import type { DataSourceRow, DataSourceType } from '../store/types.js';
import { commit, formatDataSource, pagesA, requireAgent } from './shared.js';

export const SOURCE_TYPES = ['WEBSITE', 'TEXT', 'QA', 'PDF', 'DOCX', 'IMAGE'] as const;
const FILE_TYPES = { pdf: 'PDF', docx: 'DOCX', image: 'IMAGE' } as const;
const MAX_CONTENT = 900_000;

export function qaContent(question: string, answer: string): string {
  return `Q: ${question.trim()}\nA: ${answer.trim()}`;
}

/** Fetches a pending URL source in the background and records COMPLETED or FAILED. */
export function startUrlFetch(config: EmulatorConfig, ds: DataSourceRow): void {
  const task = (async () => {
    let update: DataSourceRow;
    let chunks: string[] | null = null;
    try {
      const page = await fetchPage(ds.url ?? '', { ...config.urlFetch, signal: config.shutdown.signal });
      const content = page.text.slice(0, MAX_CONTENT);
      chunks = chunkText(content, 'WEBSITE');
      update = {
        ...ds,
        title: page.title ?? ds.title,
        content,
        status: 'COMPLETED',
        error: null,
        updatedAt: config.now(),
      };
    } catch (err) {
      if (config.shutdown.signal.aborted) return;
      const reason = err instanceof PageFetchError ? err.message : 'fetch failed';
      update = { ...ds, status: 'FAILED', error: reason, updatedAt: config.now() };
      // the reason stays in the database (`error`) and in the access log; the API shows `status: FAILED`
      config.log?.(`url source ${ds.id} FAILED: ${reason}`);
    }
    // The source may have been deleted meanwhile.
    await config.store.transaction(async () => {
      const current = await config.store.getDataSource(ds.workspaceId, ds.id);
      if (current?.status === 'PENDING') await config.store.updateDataSource(update, chunks);
    });
  })().catch(() => undefined);
  config.background.add(task);
  void task.finally(() => config.background.delete(task));
}

export function dataSourceRoutes(config: EmulatorConfig): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = config;

  app.get('/', async (c) => {
    const q = new QueryParams(searchParamsOf(c.req.url));
    const agent = await requireAgent(c, config, q.str('agentId', { required: true }));
    const source = q.enum('source', [...SOURCE_TYPES, 'ALL'] as const);
    const page = q.int('page', 1, 1, 1_000_000);
    const limit = q.int('limit', 10, 1, 100);
    const { items, total } = await store.listDataSources(
      agent.workspaceId,
      agent.id,
      source && source !== 'ALL' ? source : null,
      (page - 1) * limit,
      limit,
    );
    return c.json({
      status: 'success',
      data: {
        agentId: agent.id,
        items: items.map(formatDataSource),
        totalCount: total,
        pages: pagesA(page, limit, total),
      },
    });
  });

  const add = (
    c: AppContext,
    agentId: string,
    make: {
      source: DataSourceType;
      title: string;
      content: string;
      url?: string;
      isGeneratedByAI?: boolean;
      relatedMessageId?: string | undefined;
    },
  ) =>
    commit(c, config, async () => {
      const agent = await requireAgent(c, config, agentId);
      const now = config.now();
      const pending = make.source === 'WEBSITE';
      const ds: DataSourceRow = {
        id: newId('ds'),
        workspaceId: agent.workspaceId,
        agentId: agent.id,
        source: make.source,
        title: make.title,
        content: make.content,
        url: make.url ?? null,
        status: pending ? 'PENDING' : 'COMPLETED',
        error: null,
        isGeneratedByAI: make.isGeneratedByAI ?? false,
        relatedMessageId: make.relatedMessageId ?? null,
        createdAt: now,
        updatedAt: now,
      };
      await store.insertDataSource(ds, pending ? [] : chunkText(ds.content, ds.source));
      if (pending) {
        queueMicrotask(() => {
          startUrlFetch(config, ds);
        });
      }
      return {
        body: {
          status: 'success',
          data: {
            message: 'Added successfully',
            item: { id: ds.id, source: ds.source, isGeneratedByAI: ds.isGeneratedByAI },
          },
        },
      };
    });

  app.post('/text', async (c) => {
    const body = Body.from(c.get('body'));
    const title = body.str('title', { required: true, max: 500 });
    const content = body.str('content', { required: true, max: MAX_CONTENT });
    const agentId = body.str('agentId', { required: true, max: 200 });
    return add(c, agentId, { source: 'TEXT', title, content });
  });

  app.post('/url', async (c) => {
    const body = Body.from(c.get('body'));
    const url = body.str('url', { required: true, max: 2048 });
    const agentId = body.str('agentId', { required: true, max: 200 });
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw validationError("'url' must be an absolute http(s) URL");
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw validationError("'url' must be an absolute http(s) URL");
    return add(c, agentId, { source: 'WEBSITE', title: parsed.href, content: '', url: parsed.href });
  });

  app.post('/qa', async (c) => {
    const body = Body.from(c.get('body'));
    const question = body.str('question', { required: true, max: 5000 });
    const answer = body.str('answer', { required: true, max: 50_000 });
    const agentId = body.str('agentId', { required: true, max: 200 });
    const isGeneratedByAI = body.bool('isGeneratedByAI') ?? false;
    const relatedMessageId = body.str('relatedMessageId', { max: 200 });
    return add(c, agentId, {
      source: 'QA',
      title: question.trim(),
      content: qaContent(question, answer),
      isGeneratedByAI,
      relatedMessageId,
    });
  });

  app.post('/file', async (c) => {
    const body = Body.from(c.get('body'));
    const title = body.str('title', { required: true, max: 500 });
    const content = body.str('content', { required: true, max: MAX_CONTENT });
    const agentId = body.str('agentId', { required: true, max: 200 });
    const fileType = body.enum('fileType', ['pdf', 'docx', 'image'] as const, true);
    return add(c, agentId, { source: FILE_TYPES[fileType], title, content });
  });

  app.delete('/', async (c) => {
    const body = Body.from(c.get('body'));
    const agentId = body.str('agentId', { required: true, max: 200 });
    const source = body.enum('source', SOURCE_TYPES, true);
    const id = body.str('id', { max: 200 });
    const ids = body.strArray('ids', 100);
    if (id === undefined && ids === undefined) throw validationError("give 'id' or 'ids' (or both)");
    const all = [...new Set([...(id !== undefined ? [id] : []), ...(ids ?? [])])];
    if (all.length === 0) throw validationError("'ids' must not be empty");
    return commit(c, config, async () => {
      const agent = await requireAgent(c, config, agentId);
      const deleted = await store.deleteDataSources(agent.workspaceId, agent.id, source, all);
      const notFound = all.filter((x) => !deleted.includes(x));
      const message = `${deleted.length} ${deleted.length === 1 ? 'item' : 'items'} deleted successfully`;
      return { body: { status: 'success', data: { message, agentId: agent.id, source, deleted, notFound } } };
    });
  });

  return app;
}
