// Benchmark: requests per second of the emulator next to Prism (mock mode) serving the same OpenAPI
// document in the same run, for a GET and a POST over loopback, plus the answer latency with 10,000 chunks.
// Prints numbers and ratios; never fails on time.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import console from 'node:console';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { setTimeout } from 'node:timers';
import autocannon from 'autocannon';

const { fetch } = globalThis;

const here = import.meta.dirname;
const root = join(here, '..');
const BIN = join(root, 'dist', 'bin.js');
const PRISM = join(root, 'node_modules', '.bin', 'prism');
const SPEC = join(root, 'node_modules', '@livechatai', 'spec', 'openapi.json');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 10;
// Every target (emulator and Prism alike) first serves WARMUP seconds of the same load, not measured, so that
// neither is judged on its JIT warm-up.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const KEY = 'bench-key-0123456789abcdef';

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function waitFor(url, headers) {
  for (let i = 0; i < 300; i++) {
    try {
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

const cannon = (opts) =>
  new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, ...opts }, (err, result) => {
      if (err) reject(err);
      else resolve(result);
    });
  });

async function run(title, opts) {
  if (WARMUP > 0) await cannon({ ...opts, duration: WARMUP });
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts }, (err, result) => {
      if (err) reject(err);
      else {
        const non2xx = result.non2xx + result.errors;
        console.log(
          `  ${title.padEnd(34)} ${result.requests.average.toFixed(0).padStart(7)} req/s   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms${non2xx ? `   (${non2xx} non-2xx/errors)` : ''}`,
        );
        resolve(result.requests.average);
      }
    });
  });
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  if (!existsSync(BIN)) throw new Error('build first: pnpm --filter @livechatai/emulator build');
  const dir = mkdtempSync(join(tmpdir(), 'lcai-bench-'));
  const children = [];
  try {
    const emPort = await freePort();
    const em = spawn(
      process.execPath,
      [BIN, '--port', String(emPort), '--db', join(dir, 'bench.db'), '--api-key', KEY, '--quiet'],
      { stdio: 'ignore' },
    );
    children.push(em);
    const base = `http://127.0.0.1:${emPort}/api/v2`;
    const auth = { authorization: `Bearer ${KEY}` };
    await waitFor(`http://127.0.0.1:${emPort}/_emulator/health`);
    const json = { ...auth, 'content-type': 'application/json' };
    const agent = await (
      await fetch(`${base}/agents`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ name: 'Bench', isLiveChatEnabled: true }),
      })
    ).json();
    const agentId = agent.data.id;
    const contactBody = JSON.stringify({
      agentId,
      distinctId: 'bench-user',
      name: 'Bench User',
      attributes: { planType: 'pro' },
    });

    let prism = null;
    let prismNote = '';
    if (existsSync(PRISM)) {
      const prismPort = await freePort();
      const child = spawn(PRISM, ['mock', '-h', '127.0.0.1', '-p', String(prismPort), SPEC], { stdio: 'ignore' });
      children.push(child);
      try {
        await waitFor(`http://127.0.0.1:${prismPort}/agents`, auth);
        prism = `http://127.0.0.1:${prismPort}`;
      } catch (err) {
        prismNote = `Prism did not start (${err.message})`;
      }
    } else {
      prismNote = 'Prism (@stoplight/prism-cli) is not installed';
    }

    console.log(
      `\nThroughput on loopback, ${DURATION} s each after ${WARMUP} s of warm-up, ${CONNECTIONS} connections, no pipelining (emulator: built bin, SQLite file in WAL mode; Prism 5.14.2 mock mode, same openapi.json)\n`,
    );
    const emGet = await run('emulator  GET  /agents', { url: `${base}/agents`, headers: auth });
    const prGet = prism ? await run('prism     GET  /agents', { url: `${prism}/agents`, headers: auth }) : null;
    const emPost = await run('emulator  POST /contacts (upsert)', {
      url: `${base}/contacts`,
      method: 'POST',
      headers: json,
      body: contactBody,
    });
    const prPost = prism
      ? await run('prism     POST /contacts', {
          url: `${prism}/contacts`,
          method: 'POST',
          headers: json,
          body: contactBody,
        })
      : null;
    console.log('');
    if (prism) {
      console.log(`  ratio GET  emulator / prism: ${(emGet / prGet).toFixed(1)}x   (goal >= 5x)`);
      console.log(`  ratio POST emulator / prism: ${(emPost / prPost).toFixed(1)}x   (goal >= 5x)`);
    } else {
      console.log(`  no Prism comparison: ${prismNote}`);
    }

    // Answer latency with 10,000 data-source chunks (one short text source = one chunk).
    const words =
      'account billing invoice refund shipping delivery package order tracking warranty password login plan pricing discount trial export import widget language integration webhook slack whatsapp api key security privacy data storage backup support hours holiday office team manager report dashboard analytics customer contact email phone address payment card subscription upgrade downgrade cancel renewal'.split(
        ' ',
      );
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const sentence = () => Array.from({ length: 12 }, () => words[Math.floor(rand() * words.length)]).join(' ');
    const answerAgent = (
      await (
        await fetch(`${base}/agents`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ name: 'Big KB', isLiveChatEnabled: false }),
        })
      ).json()
    ).data.id;
    const t0 = performance.now();
    const batch = 50;
    for (let i = 0; i < 10_000; i += batch) {
      await Promise.all(
        Array.from({ length: batch }, (_, j) =>
          fetch(`${base}/data-sources/text`, {
            method: 'POST',
            headers: json,
            body: JSON.stringify({
              agentId: answerAgent,
              title: `Article ${i + j}`,
              content: `${sentence()}. ${sentence()}. Reference code R-${i + j}.`,
            }),
          }).then((r) => r.arrayBuffer()),
        ),
      );
    }
    console.log(`\n  loaded 10,000 data sources (10,000 chunks) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const times = [];
    for (let i = 0; i < 200; i++) {
      const question =
        i % 10 === 9
          ? 'Do you sell gift cards on the moon?'
          : `What about ${words[i % words.length]} and ${words[(i * 7) % words.length]} for reference code R-${i * 37}?`;
      const start = performance.now();
      const res = await fetch(`${base}/conversations`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ agentId: answerAgent, question }),
      });
      await res.arrayBuffer();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(
      `  answer latency over 200 questions (POST /conversations, non-streaming): p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms\n`,
    );
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
