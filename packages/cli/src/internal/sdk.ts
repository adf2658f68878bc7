// Builds the SDK client for a command from the resolved settings. Imported only by command modules.
import { LiveChatAI, logRequests } from 'livechatai';
import type { Context } from './context.js';
import { dryRunFetch } from './dry-run.js';
import { CliError, ExitCode } from './exit-codes.js';
import { type Endpoint, rememberEndpoint } from './hints.js';
import { rememberSecret, scrubSecrets } from './secrets.js';

export interface SdkOverrides {
  apiKey?: string;
  baseURL?: string;
  /** Where `baseURL` came from (for error hints; default: a flag). */
  baseURLSource?: Endpoint['source'];
  maxRetries?: number;
  /**
   * Bulk commands (import, exports) turn the client's retry budget off: their many calls each get their own
   * retries (bounded by maxRetries and the concurrency), so one burst of 429s cannot fail rows that a wait fixes.
   */
  noRetryBudget?: boolean;
}

export async function createSdk(ctx: Context, overrides: SdkOverrides = {}): Promise<LiveChatAI> {
  const settings = await ctx.settings();
  const apiKey = overrides.apiKey ?? settings.apiKey ?? (ctx.dryRun ? 'dry-run' : undefined);
  if (apiKey === undefined) {
    const login =
      settings.profile === 'default' ? 'livechatai login' : `livechatai login --profile ${settings.profile}`;
    throw new CliError(
      `no API key (profile "${settings.profile}"): run \`${login}\`, set LIVECHATAI_API_KEY or pass --api-key`,
      ExitCode.auth,
    );
  }
  rememberSecret(apiKey);
  rememberEndpoint({
    baseURL: overrides.baseURL ?? settings.baseURL,
    source: overrides.baseURL ? (overrides.baseURLSource ?? 'flag') : settings.baseURLSource,
    profile: settings.profile,
    keySource: overrides.apiKey ? 'login' : settings.keySource,
  });
  const maxRetries = ctx.dryRun ? 0 : (ctx.globals.maxRetries ?? overrides.maxRetries);
  return new LiveChatAI({
    apiKey,
    baseURL: overrides.baseURL ?? settings.baseURL,
    ...(ctx.globals.timeout !== undefined ? { timeout: ctx.globals.timeout } : {}),
    ...(maxRetries !== undefined ? { maxRetries } : {}),
    ...(overrides.noRetryBudget ? { retry: { budget: false } } : {}),
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

/** Rows a list shows unless --limit or --all says otherwise. */
export const DEFAULT_LIMIT = 30;

/** How many items a list prints: `--limit`, everything with `--all`, else the first 30. */
export function listLimit(opts: Record<string, unknown>): number {
  if (typeof opts.limit === 'number') return opts.limit;
  return opts.all === true ? Infinity : DEFAULT_LIMIT;
}

/** One page of a list, as the SDK's Page gives it. */
export interface PageLike<T> {
  items: T[];
  hasNextPage: () => boolean;
  getNextPage: () => PromiseLike<PageLike<T>>;
}

/**
 * The pages of a list as batches of items, each yielded as soon as it arrives (so a long list prints while it
 * is fetched): every page up to the limit (`listLimit`), or only `--page` when given. When the default limit
 * cut a list short, a note on a terminal says how to see the rest.
 */
export async function* listBatches<T>(
  ctx: Context,
  first: PromiseLike<PageLike<T>>,
  opts: Record<string, unknown>,
): AsyncGenerator<T[]> {
  const limit = listLimit(opts);
  const page = await first;
  if (typeof opts.page === 'number') {
    yield page.items.slice(0, limit);
    return;
  }
  let count = 0;
  const cut = { short: false };
  for await (const batch of pageBatches(page, limit, cut)) {
    count += batch.length;
    yield batch;
  }
  if (cut.short && opts.limit === undefined && !ctx.json && ctx.tableMode === 'tty') {
    ctx.note(ctx.errPaint.dim(`(the first ${String(count)} rows; --limit <n> or --all for more)`));
  }
}

/**
 * The items of `first` and the pages after it, one batch per page (empty pages skipped), up to `limit` items;
 * `cut.short` is set when the limit left items out.
 */
export async function* pageBatches<T>(
  first: PageLike<T>,
  limit: number,
  cut: { short: boolean } = { short: false },
): AsyncGenerator<T[]> {
  let page = first;
  let count = 0;
  for (;;) {
    const take = page.items.slice(0, limit - count);
    count += take.length;
    if (take.length > 0) yield take;
    if (count >= limit) {
      cut.short = take.length < page.items.length || page.hasNextPage();
      return;
    }
    if (!page.hasNextPage()) return;
    page = await page.getNextPage();
  }
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
 * When walking pages, the request asks for as many items as will be shown (at most 100 a page) unless
 * --page-size says otherwise.
 */
export function pageQuery(opts: Record<string, unknown>, sizeParam: string): Record<string, number> {
  const query: Record<string, number> = {};
  if (typeof opts.page === 'number') query.page = opts.page;
  let size: number | undefined;
  if (typeof opts.pageSize === 'number') size = opts.pageSize;
  else if (typeof opts.page !== 'number') size = Math.min(100, listLimit(opts));
  if (size !== undefined) query[sizeParam] = size;
  return query;
}
