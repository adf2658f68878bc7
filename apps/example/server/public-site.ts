// The "public site": what a customer runs on their own website. It serves the chat widget's page and mounts
// one thing on the API side — @livechatai/server's chat handler at /api/chat — which holds the key, lets a
// visitor talk only to the allow-listed agent and read only their own conversations. There is no /api/v2
// here: nothing a visitor's browser can send reaches an admin endpoint.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LiveChatAIClient } from '@livechatai/core';
import { createChatHandler } from '@livechatai/server';
import { Hono } from 'hono';
import { errorResponse } from './app.js';
import { fileResponse, resolveStaticFile } from './static-files.js';

export interface PublicSiteOptions {
  /** The client the chat handler calls the API with (it holds the key; the browser never sees it). */
  client: LiveChatAIClient;
  /** The agent visitors chat with: the only one the handler allows, and the one the page is told about. */
  agentId: string;
  /** Signs the anonymous-visitor cookies (at least 32 characters). */
  secret: string;
  /** Folder of the built widget (vite's `dist/widget`). */
  staticDir: string;
}

const PAGE = 'widget.html';
const AGENT_META = '<meta name="livechatai-agent-id" content="" />';

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function createPublicSiteApp(options: PublicSiteOptions): Hono {
  const chat = createChatHandler({ client: options.client, agents: [options.agentId], secret: options.secret });

  const pageFile = join(options.staticDir, PAGE);
  const template = readFileSync(pageFile, 'utf8');
  if (!template.includes(AGENT_META)) throw new Error(`${pageFile} has no ${AGENT_META} to fill in.`);
  const page = template.replace(
    AGENT_META,
    `<meta name="livechatai-agent-id" content="${escapeAttribute(options.agentId)}" />`,
  );

  const app = new Hono();
  app.all('/api/chat', (c) => chat(c.req.raw));
  app.all('/api/*', () => errorResponse(404, 'not_found', 'This site offers only /api/chat.'));
  app.get('/', () => fileResponse(pageFile, '/', page));
  app.get(`/${PAGE}`, () => fileResponse(pageFile, `/${PAGE}`, page));
  app.get('/assets/*', (c) => {
    const pathname = new URL(c.req.url).pathname;
    const file = resolveStaticFile(options.staticDir, pathname, PAGE);
    return file ? fileResponse(file, pathname) : c.text('Not found', 404);
  });
  return app;
}
