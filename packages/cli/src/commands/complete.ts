// `livechatai __complete agents [--shell …]` (hidden): what the completion scripts call for agent ids. It
// never fails loudly: no key, no network or a slow API simply complete nothing (or the cached list).
import type { Context } from '../internal/context.js';
import { cachedAgents, cacheKey, cachePath, FETCH_TIMEOUT_MS } from '../internal/agent-cache.js';
import { write } from '../internal/output.js';

export async function complete(ctx: Context, [what]: string[], opts: Record<string, unknown>): Promise<void> {
  if (what !== 'agents') return;
  const settings = await ctx.settings().catch(() => undefined);
  if (settings?.apiKey === undefined) return;
  const { createSdk } = await import('../internal/sdk.js');
  const agents = await cachedAgents(cachePath(ctx.env), cacheKey(settings.baseURL, settings.apiKey), async () => {
    const sdk = await createSdk(ctx, { maxRetries: 0 });
    const page = await sdk.agents.list(
      { limit: 100 },
      { signal: ctx.signal, timeout: FETCH_TIMEOUT_MS, deadline: FETCH_TIMEOUT_MS },
    );
    return page.items.map((a) => ({ id: a.id, name: a.name }));
  });
  const shell = typeof opts.shell === 'string' ? opts.shell : 'bash';
  const line = (a: { id: string; name: string }): string => {
    const name = a.name.replace(/[\t\r\n]+/g, ' ');
    if (shell === 'zsh') return `${a.id.replace(/:/g, '\\:')}:${name}`;
    if (shell === 'fish' || shell === 'powershell') return `${a.id}\t${name}`;
    return a.id;
  };
  await write(ctx.stdout, agents.map((a) => `${line(a)}\n`).join(''));
}
