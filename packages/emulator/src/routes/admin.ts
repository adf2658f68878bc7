// Emulator-only administration under /_emulator (not part of the LiveChatAI API).
import { Hono } from 'hono';
import type { AppEnv, EmulatorConfig } from '../server/context.js';
import { ApiError, notFound } from '../server/errors.js';
import { auth, jsonBody } from '../server/middleware.js';
import type { FaultRegistry } from '../server/faults.js';
import { Body, pathId } from '../server/validate.js';
import { createWorkspace, mintKey } from '../domain/workspaces.js';
import { seedDemo } from '../seed/demo.js';
import { ImportFormatError } from '../store/types.js';
import { parseExport, type ParsedExport } from '../store/export-format.js';
import { copyExportInto } from '../domain/import.js';
import { newId } from '../internal/ids.js';
import { iso } from './shared.js';

declare const __PACKAGE_VERSION__: string;

export function adminRoutes(config: EmulatorConfig, faults: FaultRegistry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = config;
  const scoped = new Hono<AppEnv>();

  app.get('/health', (c) =>
    c.json({ status: 'ok', version: __PACKAGE_VERSION__, faults: config.faults, activeStreams: config.activeStreams }),
  );
  // The key is checked before the (up to 50 MB) body is read.
  app.use('/workspaces/import', auth(config));
  app.use('*', jsonBody(50 * 1024 * 1024));

  app.post('/workspaces', async (c) => {
    const body = Body.from(c.get('body'), true);
    const name = body.str('name', { max: 200 });
    const seed = body.enum('seed', ['demo'] as const);
    const ws = await store.transaction(() => createWorkspace(store, { name, now: config.now() }));
    if (seed === 'demo') await seedDemo(store, ws.workspaceId, config.now());
    return c.json({ status: 'success', data: ws });
  });

  // Copies an export into the caller's workspace (Bearer key, not read-only), with fresh ids.
  app.post('/workspaces/import', async (c) => {
    if (c.get('auth').readOnly)
      throw new ApiError(403, 'forbidden', 'This API key is read-only and cannot make changes');
    let data: ParsedExport;
    try {
      data = parseExport(c.get('body'));
    } catch (err) {
      if (err instanceof ImportFormatError) throw new ApiError(400, 'validation_error', err.message);
      throw err;
    }
    const workspaceId = c.get('auth').workspaceId;
    const imported = await store.transaction(() => copyExportInto(store, data, workspaceId));
    return c.json({ status: 'success', data: { workspaceId, imported } });
  });

  app.delete('/faults', (c) => {
    faults.clear();
    return c.json({ status: 'success' });
  });

  // Routes for one workspace need a key of that workspace.
  scoped.use('*', auth(config));
  scoped.use('*', async (c, next) => {
    if (c.get('auth').workspaceId !== pathId('workspaceId', c.req.param('workspaceId')))
      throw notFound('Workspace not found');
    await next();
  });
  scoped.get('/export', async (c) => {
    const data = await store.exportWorkspace(c.get('auth').workspaceId);
    if (!data) throw notFound('Workspace not found');
    return c.json(data);
  });
  scoped.post('/keys', async (c) => {
    if (c.get('auth').readOnly) throw new ApiError(403, 'forbidden', 'A read-only key cannot mint keys');
    const readOnly = Body.from(c.get('body'), true).bool('readOnly') ?? false;
    const apiKey = await store.transaction(() => mintKey(store, c.get('auth').workspaceId, readOnly, config.now()));
    return c.json({ status: 'success', data: { apiKey, readOnly } });
  });
  scoped.post('/csat', async (c) => {
    if (c.get('auth').readOnly)
      throw new ApiError(403, 'forbidden', 'This API key is read-only and cannot make changes');
    const body = Body.from(c.get('body'));
    const agentId = body.str('agentId', { required: true, max: 200 });
    const score = body.has('score') ? (c.get('body') as { score: unknown }).score : undefined;
    if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5)
      throw new ApiError(400, 'validation_error', "'score' must be an integer from 1 to 5");
    const createdAtText = body.str('createdAt', { max: 40 });
    const createdAt = createdAtText === undefined ? config.now() : Date.parse(createdAtText);
    if (Number.isNaN(createdAt))
      throw new ApiError(400, 'validation_error', "'createdAt' must be an ISO-8601 date-time");
    const ws = c.get('auth').workspaceId;
    const agent = await store.getAgent(ws, agentId);
    if (!agent) throw notFound(`Agent '${agentId}' not found`);
    const userId = body.str('userId', { max: 200 });
    if (userId !== undefined && !(await store.getTeamMember(ws, userId))) throw notFound(`User '${userId}' not found`);
    const row = {
      id: newId('csat'),
      workspaceId: ws,
      agentId: agent.id,
      conversationId: body.str('conversationId', { max: 200 }) ?? null,
      target: body.enum('target', ['AI', 'HUMAN'] as const) ?? (userId ? 'HUMAN' : 'AI'),
      memberId: userId ?? null,
      score,
      comment: body.str('comment', { max: 5000 }) ?? '',
      email: body.str('email', { max: 320 }) ?? '',
      name: body.str('name', { max: 200 }) ?? '',
      triggerReason: body.str('triggerReason', { max: 100 }) ?? 'AFTER_RESOLUTION',
      createdAt,
    };
    await store.transaction(() => store.insertCsat(row));
    return c.json({ status: 'success', data: { ...row, createdAt: iso(row.createdAt) } });
  });
  app.route('/workspaces/:workspaceId', scoped);
  return app;
}
