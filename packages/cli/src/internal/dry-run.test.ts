import { describe, expect, it } from 'vitest';
import { dryRunFetch, isDryRunStop, renderCurl } from './dry-run.js';

describe('renderCurl', () => {
  it('renders a GET with the key masked', () => {
    const headers = new Headers({
      authorization: 'Bearer secret-key-123456',
      accept: 'application/json',
      'user-agent': 'x',
    });
    const line = renderCurl({
      method: 'GET',
      url: 'http://127.0.0.1:5/api/v2/agents?limit=100',
      headers,
      body: undefined,
    });
    expect(line).toBe(
      `curl 'http://127.0.0.1:5/api/v2/agents?limit=100' -H "Authorization: Bearer $LIVECHATAI_API_KEY" -H 'Accept: application/json'`,
    );
    expect(line).not.toContain('secret-key-123456');
  });

  it('quotes a JSON body with single quotes escaped', () => {
    const headers = new Headers({ 'content-type': 'application/json', 'idempotency-key': 'abc' });
    const line = renderCurl({
      method: 'POST',
      url: 'https://h/api/v2/data-sources/text',
      headers,
      body: `{"title":"it's"}`,
    });
    expect(line).toBe(
      `curl -X POST https://h/api/v2/data-sources/text -H 'Content-Type: application/json' -H 'Idempotency-Key: abc' --data-raw '{"title":"it'\\''s"}'`,
    );
  });
});

describe('dryRunFetch', () => {
  it('reports the request and throws instead of sending', async () => {
    const lines: string[] = [];
    const f = dryRunFetch((l) => lines.push(l));
    const error = await f('http://127.0.0.1:1/api/v2/contacts', {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: '{"agentId":"a"}',
    }).catch((e: unknown) => e);
    expect(isDryRunStop(error)).toBe(true);
    expect(isDryRunStop(new Error('x', { cause: error }))).toBe(true);
    expect(lines).toEqual([
      `curl -X POST http://127.0.0.1:1/api/v2/contacts -H "Authorization: Bearer $LIVECHATAI_API_KEY" -H 'Content-Type: application/json' --data-raw '{"agentId":"a"}'`,
    ]);
  });

  it('reads a Request object too', async () => {
    const lines: string[] = [];
    const req = new Request('http://127.0.0.1:1/api/v2/data-sources', { method: 'DELETE', body: '{"id":"x"}' });
    await dryRunFetch((l) => lines.push(l))(req).catch(() => undefined);
    expect(lines[0]).toContain(`-X DELETE http://127.0.0.1:1/api/v2/data-sources`);
    expect(lines[0]).toContain(`--data-raw '{"id":"x"}'`);
  });
});
