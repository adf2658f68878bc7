/* global process, console, performance, fetch, URL, AbortController, setTimeout, clearTimeout */
// `pnpm --filter @livechatai/core bench`: requests per second through the transport vs raw fetch against the
// same local server in one run (interleaved rounds, medians), printed as a ratio; plus core's ESM min+gzip size.
// Needs `pnpm --filter @livechatai/core build` first. Never fails on time.
import { fork } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createClient } from '../dist/index.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);
const MS = Number(process.env.BENCH_MS ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

const child = fork(fileURLToPath(new URL('./server.mjs', import.meta.url)), { stdio: 'inherit' });
const port = await new Promise((resolve) => child.once('message', (m) => resolve(m.port)));
const baseURL = `http://127.0.0.1:${port}/api/v2`;
const KEY = 'bench_key';

const client = createClient({ apiKey: KEY, baseURL });
const headers = { authorization: `Bearer ${KEY}`, accept: 'application/json' };
const url = `${baseURL}/agents/clx1`;
// raw fetch as a careful caller writes it with the same 60 s response timeout the transport has by default
const rawTimed = async () => {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), 60_000);
  try {
    const response = await fetch(url, { headers, signal: ctrl.signal });
    return (await response.json()).data;
  } finally {
    clearTimeout(timer);
  }
};
// bare raw fetch: nothing can cancel it, so undici gets no AbortSignal
const raw = () =>
  fetch(url, { headers })
    .then((r) => r.json())
    .then((j) => j.data);
const sdk = () => client.request({ method: 'GET', path: '/agents/clx1' });
// timeout: 0 and no signal: nothing can cancel, so fetch gets no AbortSignal either
const lean = createClient({ apiKey: KEY, baseURL, timeout: 0 });
const sdkLean = () => lean.request({ method: 'GET', path: '/agents/clx1' });

async function measure(fn) {
  let count = 0;
  const end = performance.now() + MS;
  const worker = async () => {
    while (performance.now() < end) {
      await fn();
      count++;
    }
  };
  const start = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const used = process.cpuUsage(cpu);
  // wall-clock rate, and the rate per CPU-second of this process (robust when other work shares the machine)
  return { rps: (count * 1000) / (performance.now() - start), cpuRps: (count * 1e6) / (used.user + used.system) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = { raw, rawTimed, sdk, sdkLean };
for (const fn of Object.values(runs)) await measure(fn); // warm up every path and the keep-alive pool
const samples = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
const order = Object.keys(runs);
for (let i = 0; i < ROUNDS; i++) {
  // rotate which side goes first, so drift on a shared machine hits every side equally
  for (let k = 0; k < order.length; k++) {
    const name = order[(i + k) % order.length];
    samples[name].push(await measure(runs[name]));
  }
}
child.disconnect();
const ratio = (a, b, field) => median(samples[a].map((s, i) => s[field] / samples[b][i][field])).toFixed(3);

const entry = `import { createClient } from '${fileURLToPath(new URL('../dist/index.js', import.meta.url))}';
export const result = createClient({ apiKey: 'k' }).request({ method: 'GET', path: '/x' });`;
const out = await build({
  stdin: { contents: entry, resolveDir: process.cwd(), loader: 'js' },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  write: false,
});
const min = out.outputFiles[0].contents;

console.log(
  `GET through the transport vs raw fetch (${ROUNDS} rounds × ${MS} ms, concurrency ${CONCURRENCY}, medians)`,
);
for (const [name, label] of [
  ['raw', 'raw fetch'],
  ['rawTimed', 'raw fetch + 60 s timeout'],
  ['sdk', '@livechatai (defaults)'],
  ['sdkLean', '@livechatai (timeout: 0)'],
]) {
  console.log(
    `  ${label.padEnd(26)} ${median(samples[name].map((s) => s.rps))
      .toFixed(0)
      .padStart(7)} req/s`,
  );
}
console.log('ratios (wall clock / per CPU-second of the client process; goal ≥ 0.97 for the same work):');
console.log(
  `  defaults vs raw fetch with the same timeout   ${ratio('sdk', 'rawTimed', 'rps')} / ${ratio('sdk', 'rawTimed', 'cpuRps')}`,
);
console.log(
  `  timeout: 0 vs raw fetch                       ${ratio('sdkLean', 'raw', 'rps')} / ${ratio('sdkLean', 'raw', 'cpuRps')}`,
);
console.log(
  `  defaults vs bare raw fetch (not the same work: Node's fetch is slower with any AbortSignal) ${ratio('sdk', 'raw', 'rps')} / ${ratio('sdk', 'raw', 'cpuRps')}`,
);
console.log(
  `core ESM, createClient + one request: ${min.length} B min, ${gzipSync(min, { level: 9 }).length} B min+gzip`,
);
