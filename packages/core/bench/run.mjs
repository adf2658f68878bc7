/* global process, console, performance, fetch, URL */
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

const client = createClient({ apiKey: KEY, baseURL, logLevel: 'off' });
const headers = { authorization: `Bearer ${KEY}`, accept: 'application/json' };
const raw = () => fetch(`${baseURL}/agents/clx1`, { headers }).then((r) => r.json()).then((j) => j.data);
const sdk = () => client.request({ method: 'GET', path: '/agents/clx1' });
// timeout: 0 and no signal: nothing can cancel, so fetch gets no AbortSignal (undici is measurably faster without)
const lean = createClient({ apiKey: KEY, baseURL, logLevel: 'off', timeout: 0 });
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
await measure(raw); // warm up both paths and the keep-alive pool
await measure(sdk);
await measure(sdkLean);
const rawRps = [];
const sdkRps = [];
const ratios = [];
const cpuRatios = [];
const leanCpuRatios = [];
for (let i = 0; i < ROUNDS; i++) {
  // alternate which side goes first, so drift on a shared machine hits both equally
  let a, b;
  if (i % 2) {
    a = await measure(sdk);
    b = await measure(raw);
  } else {
    b = await measure(raw);
    a = await measure(sdk);
  }
  sdkRps.push(a.rps);
  rawRps.push(b.rps);
  ratios.push(a.rps / b.rps);
  cpuRatios.push(a.cpuRps / b.cpuRps);
  leanCpuRatios.push((await measure(sdkLean)).cpuRps / b.cpuRps);
}
child.disconnect();

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

const r = median(rawRps);
const s = median(sdkRps);
console.log(`GET through the transport vs raw fetch (${ROUNDS} rounds × ${MS} ms, concurrency ${CONCURRENCY}, medians)`);
console.log(`  raw fetch      ${r.toFixed(0).padStart(7)} req/s`);
console.log(`  @livechatai    ${s.toFixed(0).padStart(7)} req/s`);
console.log(`  ratio          ${median(ratios).toFixed(3)}  wall clock (median of per-round ratios; goal ≥ 0.97)`);
console.log(`  ratio (CPU)    ${median(cpuRatios).toFixed(3)}  requests per CPU-second of the client process (robust under load)`);
console.log(`  ratio (CPU)    ${median(leanCpuRatios).toFixed(3)}  same, client with timeout: 0 (no AbortSignal handed to fetch)`);
console.log(`core ESM, createClient + one request: ${min.length} B min, ${gzipSync(min, { level: 9 }).length} B min+gzip`);
