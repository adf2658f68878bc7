// An in-process emulator leaves the host's globals alone (@hono/node-server replaces Request and Response
// unless told not to, and its Response.clone() drops headers added after construction).
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../src/index.js';

describe('startEmulator() in a user process', () => {
  it('keeps globalThis.Request and Response, and Response.clone() keeps late headers', async () => {
    const { Request: RequestBefore, Response: ResponseBefore, Headers: HeadersBefore, fetch: fetchBefore } = globalThis;
    const em = await startEmulator();
    try {
      const res = await fetch(`${em.url}/agents`, { headers: { authorization: `Bearer ${em.apiKey}` } });
      expect(res.status).toBe(200);
      await res.text();
      expect(globalThis.Request).toBe(RequestBefore);
      expect(globalThis.Response).toBe(ResponseBefore);
      expect(globalThis.Headers).toBe(HeadersBefore);
      expect(globalThis.fetch).toBe(fetchBefore);
      const user = new Response('hello', { headers: { 'content-type': 'text/plain' } });
      user.headers.set('x-added-later', 'yes');
      const copy = user.clone();
      expect(copy.headers.get('x-added-later')).toBe('yes');
      expect(await copy.text()).toBe('hello');
    } finally {
      await em.close();
    }
    expect(globalThis.Response).toBe(ResponseBefore);
  });
});
