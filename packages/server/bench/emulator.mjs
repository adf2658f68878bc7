/* global process */
// The bench's API: an emulator in its own process (as the real API is), seeded with one agent and its knowledge.
import { createClient } from '@livechatai/core';
import { startEmulator } from '@livechatai/emulator';

const emulator = await startEmulator({ port: 0, streamDelayMs: 0 });
const client = createClient({ apiKey: emulator.apiKey, baseURL: emulator.url });
const { id: agentId } = await client.request({
  method: 'POST',
  path: '/agents',
  body: { name: 'Bench', isLiveChatEnabled: true },
});
await client.request({
  method: 'POST',
  path: '/data-sources/text',
  body: {
    agentId,
    title: 'Shipping and returns',
    content:
      'Orders ship within two business days. Returns are free for thirty days. Shipping abroad takes a week. ' +
      'Our support team answers every message within a day, Monday to Friday, from nine to five.',
  },
});
process.send({ url: emulator.url, apiKey: emulator.apiKey, agentId });
process.on('disconnect', () => void emulator.close().then(() => process.exit(0)));
