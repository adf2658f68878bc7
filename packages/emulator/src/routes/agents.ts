import { Hono } from 'hono';
import type { AppEnv, EmulatorConfig } from '../server/context.js';
import { notFound } from '../server/errors.js';
import { Body, QueryParams, pathId, searchParamsOf } from '../server/validate.js';
import { newId, slugify } from '../internal/ids.js';
import type { AgentRow, Store } from '../store/types.js';
import { commit, formatAgent, pagesA } from './shared.js';
import { seedViews } from '../seed/views.js';

export async function createAgent(
  store: Store,
  workspaceId: string,
  input: { name: string; isLiveChatEnabled: boolean; isImageSharingEnabled?: boolean | undefined; language?: string },
  now: number,
  id = newId('agent'),
): Promise<AgentRow> {
  const base = slugify(input.name);
  let slug = base;
  for (let i = 2; await store.slugTaken(workspaceId, slug); i++) slug = `${base}-${i}`;
  const agent: AgentRow = {
    id,
    workspaceId,
    name: input.name,
    slug,
    isLiveChatEnabled: input.isLiveChatEnabled,
    isImageSharingEnabled: input.isImageSharingEnabled ?? false,
    language: input.language ?? 'en',
    isArchived: false,
    createdAt: now,
    updatedAt: now,
  };
  await store.insertAgent(agent);
  await seedViews(store, agent, now);
  return agent;
}

export function agentRoutes(config: EmulatorConfig): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = config;

  app.post('/', async (c) => {
    const body = Body.from(c.get('body'));
    const name = body.str('name', { required: true, max: 200 });
    const isLiveChatEnabled = body.bool('isLiveChatEnabled', true);
    const isImageSharingEnabled = body.bool('isImageSharingEnabled');
    return commit(c, config, async () => {
      const agent = await createAgent(
        store,
        c.get('auth').workspaceId,
        { name: name.trim(), isLiveChatEnabled, isImageSharingEnabled },
        config.now(),
      );
      return { body: { status: 'success', data: formatAgent(agent) } };
    });
  });

  app.get('/', async (c) => {
    const q = new QueryParams(searchParamsOf(c.req.url));
    const page = q.int('page', 1, 1, 1_000_000);
    const limit = q.int('limit', 10, 1, 100);
    const { items, total } = await store.listAgents(c.get('auth').workspaceId, (page - 1) * limit, limit);
    return c.json({
      status: 'success',
      data: items.map(formatAgent),
      totalCount: total,
      pages: pagesA(page, limit, total),
    });
  });

  app.get('/:agentId', async (c) => {
    const id = pathId('agentId', c.req.param('agentId'));
    const q = new QueryParams(searchParamsOf(c.req.url));
    q.bool('isEmbed');
    const agent = await store.getAgent(c.get('auth').workspaceId, id);
    if (!agent) throw notFound(`Agent '${id}' not found`);
    return c.json({ status: 'success', data: formatAgent(agent) });
  });

  app.delete('/:agentId', async (c) => {
    const id = pathId('agentId', c.req.param('agentId'));
    return commit(c, config, async () => {
      const agent = await store.getAgent(c.get('auth').workspaceId, id);
      if (!agent) throw notFound(`Agent '${id}' not found`);
      await store.deleteAgent(agent.workspaceId, agent.id);
      return { body: { status: 'success', message: 'Agent deleted successfully' } };
    });
  });

  return app;
}
