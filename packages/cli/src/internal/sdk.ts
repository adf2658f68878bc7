// Builds the SDK client for a command from the resolved settings. Imported only by command modules.
import { LiveChatAI, logRequests } from 'livechatai';
import type { Context } from './context.js';
import { dryRunFetch } from './dry-run.js';
import { CliError, ExitCode } from './exit-codes.js';
import { rememberSecret, scrubSecrets } from './secrets.js';

export interface SdkOverrides {
  apiKey?: string;
  baseURL?: string;
  maxRetries?: number;
}

export async function createSdk(ctx: Context, overrides: SdkOverrides = {}): Promise<LiveChatAI> {
  const settings = await ctx.settings();
  const apiKey = overrides.apiKey ?? settings.apiKey ?? (ctx.dryRun ? 'dry-run' : undefined);
  if (apiKey === undefined) {
    const login = settings.profile === 'default' ? 'livechatai login' : `livechatai login --profile ${settings.profile}`;
    throw new CliError(`no API key (profile "${settings.profile}"): run \`${login}\`, set LIVECHATAI_API_KEY or pass --api-key`, ExitCode.auth);
  }
  rememberSecret(apiKey);
  const maxRetries = ctx.dryRun ? 0 : (ctx.globals.maxRetries ?? overrides.maxRetries);
  return new LiveChatAI({
    apiKey,
    baseURL: overrides.baseURL ?? settings.baseURL,
    ...(ctx.globals.timeout !== undefined ? { timeout: ctx.globals.timeout } : {}),
    ...(maxRetries !== undefined ? { maxRetries } : {}),
    ...(ctx.dryRun ? { fetch: dryRunFetch((curl) => ctx.stdout.write(`${curl}\n`)) } : {}),
    // LIVECHATAI_LOG=debug|info turns on the request log (to stderr, secrets scrubbed)
    ...(process.env.LIVECHATAI_LOG ? { middleware: [logRequests({ logger: stderrLogger(ctx) })] } : {}),
  });
}

function stderrLogger(ctx: Context) {
  const line =
    (level: string) =>
    (...parts: unknown[]): void => {
      const text = parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
      ctx.stderr.write(`livechatai: ${level}: ${scrubSecrets(text)}\n`);
    };
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}

/** Request options every call gets: the Ctrl-C signal. */
export function callOptions(ctx: Context): { signal: AbortSignal } {
  return { signal: ctx.signal };
}

/** Walks a paged list: all pages (capped by --limit), or only `--page` when given. */
export async function collectPages<T>(
  pages: AsyncIterable<T> & PromiseLike<{ items: T[] }>,
  opts: { limit?: unknown; page?: unknown },
): Promise<T[]> {
  const limit = typeof opts.limit === 'number' ? opts.limit : Infinity;
  if (typeof opts.page === 'number') {
    const page = await pages;
    return page.items.slice(0, limit);
  }
  const out: T[] = [];
  if (limit <= 0) return out;
  for await (const item of pages) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}

/** Copies defined values of `opts` to the keys named in `map` (flag name → API parameter). */
export function pick(opts: Record<string, unknown>, map: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [flag, param] of Object.entries(map)) {
    const value = opts[flag];
    if (value !== undefined) out[param] = value;
  }
  return out;
}

/**
 * The page query of a list: `--page` and the scheme's page-size parameter (`limit`, `perPage`…).
 * When walking every page, a full page (100) is requested unless --page-size or a smaller --limit says otherwise.
 */
export function pageQuery(opts: Record<string, unknown>, sizeParam: string): Record<string, number> {
  const query: Record<string, number> = {};
  if (typeof opts.page === 'number') query.page = opts.page;
  let size: number | undefined;
  if (typeof opts.pageSize === 'number') size = opts.pageSize;
  else if (typeof opts.page !== 'number') size = Math.min(100, typeof opts.limit === 'number' ? opts.limit : 100);
  if (size !== undefined) query[sizeParam] = size;
  return query;
}
