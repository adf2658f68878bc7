// withOptions on the umbrella client and on the transport a resource class takes, against the emulator.
import { useEmulator } from '@livechatai/test-utils';
import { describe, expect, it } from 'vitest';
import { Agents, APITimeoutError, createClient, LiveChatAI } from './index.js';

const env = useEmulator();

describe('withOptions', () => {
  it('LiveChatAI#withOptions: every resource uses the derived transport, the parent keeps its own', async () => {
    const client = new LiveChatAI({ apiKey: env.emulator.apiKey, baseURL: env.emulator.url, maxRetries: 0 });
    const hurried = client.withOptions({ timeout: 50 });
    expect(hurried).toBeInstanceOf(LiveChatAI);
    expect(hurried.transport.timeout).toBe(50);
    expect(client.transport.timeout).toBe(60_000);
    expect(hurried.transport.retry.budget).toBe(client.transport.retry.budget);
    const slow = { headers: { 'x-emulator-fault': 'latency=300;id=umbrella' } };
    await expect(hurried.agents.list({}, slow)).rejects.toBeInstanceOf(APITimeoutError);
    await expect(
      hurried.conversations.list({ agentId: 'agent_x' }, { headers: { 'x-emulator-fault': 'latency=300;id=c' } }),
    ).rejects.toBeInstanceOf(APITimeoutError);
    await expect(client.agents.list()).resolves.toBeDefined();
  });

  it('a resource class takes a derived transport: new Agents(client.withOptions({ timeout }))', async () => {
    const transport = createClient({ apiKey: env.emulator.apiKey, baseURL: env.emulator.url, maxRetries: 0 });
    const id = await env.createAgent('with-options');
    const agents = new Agents(transport.withOptions({ timeout: 5_000, defaultHeaders: { 'x-team': 'ops' } }));
    expect((await agents.retrieve(id)).id).toBe(id);
    const hurried = new Agents(transport.withOptions({ timeout: 50 }));
    await expect(
      hurried.retrieve(id, {}, { headers: { 'x-emulator-fault': 'latency=300;id=agents' } }),
    ).rejects.toMatchObject({
      name: 'APITimeoutError',
      ms: 50,
    });
  });
});
