// End to end: the visitor chat widget on the public site (the chat handler only) and the admin console
// (the loopback /api/v2 proxy), both built, in Debian's chromium, against the emulator over HTTP.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@livechatai/core';
import { startEmulator, type Emulator } from '@livechatai/emulator';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxyApp } from '../server/app.js';
import { listen, type Listening } from '../server/listen.js';
import { createPublicSiteApp } from '../server/public-site.js';

const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(appRoot, 'test-artifacts');

interface SeenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
}
interface ConsoleHit {
  method: string;
  path: string;
  origin: string | null;
  status: number;
}

let emulator: Emulator;
let consoleServer: Listening;
let site: Listening;
let browser: Browser;
let visitorContext: BrowserContext;
let visitor: Page;
let dataDir: string;
let agentId: string;
let conversationId: string;
const unique = Math.random().toString(36).slice(2, 8).toUpperCase();
const code = `ORCHID-${unique}`;
const question = 'What is the vault access code?';
// Every request the visitor's page makes, and every request the console server answers (with its status).
const visitorRequests: SeenRequest[] = [];
const consoleHits: ConsoleHit[] = [];

/** The console's own API, as the console's pages use it (same origin, through its proxy). */
async function consoleAPI<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const res = await fetch(`${consoleServer.url}/api/v2${path}`, {
    method: init?.method ?? 'GET',
    headers: { 'content-type': 'application/json' },
    ...(init?.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const body = (await res.json()) as { data: T };
  if (!res.ok) throw new Error(`${path}: ${String(res.status)} ${JSON.stringify(body)}`);
  return body.data;
}

beforeAll(async () => {
  for (const file of ['public/index.html', 'widget/widget.html']) {
    if (!existsSync(join(appRoot, 'dist', file))) {
      throw new Error(`apps/example/dist/${file} is missing: run both vite builds first (the \`test\` script does).`);
    }
  }
  mkdirSync(artifacts, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'livechatai-example-widget-e2e-'));
  emulator = await startEmulator({ port: 0, db: join(dataDir, 'e2e.sqlite'), streamDelayMs: 40 });

  const consoleApp = createProxyApp({
    target: emulator.url,
    apiKey: emulator.apiKey,
    staticDir: join(appRoot, 'dist', 'public'),
  });
  consoleServer = await listen(
    {
      fetch: async (request, env) => {
        const response = await consoleApp.fetch(request, env);
        consoleHits.push({
          method: request.method,
          path: new URL(request.url).pathname,
          origin: request.headers.get('origin'),
          status: response.status,
        });
        return response;
      },
    },
    '127.0.0.1',
    0,
  );

  // The agent and its knowledge, set up through the console (what its Agents and Knowledge screens do).
  agentId = (
    await consoleAPI<{ id: string }>('/agents', {
      method: 'POST',
      body: { name: `Widget E2E ${unique}`, isLiveChatEnabled: true },
    })
  ).id;
  await consoleAPI('/data-sources/text', {
    method: 'POST',
    body: {
      agentId,
      title: 'Vault',
      content: `The vault access code is ${code}. The vault is in the basement of the north building.`,
    },
  });

  site = await listen(
    createPublicSiteApp({
      client: createClient({ apiKey: emulator.apiKey, baseURL: emulator.url, maxRetries: 0 }),
      agentId,
      secret: randomBytes(32).toString('base64url'),
      staticDir: join(appRoot, 'dist', 'widget'),
    }),
    '127.0.0.1',
    0,
  );

  browser = await launchChromium();
  visitorContext = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  visitor = await visitorContext.newPage();
  visitor.on('request', (request) => {
    void request.allHeaders().then((headers) => {
      visitorRequests.push({ url: request.url(), method: request.method(), headers });
    });
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await consoleServer?.close();
  await emulator?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(artifacts, `widget-${name}.png`) });
const rows = (page: Page, role: string) => page.locator(`.lcw-row[data-role="${role}"]`);

/** `fetch` from inside a page: what a script on that page can learn. */
function fetchFrom(page: Page, url: string, init?: RequestInit) {
  return page.evaluate(
    async ({ url, init }) => {
      try {
        const res = await fetch(url, init);
        return { status: res.status, type: res.type, body: await res.text() };
      } catch (error) {
        return { error: String(error) };
      }
    },
    { url, init },
  );
}

describe('visitor chat widget', () => {
  it('answers a visitor from the knowledge, streaming, with the launcher, focus and live region in place', async () => {
    await visitor.goto(site.url);
    await visitor.getByRole('button', { name: 'Chat with us' }).click();
    const panel = visitor.getByRole('dialog', { name: 'Acme Support' });
    await panel.waitFor();
    const launcher = visitor.getByRole('button', { name: 'Close chat' });
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    expect(await launcher.getAttribute('aria-controls')).toBe(await panel.getAttribute('id'));
    const message = panel.getByLabel('Message');
    await expect.poll(() => message.evaluate((el) => el === document.activeElement)).toBe(true);

    await message.fill(question);
    await message.press('Enter');
    await rows(visitor, 'user').filter({ hasText: question }).waitFor();
    const log = panel.getByRole('log', { name: 'Conversation' });

    // The answer arrives in pieces: seen while streaming (log busy), then complete and longer.
    const streaming = rows(visitor, 'assistant').and(visitor.locator('[data-state="streaming"]'));
    await expect
      .poll(async () => ((await streaming.count()) > 0 ? (await streaming.innerText()).length : 0))
      .toBeGreaterThan('Assistant'.length);
    const partial = await streaming.innerText();
    expect(await log.getAttribute('aria-busy')).toBe('true');
    await shot(visitor, '01-streaming');

    const answer = rows(visitor, 'assistant').and(visitor.locator('[data-state="done"]'));
    await answer.waitFor({ timeout: 20_000 });
    const final = await answer.innerText();
    expect(final).toContain(code);
    expect(final.length).toBeGreaterThan(partial.length);
    expect(await log.getAttribute('aria-busy')).toBe('false');
    await shot(visitor, '02-answered');

    // The stored conversation (through the console) is the one the widget streamed, with this visitor as its contact.
    const { conversations } = await consoleAPI<{ conversations: { id: string; contact: { id: string } | null }[] }>(
      `/conversations?agentId=${agentId}&type=all`,
    );
    expect(conversations).toHaveLength(1);
    conversationId = conversations[0]!.id;
    expect(conversations[0]!.contact).not.toBeNull();
  });

  it('restores the open chat after a reload', async () => {
    await visitor.reload();
    const panel = visitor.getByRole('dialog', { name: 'Acme Support' });
    await panel.waitFor();
    await rows(visitor, 'user').filter({ hasText: question }).waitFor();
    await rows(visitor, 'assistant').filter({ hasText: code }).waitFor();
  });

  it("shows a team member's reply sent from the console's inbox", async () => {
    const consoleContext = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    try {
      const admin = await consoleContext.newPage();
      await admin.goto(`${consoleServer.url}/#/inbox?agent=${agentId}&id=${conversationId}`);
      const view = admin.locator(`.conversation[data-conversation-id="${conversationId}"]`);
      await expect.poll(() => view.innerText()).toContain(code);
      const reply = `Hi, a human from the team here (${unique}). The vault opens at nine.`;
      await admin.getByLabel('Reply', { exact: true }).fill(reply);
      await admin.getByRole('button', { name: 'Reply', exact: true }).click();
      await view.locator('.bubble-row.agent', { hasText: reply }).waitFor();

      // The widget polls the handler while the chat is open: the reply appears without the visitor doing anything.
      const human = rows(visitor, 'agent').filter({ hasText: reply });
      await human.waitFor({ timeout: 30_000 });
      expect(await human.innerText()).toContain('(team)');
      await shot(visitor, '03-human-reply');

      // A team member's address stays with the team.
      const stored = await consoleAPI<{ messages: { agent: { email: string | null } | null }[] }>(
        `/conversations/${conversationId}`,
      );
      const email = stored.messages.find((m) => m.agent?.email)?.agent?.email;
      expect(email).toBeTruthy();
      const restored = await fetchFrom(visitor, `/api/chat?conversationId=${conversationId}`);
      expect(restored).toMatchObject({ status: 200 });
      expect('body' in restored && restored.body).toContain(reply);
      expect('body' in restored && restored.body).not.toContain(email!);
      expect(await visitor.content()).not.toContain(email!);
    } finally {
      await consoleContext.close();
    }
  });

  it("keeps another visitor (a second browser context) out of the first one's conversation", async () => {
    const otherContext = await browser.newContext();
    try {
      const other = await otherContext.newPage();
      await other.goto(site.url);
      const read = await fetchFrom(other, `/api/chat?conversationId=${conversationId}`);
      expect(read).toMatchObject({ status: 404 });
      expect(JSON.parse((read as { body: string }).body)).toMatchObject({ status: 'error', code: 'not_found' });
      expect((read as { body: string }).body).not.toContain(code);

      const write = await fetchFrom(other, '/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ agentId, conversationId, question: 'Let me in' }),
      });
      expect(write).toMatchObject({ status: 404 });
      const stored = await consoleAPI<{ messages: { content: string }[] }>(`/conversations/${conversationId}`);
      expect(stored.messages.map((m) => m.content)).not.toContain('Let me in');

      // Its own widget starts empty.
      await other.getByRole('button', { name: 'Chat with us' }).click();
      await other.getByText('Hi! Ask us anything').waitFor();
      expect(await other.locator('.lcw-row').count()).toBe(0);
    } finally {
      await otherContext.close();
    }
  });

  it('stops an answer, shows a failed send with Try again, and starts a new chat', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(site.url);
      await page.getByRole('button', { name: 'Chat with us' }).click();
      const panel = page.getByRole('dialog', { name: 'Acme Support' });
      const message = panel.getByLabel('Message');

      await message.fill('Tell me everything about the vault, in detail please.');
      await message.press('Enter');
      await rows(page, 'assistant').and(page.locator('[data-state="streaming"]')).waitFor();
      await panel.getByRole('button', { name: 'Stop' }).click();
      await rows(page, 'assistant').and(page.locator('[data-state="stopped"]')).waitFor();
      await panel.getByRole('button', { name: 'Send' }).waitFor();

      // The next send fails on the way (the connection is refused once); the visitor sees why and can retry.
      let refused = false;
      await page.route('**/api/chat', async (route) => {
        if (route.request().method() === 'POST' && !refused) {
          refused = true;
          await route.abort('connectionrefused');
          return;
        }
        await route.continue();
      });
      await message.fill(question);
      await message.press('Enter');
      const alert = panel.getByRole('alert');
      await alert.waitFor();
      await shot(page, '04-error');
      await alert.getByRole('button', { name: 'Try again' }).click();
      await rows(page, 'assistant')
        .filter({ hasText: code })
        .and(page.locator('[data-state="done"]'))
        .waitFor({ timeout: 20_000 });
      await alert.waitFor({ state: 'detached' });
      expect(await rows(page, 'user').filter({ hasText: question }).count()).toBe(1);
      await page.unroute('**/api/chat');

      await panel.getByRole('button', { name: 'New chat' }).click();
      await panel.getByText('Hi! Ask us anything').waitFor();
      expect(await page.locator('.lcw-row').count()).toBe(0);
      await page.reload();
      await panel.waitFor();
      await panel.getByText('Hi! Ask us anything').waitFor();
      expect(await page.locator('.lcw-row').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('lets no request from the widget page reach an admin endpoint', async () => {
    // What the widget itself sent: only this site's page, its assets and /api/chat — no key, no /api/v2.
    const siteOrigin = new URL(site.url).origin;
    expect(visitorRequests.some((r) => new URL(r.url).pathname === '/api/chat' && r.method === 'POST')).toBe(true);
    for (const request of visitorRequests) {
      const url = new URL(request.url);
      expect(url.origin).toBe(siteOrigin);
      expect(['/', '/api/chat'].includes(url.pathname) || url.pathname.startsWith('/assets/')).toBe(true);
      expect(Object.keys(request.headers)).not.toContain('authorization');
      for (const value of [request.url, ...Object.values(request.headers)])
        expect(value).not.toContain(emulator.apiKey);
    }
    const page = await (await fetch(site.url)).text();
    expect(page).not.toContain(emulator.apiKey);

    // A script on the widget page asking this site for the admin API gets nothing.
    for (const probe of [
      { path: '/api/v2/agents', init: undefined },
      { path: '/api/v2/contacts', init: undefined },
      { path: `/api/v2/agents/${agentId}`, init: { method: 'DELETE' } },
    ]) {
      const res = await fetchFrom(visitor, probe.path, probe.init);
      expect(res).toMatchObject({ status: 404 });
      expect((res as { body: string }).body).not.toContain(agentId);
    }
    expect((await consoleAPI<{ id: string }>(`/agents/${agentId}`)).id).toBe(agentId);

    // Nor can it use the console's proxy on this machine: a cross-origin fetch is refused by the console (403,
    // before the API is called) and unreadable to the page; so is a no-cors one; a DELETE's preflight is
    // refused, so the DELETE is never sent; an <img> is refused too.
    const before = consoleHits.length;
    const read = await fetchFrom(visitor, `${consoleServer.url}/api/v2/agents`);
    expect(read).toMatchObject({ error: expect.stringContaining('Failed to fetch') });
    const blind = await fetchFrom(visitor, `${consoleServer.url}/api/v2/agents`, { mode: 'no-cors' });
    expect(blind).toMatchObject({ status: 0, type: 'opaque', body: '' });
    const remove = await fetchFrom(visitor, `${consoleServer.url}/api/v2/agents/${agentId}`, { method: 'DELETE' });
    expect(remove).toHaveProperty('error');
    await visitor.evaluate(
      (src) =>
        new Promise((done) => {
          const img = new Image();
          img.onload = img.onerror = done;
          img.src = src;
        }),
      `${consoleServer.url}/api/v2/contacts?agentId=${agentId}`,
    );
    const hits = consoleHits.slice(before);
    expect(hits.map((h) => `${h.method} ${h.path} ${String(h.status)}`)).toEqual([
      'GET /api/v2/agents 403',
      'GET /api/v2/agents 403',
      `OPTIONS /api/v2/agents/${agentId} 403`,
      'GET /api/v2/contacts 403',
    ]);
    // The cors-mode requests carry the page's Origin; the no-cors fetch and the <img> carry none (Sec-Fetch-Site refuses them).
    expect(hits.map((h) => h.origin)).toEqual([siteOrigin, null, siteOrigin, null]);
    expect((await consoleAPI<{ id: string }>(`/agents/${agentId}`)).id).toBe(agentId);
  });
});
