import { Hono } from 'hono';
import type { AppEnv, EmulatorConfig } from '../server/context.js';
import { ApiError, notFound } from '../server/errors.js';
import { Body, QueryParams, pathId, searchParamsOf } from '../server/validate.js';
import { newId } from '../internal/ids.js';
import type { ContactRow } from '../store/types.js';
import { commit, formatContactListItem, formatContactRetrieve, pagesA, requireAgent } from './shared.js';
import { listConversationsHandler } from './conversations.js';

export function contactRoutes(config: EmulatorConfig): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = config;

  // Upsert: match on contactId when given, else on (agentId, distinctId).
  app.post('/', async (c) => {
    const body = Body.from(c.get('body'));
    const agentId = body.str('agentId', { required: true, max: 200 });
    const distinctId = body.str('distinctId', { required: true, max: 200 });
    const contactId = body.str('contactId', { max: 200 });
    body.str('userHash', { max: 500 });
    const name = body.str('name', { max: 200 });
    const email = body.str('email', { max: 320 });
    const phone = body.str('phone', { max: 50 });
    const attributes = body.attributes('attributes');
    return commit(c, config, async () => {
      const ws = c.get('auth').workspaceId;
      const agent = await requireAgent(c, config, agentId);
      const now = config.now();
      let existing: ContactRow | undefined;
      if (contactId !== undefined) {
        existing = await store.getContact(ws, contactId);
        if (existing?.agentId !== agent.id) throw notFound(`Contact '${contactId}' not found for agent '${agent.id}'`);
        const other = await store.findContactByDistinctId(ws, agent.id, distinctId);
        if (other && other.id !== existing.id) {
          throw new ApiError(
            409,
            'conflict',
            `distinctId '${distinctId}' already belongs to another contact of agent '${agent.id}'`,
          );
        }
      } else {
        existing = await store.findContactByDistinctId(ws, agent.id, distinctId);
      }
      // Keys keep the order they were first set: an update changes a value in place, a new key goes last,
      // `null` removes one. (JavaScript orders integer-like keys such as "42" first, whatever the order given.)
      const ordered = new Map(Object.entries(existing?.attributes ?? {}));
      for (const [k, v] of Object.entries(attributes ?? {})) {
        if (v === null) ordered.delete(k);
        else ordered.set(k, v);
      }
      const merged: Record<string, unknown> = Object.fromEntries(ordered);
      if (existing) {
        await store.updateContact({
          ...existing,
          distinctId,
          name: name ?? existing.name,
          email: email ?? existing.email,
          phone: phone ?? existing.phone,
          attributes: merged,
          updatedAt: now,
        });
        return { body: { status: 'success', contactId: existing.id } };
      }
      const contact: ContactRow = {
        id: newId('contact'),
        workspaceId: ws,
        agentId: agent.id,
        distinctId,
        name: name ?? null,
        email: email ?? null,
        phone: phone ?? null,
        country: null,
        ip: null,
        chatSource: 'api',
        threadId: null,
        attributes: merged,
        createdAt: now,
        updatedAt: now,
      };
      await store.insertContact(contact);
      return { body: { status: 'success', contactId: contact.id } };
    });
  });

  app.get('/', async (c) => {
    const q = new QueryParams(searchParamsOf(c.req.url));
    const agentId = q.str('agentId', { required: true });
    const page = q.int('page', 1, 1, 1_000_000);
    const limit = q.int('limit', 10, 1, 100);
    const agent = await requireAgent(c, config, agentId);
    const { items, total } = await store.listContacts(agent.workspaceId, agent.id, (page - 1) * limit, limit);
    return c.json({
      status: 'success',
      agentId: agent.id,
      data: items.map(formatContactListItem),
      totalCount: total,
      pages: pagesA(page, limit, total),
    });
  });

  app.get('/:contactId', async (c) => {
    const id = pathId('contactId', c.req.param('contactId'));
    const contact = await store.getContact(c.get('auth').workspaceId, id);
    if (!contact) throw notFound(`Contact '${id}' not found`);
    return c.json(formatContactRetrieve(contact));
  });

  app.get('/:contactId/conversations', async (c) => {
    const id = pathId('contactId', c.req.param('contactId'));
    const contact = await store.getContact(c.get('auth').workspaceId, id);
    if (!contact) throw notFound(`Contact '${id}' not found`);
    return listConversationsHandler(c, config, { agentId: contact.agentId, contactId: contact.id });
  });

  return app;
}
