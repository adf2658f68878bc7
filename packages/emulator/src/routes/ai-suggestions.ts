import { Hono } from 'hono';
import type { AppEnv, EmulatorConfig } from '../server/context.js';
import { notFound } from '../server/errors.js';
import { QueryParams, pathId, searchParamsOf } from '../server/validate.js';
import { commit, formatSuggestion, paginationC, requireAgent } from './shared.js';

export function aiSuggestionRoutes(config: EmulatorConfig): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = config;

  app.get('/', async (c) => {
    const q = new QueryParams(searchParamsOf(c.req.url));
    const agent = await requireAgent(c, config, q.str('agentId', { required: true }));
    const page = q.int('page', 1, 1, 1_000_000);
    const limit = q.int('limit', 10, 1, 100);
    const from = q.instant('startDate') ?? null;
    const to = q.instant('endDate', true) ?? null;
    const { items, total } = await store.listSuggestions(
      agent.workspaceId,
      agent.id,
      from,
      to,
      (page - 1) * limit,
      limit,
    );
    return c.json({
      status: 'success',
      data: {
        agentId: agent.id,
        suggestions: items.map(formatSuggestion),
        pagination: paginationC(page, limit, total),
      },
    });
  });

  app.get('/:suggestionId', async (c) => {
    const id = pathId('suggestionId', c.req.param('suggestionId'));
    const s = await store.getSuggestion(c.get('auth').workspaceId, id);
    if (!s || s.dismissed) throw notFound(`AI suggestion '${id}' not found`);
    return c.json({ status: 'success', data: { ...formatSuggestion(s), agentId: s.agentId } });
  });

  app.delete('/:suggestionId', async (c) => {
    const id = pathId('suggestionId', c.req.param('suggestionId'));
    return commit(c, config, async () => {
      const ws = c.get('auth').workspaceId;
      const s = await store.getSuggestion(ws, id);
      if (!s || s.dismissed) throw notFound(`AI suggestion '${id}' not found`);
      await store.dismissSuggestion(ws, id);
      return { body: { status: 'success', message: 'AI suggestion dismissed', data: { id, dismissed: true } } };
    });
  });

  return app;
}
