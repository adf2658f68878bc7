// The browser guard in a real browser: Debian's Chromium (`/usr/bin/chromium` or CHROMIUM_PATH) opens a page on a
// loopback server that runs core's bundle in the page, a classic Web Worker (importScripts), a module Web Worker
// and a Service Worker. Each reports back over HTTP what createClient did with a secret key, and what a keyless
// client did with a same-origin call and with a redirect (an opaque one, in a browser).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '@livechatai/config/chromium';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startServer } from './server.js';
import type { TestServer } from './server.js';

/** What each scope runs: `core` is the bundle's exports. Reports one JSON object. */
const PROBE = `
async function probe(core, scope) {
  const out = { scope };
  try {
    core.createClient({ apiKey: 'sk_live_worker_secret', baseURL: 'https://app.livechatai.com/api/v2' });
    out.secretKey = 'accepted';
  } catch (e) {
    out.secretKey = core.isInvalidParameterError(e) && e.param === 'apiKey' && /browser/.test(e.message) ? 'refused' : String(e);
  }
  out.allowed = !!core.createClient({ apiKey: 'k', dangerouslyAllowBrowser: true }).baseURL;
  const proxy = core.createClient({ apiKey: null, baseURL: '/api/v2' });
  try {
    out.sameOrigin = await proxy.request({ method: 'GET', path: '/ping' });
  } catch (e) {
    out.sameOrigin = String(e);
  }
  try {
    await proxy.request({ method: 'GET', path: '/moved' });
    out.redirect = 'followed';
  } catch (e) {
    out.redirect = core.isUnexpectedResponseError?.(e) ? e.code : String(e);
  }
  await fetch('/result', { method: 'POST', body: JSON.stringify(out) });
}
`;

const PAGE = `<!doctype html><meta charset="utf-8"><title>workers</title>
<script type="module">
  import * as core from '/core.mjs';
  ${PROBE}
  await probe(core, 'page');
  new Worker('/classic-worker.js');
  new Worker('/module-worker.mjs', { type: 'module' });
  await navigator.serviceWorker.register('/service-worker.js');
</script>`;

const CLASSIC_WORKER = `importScripts('/core.iife.js');\n${PROBE}\nprobe(LiveChatAICore, 'classic worker');`;
const MODULE_WORKER = `import * as core from '/core.mjs';\n${PROBE}\nawait probe(core, 'module worker');`;
const SERVICE_WORKER = `importScripts('/core.iife.js');\n${PROBE}
self.addEventListener('install', (event) => event.waitUntil(probe(LiveChatAICore, 'service worker')));`;

let server: TestServer;
let browser: ChildProcess | undefined;
let profile: string;
const results: Record<string, unknown>[] = [];
let allReported: Promise<void>;

describe.skipIf(!existsSync(CHROMIUM_PATH))('browser guard in Chromium: page, Web Workers, Service Worker', () => {
  beforeAll(async () => {
    const entry = new URL('../src/index.ts', import.meta.url).pathname;
    const bundle = async (format: 'esm' | 'iife') => {
      const out = await build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        format,
        globalName: 'LiveChatAICore',
        platform: 'browser',
        define: { __PACKAGE_VERSION__: '"0.0.0-chromium"' },
      });
      return out.outputFiles[0]!.text;
    };
    const esm = await bundle('esm');
    const iife = await bundle('iife');
    let report: () => void;
    allReported = new Promise((resolve) => (report = resolve));
    const files: Record<string, [string, string]> = {
      '/': ['text/html', PAGE],
      '/core.mjs': ['text/javascript', esm],
      '/core.iife.js': ['text/javascript', iife],
      '/classic-worker.js': ['text/javascript', CLASSIC_WORKER],
      '/module-worker.mjs': ['text/javascript', MODULE_WORKER],
      '/service-worker.js': ['text/javascript', SERVICE_WORKER],
    };
    server = await startServer((req, res) => {
      if (req.url === '/result') {
        results.push(JSON.parse(req.body) as Record<string, unknown>);
        if (results.length === 4) report();
        return res.end();
      }
      if (req.url === '/api/v2/ping') return json(res, 200, { status: 'success', data: 'pong' });
      if (req.url === '/api/v2/moved') {
        res.writeHead(307, { location: '/api/v2/ping' });
        return res.end();
      }
      const file = files[req.url];
      if (!file) {
        res.writeHead(404);
        return res.end();
      }
      res.writeHead(200, { 'content-type': file[0] });
      return res.end(file[1]);
    });
    profile = mkdtempSync(join(tmpdir(), 'lcai-chromium-'));
    browser = spawn(
      CHROMIUM_PATH,
      [...CHROMIUM_FLAGS, '--no-first-run', `--user-data-dir=${profile}`, `${server.origin}/`],
      { stdio: 'ignore' },
    );
  }, 60_000);

  afterAll(async () => {
    browser?.kill();
    await new Promise((r) => setTimeout(r, 200));
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  });

  it('refuses a secret key in each of them, allows it with dangerouslyAllowBrowser, and refuses an opaque redirect', async () => {
    await allReported;
    const byScope = Object.fromEntries(results.map(({ scope, ...rest }) => [scope as string, rest]));
    const expected = { secretKey: 'refused', allowed: true, sameOrigin: 'pong', redirect: 'redirect_refused' };
    expect(byScope).toEqual({
      page: expected,
      'classic worker': expected,
      'module worker': expected,
      'service worker': expected,
    });
  }, 60_000);
});
