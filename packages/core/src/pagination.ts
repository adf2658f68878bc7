import { apiPromise } from './api-promise.js';
import type { APIPromise, RawResult } from './api-promise.js';
import type { LiveChatAIClient, PageRequestSpec, RequestOptions } from './client.js';
import { isObj, unwrapEnvelope } from './envelope.js';
import { LiveChatAIError } from './errors.js';

/** The four documented paging schemes (spec §1.3), or `none` when the response has no paging object. */
export type PageScheme = 'pages' | 'meta' | 'pagination' | 'metadata' | 'none';

/** The page-size query parameter each scheme uses. */
export const PAGE_SIZE_PARAM: Readonly<Record<PageScheme, string>> = {
  pages: 'limit',
  meta: 'perPage',
  pagination: 'limit',
  metadata: 'pageSize',
  none: 'limit',
};

export interface PageInfo {
  /** 1-based page number. */
  page: number;
  perPage: number | undefined;
  totalItems: number | undefined;
  totalPages: number | undefined;
  hasNext: boolean;
  scheme: PageScheme;
}

const num = (v: unknown): number | undefined => (Number.isFinite(v) ? (v as number) : undefined);

/**
 * Finds the paging object wherever the response puts it: top-level `pages` + `totalCount` (agents, contacts),
 * `data.pages` (data sources), `data.meta` (conversations), `data.pagination` (AI suggestions),
 * `data.metadata` (CSAT) — and reads it into one PageInfo. Each field under its name in the four schemes: page
 * `page`/`currentPage`; page size `perPage`/`limit`/`pageSize`; total items `totalCount`/`total`/`totalItemCount`
 * (scheme A: the sibling `totalCount`); total pages `totalPages`/`totalPageCount`; has-next `hasNext`/`hasNextPage`,
 * else a non-null `next`, else page < total pages.
 */
export function readPageInfo(json: unknown, requestedPage = 1): PageInfo {
  for (const c of [json, isObj(json) && json.data]) {
    if (isObj(c)) {
      for (const scheme of ['pages', 'meta', 'pagination', 'metadata'] as const) {
        const o = c[scheme];
        if (isObj(o)) {
          const page = num(o.page ?? o.currentPage) ?? requestedPage;
          const totalPages = num(o.totalPages ?? o.totalPageCount);
          const flag = o.hasNext ?? o.hasNextPage;
          const hasNext = typeof flag == 'boolean' ? flag : 'next' in o ? o.next != null : (totalPages ?? 0) > page;
          const totalItems = num(o.totalCount ?? o.total ?? o.totalItemCount ?? c.totalCount);
          return { page, perPage: num(o.perPage ?? o.limit ?? o.pageSize), totalItems, totalPages, hasNext, scheme };
        }
      }
    }
  }
  return { page: requestedPage, hasNext: false, scheme: 'none' } as PageInfo; // the other fields: undefined
}

/**
 * The items of a list response, in either envelope: `data` itself when it is the array (agents, contacts), else
 * `data[key]` (e.g. `data.conversations`), falling back to `data.items` and `data.data`; `[]` when there is none.
 */
export function listItems(json: unknown, key: string): unknown[] {
  const data = unwrapEnvelope(json);
  const items = isObj(data) ? (data[key] ?? data.items ?? data.data) : data;
  return Array.isArray(items) ? items : [];
}

/** One page of a list. Async-iterable over every item from this page on, fetching the next page only when needed. */
export class Page<TItem> implements AsyncIterable<TItem> {
  declare readonly items: TItem[];
  declare readonly pageInfo: PageInfo;
  /** The parsed response body, envelope included (e.g. the contacts list's top-level `agentId`). */
  declare readonly raw: unknown;
  #fetch: (page: number) => PagePromise<TItem>;

  constructor(items: TItem[], pageInfo: PageInfo, raw: unknown, fetchPage: (page: number) => PagePromise<TItem>) {
    Object.assign(this, { items, pageInfo, raw });
    this.#fetch = fetchPage;
  }

  hasNextPage(): boolean {
    return this.pageInfo.hasNext && this.items.length > 0;
  }

  /** Fetches the following page; rejects with an Error when there is none (check `hasNextPage()`). */
  getNextPage(): PagePromise<TItem> {
    return this.hasNextPage()
      ? this.#fetch(this.pageInfo.page + 1)
      : pagePromise(Promise.reject(new Error('No next page')), () => this);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<TItem> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let page: Page<TItem> = this;
    for (;;) {
      yield* page.items;
      if (!page.hasNextPage()) return;
      page = await page.getNextPage();
    }
  }

  /** Collects items from this page on, stopping after `limit` items (default: all). */
  toArray(options?: { limit?: number }): Promise<TItem[]> {
    return collect(this, options);
  }
}

/** An APIPromise of a Page that is also async-iterable over every item of every page. */
export interface PagePromise<TItem> extends APIPromise<Page<TItem>>, AsyncIterable<TItem> {
  /** Collects items across pages, stopping after `limit` items (default: all). */
  toArray(options?: { limit?: number }): Promise<TItem[]>;
}

function pagePromise<TItem>(raw: Promise<RawResult>, transform: (json: unknown) => Page<TItem>): PagePromise<TItem> {
  const p = apiPromise(raw, transform) as PagePromise<TItem>;
  p[Symbol.asyncIterator] = async function* () {
    yield* await p;
  };
  p.toArray = (options) => collect(p, options);
  return p;
}

async function collect<T>(items: AsyncIterable<T>, { limit = Infinity } = {}): Promise<T[]> {
  const out: T[] = [];
  if (limit > 0) for await (const item of items) if (out.push(item) >= limit) break;
  return out;
}

/**
 * One page of a list; the result is also async-iterable over every item of every page.
 *
 * ```ts
 * for await (const agent of requestPage(client, { path: '/agents', items: (j) => j.data })) …
 * ```
 */
export function requestPage<TItem, TRaw = unknown>(
  client: LiveChatAIClient,
  spec: PageRequestSpec<TItem, TRaw>,
  options?: RequestOptions,
): PagePromise<TItem> {
  const { method = 'GET', path, query, items: pick } = spec;
  const load = (page?: number): PagePromise<TItem> =>
    pagePromise(client.send({ ...spec, method, query: page ? { ...query, page } : query }, options), (json) => {
      const items = typeof pick == 'string' ? (listItems(json, pick) as TItem[]) : pick(json as TRaw);
      if (!Array.isArray(items)) throw new LiveChatAIError('Unexpected list response', 'invalid_response', false, { method, path });
      return new Page(items, readPageInfo(json, page ?? Number(query?.page ?? 1)), json, load);
    });
  return load();
}
