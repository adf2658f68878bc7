// `pnpm start`: the emulator in-process (a persistent SQLite file, seeded with demo data on first run) or the
// real service when LIVECHATAI_BASE_URL is set, then two servers:
// - the admin console on loopback, PORT (default 5173, or a free port): the full /api/v2 proxy, an internal tool;
// - the public site, WIDGET_PORT (default 5175, or a free port): the visitor chat widget on /api/chat only.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@livechatai/core';
import { startEmulator } from '@livechatai/emulator';
import { createProxyApp } from './app.js';
import { listen } from './listen.js';
import { createPublicSiteApp } from './public-site.js';

// Built to apps/example/dist/server/start.js; the console is in dist/public, the widget in dist/widget.
const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const consoleDir = join(appRoot, 'dist', 'public');
const widgetDir = join(appRoot, 'dist', 'widget');
// The console acts as the workspace owner for whoever reaches it: never anything but loopback.
const consoleHost = '127.0.0.1';
const consolePort = Number(process.env.PORT ?? 5173);
const widgetHost = process.env.WIDGET_HOST ?? '127.0.0.1';
const widgetPort = Number(process.env.WIDGET_PORT ?? 5175);
// The demo seed's support agent is the one the widget chats with, unless told otherwise.
const DEMO_WIDGET_AGENT = 'Acme Support';

if (!existsSync(join(consoleDir, 'index.html')) || !existsSync(join(widgetDir, 'widget.html'))) {
  console.error(
    'The app is not built yet: run `pnpm --filter @livechatai/example build` (or `pnpm start` at the root).',
  );
  process.exit(1);
}

let target: string;
let apiKey: string;
let closeEmulator: (() => Promise<void>) | undefined;
const realBaseURL = process.env.LIVECHATAI_BASE_URL;
if (realBaseURL) {
  const key = process.env.LIVECHATAI_API_KEY;
  if (!key) {
    console.error(
      'LIVECHATAI_BASE_URL is set but LIVECHATAI_API_KEY is not: the server needs the key to forward requests.',
    );
    process.exit(1);
  }
  target = realBaseURL;
  apiKey = key;
  console.log(`Forwarding /api/v2 to ${realBaseURL}`);
} else {
  const dataDir = process.env.LIVECHATAI_EMULATOR_DATA ?? join(appRoot, '.emulator-data');
  mkdirSync(dataDir, { recursive: true });
  const db = join(dataDir, 'livechatai.sqlite');
  const firstRun = !existsSync(db);
  const emulator = await startEmulator({
    port: 0,
    host: '127.0.0.1',
    db,
    ...(firstRun ? { seed: 'demo' as const } : {}),
  });
  target = emulator.url;
  apiKey = emulator.apiKey;
  closeEmulator = () => emulator.close();
  console.log(`Emulator running at ${emulator.url} (data: ${db}${firstRun ? ', seeded with demo data' : ''})`);
  // The demo data covers the 30 days before the day it was seeded, and a persistent database keeps it as it
  // was: weeks later the charts end weeks before today. Say so, and how to get fresh data.
  const seededOn = join(dataDir, 'demo-seeded-on');
  const today = new Date().toISOString().slice(0, 10);
  if (firstRun) writeFileSync(seededOn, `${today}\n`);
  else if (existsSync(seededOn)) {
    const day = readFileSync(seededOn, 'utf8').trim();
    const age = Math.round((Date.parse(today) - Date.parse(day)) / 86_400_000);
    if (age > 1) {
      console.log(
        `The demo data was seeded on ${day} (${String(age)} days ago): its conversations and charts end there. Delete ${dataDir} to start with fresh demo data.`,
      );
    }
  }
}

// The chat handler's client: the key lives here, on the server, like the console's.
const client = createClient({ apiKey, baseURL: target });
let widgetAgentId = process.env.LIVECHATAI_WIDGET_AGENT_ID;
let widgetAgentName = widgetAgentId;
if (!widgetAgentId) {
  const agents = await client.request<{ id: string; name: string }[]>({
    method: 'GET',
    path: '/agents',
    query: { limit: 100 },
  });
  const agent = agents.find((a) => a.name === DEMO_WIDGET_AGENT) ?? agents[0];
  if (!agent) {
    await closeEmulator?.();
    console.error(
      'The workspace has no agent for the widget: create one in the console, or set LIVECHATAI_WIDGET_AGENT_ID.',
    );
    process.exit(1);
  }
  widgetAgentId = agent.id;
  widgetAgentName = agent.name;
}
const secret = process.env.LIVECHATAI_CHAT_SECRET ?? randomBytes(32).toString('base64url');

const consoleServer = await listen(createProxyApp({ target, apiKey, staticDir: consoleDir }), consoleHost, consolePort);
if (consoleServer.fellBack)
  console.log(`Port ${String(consolePort)} is busy; the console uses ${String(consoleServer.port)} instead.`);
const site = await listen(
  createPublicSiteApp({ client, agentId: widgetAgentId, secret, staticDir: widgetDir }),
  widgetHost,
  widgetPort,
);
if (site.fellBack)
  console.log(`Port ${String(widgetPort)} is busy; the public site uses ${String(site.port)} instead.`);

console.log(`
  LiveChatAI console (admin, this machine only):  ${consoleServer.url}
  Public site with the visitor chat widget:       ${site.url}  (agent: ${widgetAgentName ?? widgetAgentId})
${process.env.LIVECHATAI_CHAT_SECRET ? '' : '\n  Visitor cookies are signed with a secret generated for this run; set LIVECHATAI_CHAT_SECRET to keep chats across restarts.\n'}`);

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  await Promise.all([consoleServer.close(), site.close()]);
  await closeEmulator?.();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
