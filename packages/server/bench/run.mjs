/* global process, console, performance, fetch, URL */
// `pnpm --filter @livechatai/server bench`: a streamed answer through the chat handler (mounted on node:http with
// toNodeHandler) vs the same answer asked of the API directly with the SDK, against one emulator, in the
// same run (alternating rounds, medians; the emulator in a child process). Prints first-delta latency, total time, the time added per delta and the
// throughput ratio. Needs a build (`pnpm --filter @livechatai/server... build`). Never fails on time; loopback only.
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createClient, EventStream } from '@livechatai/core';
import { Messages } from '@livechatai/messages';
import { createChatHandler, toNodeHandler } from '../dist/index.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const PER_ROUND = Number(process.env.BENCH_ANSWERS ?? 25);
const THROUGHPUT_MS = Number(process.env.BENCH_MS ?? 800);
const CONCURRENCY = 4;

// The API runs in its own process, as the real one does: the handler's cost is then what this process adds.
const child = fork(fileURLToPath(new URL('./emulator.mjs', import.meta.url)), { stdio: 'inherit' });
const api = await new Promise((resolve) => child.once('message', resolve));
const { agentId } = api;
const client = createClient({ apiKey: api.apiKey, baseURL: api.url });
const question = 'How long does shipping take and are returns free?';

const handler = createChatHandler({
  client,
  agents: [agentId],
  secret: 'bench-secret-bench-secret-bench-secret!',
  rateLimit: false,
});
const server = createServer(toNodeHandler(handler));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const chatURL = `http://127.0.0.1:${server.address().port}/api/chat`;
// one visitor (the cookie of the first answer), as a real page would be
const first = await fetch(chatURL, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ agentId, question }),
});
const cookie = first.headers.getSetCookie()[0].split(';')[0];
await first.text();

const messages = new Messages(client);

/** One answer: ms to the first delta, ms in all, deltas. */
async function timed(open) {
  const started = performance.now();
  const stream = await open();
  let firstDelta = 0;
  let deltas = 0;
  for await (const event of stream) {
    if (event.event !== 'delta') continue;
    if (!deltas) firstDelta = performance.now() - started;
    deltas++;
  }
  return { firstDelta, total: performance.now() - started, deltas };
}
const direct = () => timed(() => messages.stream({ agentId, question }));
const viaHandler = () =>
  timed(async () =>
    EventStream.fromResponse(
      await fetch(chatURL, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ agentId, question }),
      }),
    ),
  );

async function throughput(run) {
  let answers = 0;
  const until = performance.now() + THROUGHPUT_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        await run();
        answers++;
      }
    }),
  );
  return (answers * 1000) / THROUGHPUT_MS;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const results = { direct: { first: [], total: [], rps: [] }, handler: { first: [], total: [], rps: [] } };
let deltasPerAnswer = 0;
for (const run of [direct, viaHandler]) for (let i = 0; i < 5; i++) await run(); // warm up
for (let round = 0; round < ROUNDS; round++) {
  // alternate the order, so neither side always runs on a warmer machine
  const order =
    round % 2
      ? [
          ['handler', viaHandler],
          ['direct', direct],
        ]
      : [
          ['direct', direct],
          ['handler', viaHandler],
        ];
  for (const [name, run] of order) {
    for (let i = 0; i < PER_ROUND; i++) {
      const r = await run();
      results[name].first.push(r.firstDelta);
      results[name].total.push(r.total);
      deltasPerAnswer = r.deltas;
    }
    results[name].rps.push(await throughput(run));
  }
}

const row = (name) => ({
  first: median(results[name].first),
  total: median(results[name].total),
  rps: median(results[name].rps),
});
const d = row('direct');
const h = row('handler');
const addedPerDelta = (h.total - d.total) / Math.max(1, deltasPerAnswer);
console.log(
  `chat handler vs direct SDK call, streamed answers of ${deltasPerAnswer} deltas (${ROUNDS} rounds, medians)`,
);
console.log(
  `  first delta:  direct ${d.first.toFixed(2)} ms, through the handler ${h.first.toFixed(2)} ms (+${(h.first - d.first).toFixed(2)} ms)`,
);
console.log(`  whole answer: direct ${d.total.toFixed(2)} ms, through the handler ${h.total.toFixed(2)} ms`);
console.log(`  added per delta: ${addedPerDelta.toFixed(3)} ms (goal <= 1 ms)`);
console.log(
  `  throughput (${CONCURRENCY} at a time): direct ${d.rps.toFixed(0)}/s, through the handler ${h.rps.toFixed(0)}/s, ratio ${(h.rps / d.rps).toFixed(2)} (goal >= 0.9)`,
);

server.closeAllConnections();
server.close();
child.disconnect();
