// `pnpm start`: the emulator in-process (a persistent SQLite file, seeded with demo data on first run) or the
// real service when LIVECHATAI_BASE_URL is set, then the app server on PORT (default 5173, or a free port).
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '@livechatai/emulator';
import { createProxyApp } from './app.js';
import { listen } from './listen.js';

// Built to apps/example/dist/server/start.js; the app is in dist/public.
const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const staticDir = join(appRoot, 'dist', 'public');
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 5173);

if (!existsSync(join(staticDir, 'index.html'))) {
  console.error('The app is not built yet: run `pnpm --filter @livechatai/example build` (or `pnpm start` at the root).');
  process.exit(1);
}

let target: string;
let apiKey: string;
let closeEmulator: (() => Promise<void>) | undefined;
const realBaseURL = process.env.LIVECHATAI_BASE_URL;
if (realBaseURL) {
  const key = process.env.LIVECHATAI_API_KEY;
  if (!key) {
    console.error('LIVECHATAI_BASE_URL is set but LIVECHATAI_API_KEY is not: the server needs the key to forward requests.');
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
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', db, ...(firstRun ? { seed: 'demo' as const } : {}) });
  target = emulator.url;
  apiKey = emulator.apiKey;
  closeEmulator = () => emulator.close();
  console.log(`Emulator running at ${emulator.url} (data: ${db}${firstRun ? ', seeded with demo data' : ''})`);
}

const server = await listen(createProxyApp({ target, apiKey, staticDir }), host, port);
if (server.fellBack) console.log(`Port ${String(port)} is busy; using ${String(server.port)} instead.`);
console.log(`\n  LiveChatAI example app: ${server.url}\n`);

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  await server.close();
  await closeEmulator?.();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
