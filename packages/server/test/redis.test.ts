// Two handler instances (two "servers" behind a load balancer) sharing one real redis-server: one rate limit,
// one ownership cache. The test starts its own redis-server on a free loopback port, with no persistence.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { useEmulator } from '@livechatai/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatHandler } from '../src/index.js';
import { redisStore } from '../src/redis.js';
import { Browser, doneOf, mountNode, SECRET } from './helpers.js';
import type { Mounted } from './helpers.js';

const env = useEmulator({ streamDelayMs: 1 });
let redisProcess: ChildProcess;
let redis: Redis;
let port = 0;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port: free } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return free;
}

beforeAll(async () => {
  port = await freePort();
  redisProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  redis = new Redis({
    host: '127.0.0.1',
    port,
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: (n) => (n > 50 ? null : 100),
  });
  redis.on('error', () => undefined); // connection attempts before the server listens
  // redis-server takes a moment to listen: try for up to 10 s
  for (let tries = 0; ; tries++) {
    try {
      await redis.connect();
      break;
    } catch (error) {
      if (tries >= 100) throw error;
      redis.disconnect();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
});
afterAll(async () => {
  await redis.quit();
  redisProcess.kill();
});

describe('redisStore', () => {
  it('counts hits atomically in a window and expires values', async () => {
    const store = redisStore(redis, { prefix: 'unit:' });
    const hits = await Promise.all(Array.from({ length: 20 }, () => store.hit('k', 60_000)));
    expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(hits.every((h) => h.resetMs > 0 && h.resetMs <= 60_000)).toBe(true);
    await store.set('v', 'value', 50);
    expect(await store.get('v')).toBe('value');
    expect(await redis.pttl('unit:v')).toBeLessThanOrEqual(50);
    expect(await store.get('missing')).toBeUndefined();
  });

  it('two handler instances sharing it enforce one per-visitor limit', async () => {
    const agentId = await env.createAgent('Shop');
    const store = redisStore(redis, { prefix: `shared-${String(Date.now())}:` });
    const make = () =>
      createChatHandler({
        client: env.client,
        agents: [agentId],
        secret: SECRET,
        store,
        rateLimit: { send: { limit: 3, windowMs: 60_000 } },
      });
    const servers: Mounted[] = [await mountNode(make()), await mountNode(make())];
    try {
      // one visitor's cookie, sent alternately to both instances (a load balancer without stickiness)
      const a = new Browser(servers[0]!.url);
      const first = await a.send({ agentId, question: 'one' });
      const { conversationId } = doneOf(first.body);
      const b = new Browser(servers[1]!.url);
      b.cookie = a.cookie;
      expect((await b.send({ agentId, question: 'two', conversationId })).status).toBe(200);
      expect((await a.send({ agentId, question: 'three', conversationId })).status).toBe(200);
      const fourth = await b.send({ agentId, question: 'four', conversationId });
      expect(fourth.status).toBe(429);
      expect(fourth.headers.get('retry-after')).toMatch(/^\d+$/);
      // the same limit on the first instance too
      expect((await a.send({ agentId, question: 'five', conversationId })).status).toBe(429);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  });
});
