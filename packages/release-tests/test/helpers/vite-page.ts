// Builds two browser pages with Vite (the workspace's Vite, run on a temp project's node_modules): one using
// @livechatai/react (provider + useChat), and a baseline with the same React + TanStack Query code and no SDK.
// The difference of their gzipped JavaScript is what the SDK adds to a page.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const HTML = `<!doctype html><html><head><meta charset="utf-8"><title>packed</title></head>
<body><div id="root"></div><script type="module" src="./main.js"></script></body></html>
`;

const SDK_PAGE = `import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createClient } from '@livechatai/core';
import { LiveChatAIProvider, useChat } from '@livechatai/react';

// In a browser the client calls your own server route, which adds the API key.
const client = createClient({ apiKey: null, baseURL: location.origin + '/api/livechat' });

function Chat() {
  const chat = useChat({ agentId: 'agent_1' });
  return h('div', null, h('p', null, chat.status), h('button', { onClick: () => chat.send('Hello') }, 'Send'),
    chat.messages.map((m) => h('p', { key: m.id }, m.content)));
}

createRoot(document.getElementById('root')).render(
  h(QueryClientProvider, { client: new QueryClient() }, h(LiveChatAIProvider, { client }, h(Chat))),
);
`;

const BASELINE_PAGE = `import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

function Chat() {
  const queryClient = useQueryClient();
  const [messages, setMessages] = useState([]);
  const history = useQuery({ queryKey: ['history'], queryFn: () => fetch('/api/livechat/history').then((r) => r.json()) });
  const send = useMutation({ mutationFn: (text) => fetch('/api/livechat', { method: 'POST', body: text }).then((r) => r.text()),
    onSuccess: (text) => { setMessages((all) => [...all, text]); void queryClient.invalidateQueries({ queryKey: ['history'] }); } });
  return h('div', null, h('p', null, history.status), h('button', { onClick: () => send.mutate('Hello') }, 'Send'),
    messages.map((m, i) => h('p', { key: i }, m)));
}

createRoot(document.getElementById('root')).render(h(QueryClientProvider, { client: new QueryClient() }, h(Chat)));
`;

export interface PageBuild {
  files: string[];
  gzip: number;
  text: string;
}

async function buildPage(projectDir: string, name: string, code: string): Promise<PageBuild> {
  const root = join(projectDir, name);
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'index.html'), HTML);
  writeFileSync(join(root, 'main.js'), code);
  const outDir = join(root, 'dist');
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    // vitest runs with NODE_ENV=test, which Vite would otherwise inline (shipping React's development build).
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { outDir, emptyOutDir: true, minify: true, sourcemap: false, reportCompressedSize: false },
  });
  const assets = join(outDir, 'assets');
  const files = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .sort();
  let gzip = 0;
  let text = '';
  for (const file of files) {
    const contents = readFileSync(join(assets, file));
    gzip += gzipSync(contents, { level: 9 }).length;
    text += contents.toString('utf8');
  }
  return { files, gzip, text };
}

export async function buildVitePage(projectDir: string): Promise<{ withSdk: PageBuild; baseline: PageBuild }> {
  const withSdk = await buildPage(projectDir, 'with-sdk', SDK_PAGE);
  const baseline = await buildPage(projectDir, 'baseline', BASELINE_PAGE);
  return { withSdk, baseline };
}
