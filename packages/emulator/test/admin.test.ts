import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index.js';
import { apiFor, withEmulator, type Api } from './helpers.js';

let em: Emulator;
let api: Api;

beforeAll(async () => {
  ({ em, api } = await withEmulator({ seed: 'demo' }));
});
afterAll(async () => {
  await em.close();
});

describe('demo seed', () => {
  it('creates a realistic workspace with agents, sources, contacts, conversations, suggestions and CSAT', async () => {
    const agents = await api('GET', '/agents');
    expect(agents.body.data.map((x: { name: string }) => x.name)).toEqual(
      expect.arrayContaining(['Acme Support', 'Acme Sales Assistant']),
    );
    const support = (await api('GET', '/agents/acme-support')).body.data.id as string;
    const convs = await api('GET', `/conversations?agentId=${support}&perPage=100`);
    expect(convs.body.data.meta.total).toBeGreaterThanOrEqual(24);
    const list = convs.body.data.conversations as { isResolved: boolean; isAgent: boolean; integrationType: string }[];
    expect(list.some((c) => c.isResolved)).toBe(true);
    expect(list.some((c) => c.isAgent)).toBe(true);
    expect(new Set(list.map((c) => c.integrationType)).size).toBeGreaterThan(2);
    expect((await api('GET', `/data-sources?agentId=${support}`)).body.data.totalCount).toBeGreaterThanOrEqual(6);
    expect((await api('GET', `/contacts?agentId=${support}`)).body.totalCount).toBeGreaterThanOrEqual(10);
    expect((await api('GET', `/ai-suggestions?agentId=${support}`)).body.data.pagination.totalCount).toBeGreaterThan(0);
    const end = new Date().toISOString().slice(0, 10);
    const start = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
    const csat = await api('GET', `/analytics/csat?agentId=${support}&startDate=${start}&endDate=${end}`);
    expect(csat.body.data.currentPeriod.totalResponses).toBeGreaterThan(0);
    const sentiments = await api('GET', `/analytics/sentiments?agentId=${support}&startDate=${start}&endDate=${end}`);
    expect(sentiments.body.data).toHaveLength(30);
    const counts = sentiments.body.allSentimentsCounts as { name: string; count: number }[];
    expect(counts.filter((c) => c.count > 0).length).toBeGreaterThanOrEqual(2);
  });

  it('is deterministic for the same day and seeds only once', async () => {
    const again = await withEmulator({ seed: 'demo' });
    try {
      const names = async (x: Api) => {
        const support = (await x('GET', '/agents/acme-support')).body.data.id as string;
        const list = (await x('GET', `/conversations?agentId=${support}&perPage=100`)).body.data.conversations as {
          lastMessageDate: string;
          id: string;
        }[];
        const out = [];
        for (const c of list) {
          const conv = await x('GET', `/conversations/${c.id}`);
          out.push([c.lastMessageDate, ...(conv.body.data.messages as { content: string }[]).map((m) => m.content)]);
        }
        return out;
      };
      expect(await names(again.api)).toEqual(await names(api));
      await again.em.createWorkspace();
      const ws = await again.em.createWorkspace({ seed: 'demo' });
      expect((await apiFor(again.em, ws.apiKey)('GET', '/agents')).body.totalCount).toBe(3);
    } finally {
      await again.em.close();
    }
  });
});

describe('admin routes', () => {
  it('exports a workspace and imports a copy of it into another emulator (with that workspace key)', async () => {
    const exported = await api('GET', `/_emulator/workspaces/${em.workspaceId}/export`);
    expect(exported.body.format).toBe('livechatai-emulator-workspace');
    expect(exported.text).not.toContain(em.apiKey);
    const target = await withEmulator();
    try {
      const admin = apiFor(target.em);
      expect((await admin('POST', '/_emulator/workspaces/import', { body: exported.body, key: null })).status).toBe(
        401,
      );
      const imported = await admin('POST', '/_emulator/workspaces/import', { body: exported.body });
      expect(imported.status).toBe(200);
      expect(imported.body.data).toMatchObject({
        workspaceId: target.em.workspaceId,
        imported: { agents: 3, contacts: expect.any(Number) },
      });
      const support = (await admin('GET', '/agents/acme-support')).body.data.id as string;
      const originalSupport = (await api('GET', '/agents/acme-support')).body.data.id as string;
      expect(support).not.toBe(originalSupport);
      // the same conversations, under new ids
      const strip = (list: { id: string; contact: { id: string }; agent: { id: string } | null }[]) =>
        list.map((c) => ({
          ...c,
          id: undefined,
          contact: { ...c.contact, id: undefined },
          agent: c.agent && { ...c.agent, id: undefined },
        }));
      const original = (await api('GET', `/conversations?agentId=${originalSupport}&perPage=5`)).body.data;
      const copy = (await admin('GET', `/conversations?agentId=${support}&perPage=5`)).body.data;
      expect(copy.meta).toEqual(original.meta);
      expect(strip(copy.conversations)).toEqual(strip(original.conversations));
      // Retrieval works on the imported sources.
      const answer = await admin('POST', '/conversations', {
        body: { agentId: support, question: 'What are your business hours?' },
      });
      expect(answer.body.data.response).toContain('Monday to Friday');
      expect((await admin('POST', '/_emulator/workspaces/import', { body: { format: 'nope' } })).status).toBe(400);
    } finally {
      await target.em.close();
    }
  });

  it('creates workspaces, mints read-only keys and records CSAT entries', async () => {
    const created = await api('POST', '/_emulator/workspaces', { body: { name: 'Fresh' }, key: null });
    const fresh = apiFor(em, created.body.data.apiKey as string);
    expect((await fresh('GET', '/agents')).body.totalCount).toBe(0);
    const minted = await fresh('POST', `/_emulator/workspaces/${created.body.data.workspaceId}/keys`, {
      body: { readOnly: true },
    });
    expect(minted.body.data.readOnly).toBe(true);
    const ro = apiFor(em, minted.body.data.apiKey as string);
    expect((await ro('POST', '/agents', { body: { name: 'x', isLiveChatEnabled: true } })).status).toBe(403);
    expect((await ro('POST', `/_emulator/workspaces/${created.body.data.workspaceId}/keys`, { body: {} })).status).toBe(
      403,
    );
    const support = (await api('GET', '/agents/acme-support')).body.data.id as string;
    const bad = await api('POST', `/_emulator/workspaces/${em.workspaceId}/csat`, {
      body: { agentId: support, score: 9 },
    });
    expect(bad.status).toBe(400);
    expect(
      (await api('POST', `/_emulator/workspaces/${em.workspaceId}/csat`, { body: { agentId: support, score: 4 } }))
        .status,
    ).toBe(200);
  });
});
