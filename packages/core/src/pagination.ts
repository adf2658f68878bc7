import { apiPromise } from './api-promise.js';
import type { APIPromise, RawResult } from './api-promise.js';
import type { LiveChatAIClient, PageRequestSpec, RequestOptions } from './client.js';
import { isObj, unwrapEnvelope } from './envelope.js';
import { InvalidParameterError, unexpectedResponse } from './errors.js';
import type { ErrorContext } from './errors.js';
import { pageCount } from './internal/options.js';

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

const PAGING_KEYS = ['pages', 'meta', 'pagination', 'metadata'] as const;

const finiteNumber = (value: unknown): number | undefined => (Number.isFinite(value) ? (value as number) : undefined);

/**
 * Finds the paging object wherever the response puts it: top-level `pages` + `totalCount` (agents, contacts),
 * `data.pages` (data sources), `data.meta` (conversations), `data.pagination` (AI suggestions),
 * `data.metadata` (CSAT) — and reads it into one PageInfo. Each field under its name in the four schemes: page
 * `page`/`currentPage`; page size `perPage`/`limit`/`pageSize`; total items `totalCount`/`total`/`totalItemCount`
 * (scheme A: the sibling `totalCount`); total pages `totalPages`/`totalPageCount`; has-next `hasNext`/`hasNextPage`,
 * else a non-null `next`, else page < total pages.
 */
export function readPageInfo(json: unknown, requestedPage = 1): PageInfo {
  for (const container of [json, isObj(json) && json.data]) {
    if (!isObj(container)) continue;
    for (const scheme of PAGING_KEYS) {
      const paging = container[scheme];
      if (!isObj(paging)) continue;
      const page = finiteNumber(paging.page ?? paging.currentPage) ?? requestedPage;
      const totalPages = finiteNumber(paging.totalPages ?? paging.totalPageCount);
      const flag = paging.hasNext ?? paging.hasNextPage;
      let hasNext: boolean;
      if (typeof flag == 'boolean') hasNext = flag;
      else if ('next' in paging) hasNext = paging.next != null;
      else hasNext = (totalPages ?? 0) > page;
      return {
        page,
        perPage: finiteNumber(paging.perPage ?? paging.limit ?? paging.pageSize),
        totalItems: finiteNumber(paging.totalCount ?? paging.total ?? paging.totalItemCount ?? container.totalCount),
        totalPages,
        hasNext,
        scheme,
      };
    }
  }
  return {
    page: requestedPage,
    perPage: undefined,
    totalItems: undefined,
    totalPages: undefined,
    hasNext: false,
    scheme: 'none',
  };
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

/** @internal What a page needs to fetch the ones after it. */
interface PageSource<TItem> {
  fetchPage: (page: number) => PagePromise<TItem>;
  /** Auto-paging stops with an error after this many pages. */
  maxPages: number;
  ctx: ErrorContext;
}

/**
 * One page of a list. Async-iterable over every item from this page on, fetching the next page only when needed.
 * Auto-paging stops with an UnexpectedResponseError when the server repeats a page (`code: 'page_repeated'`: an
 * earlier page number, or the same items again) or the list goes on past `maxPages` pages (`code: 'page_limit'`).
 */
export class Page<TItem> implements AsyncIterable<TItem> {
  declare readonly items: TItem[];
  declare readonly pageInfo: PageInfo;
  /** The parsed response body, envelope included (e.g. the contacts list's top-level `agentId`). */
  declare readonly raw: unknown;
  #source: PageSource<TItem>;
  /** The response this page came in (its status and headers go into auto-paging errors). */
  #response: Response;

  /** @internal Created by `requestPage(client, …)`. */
  constructor(items: TItem[], pageInfo: PageInfo, raw: unknown, source: PageSource<TItem>, response: Response) {
    Object.assign(this, { items, pageInfo, raw });
    this.#source = source;
    this.#response = response;
  }

  hasNextPage(): boolean {
    return this.pageInfo.hasNext && this.items.length > 0;
  }

  /** Fetches the following page; rejects with InvalidParameterError (`param: 'page'`) when there is none. */
  getNextPage(): PagePromise<TItem> {
    if (this.hasNextPage()) return this.#source.fetchPage(this.pageInfo.page + 1);
    const error = new InvalidParameterError('page', 'there is no next page (check hasNextPage() first)');
    return pagePromise(Promise.reject(error), () => this);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<TItem> {
    const { maxPages, ctx } = this.#source;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let page: Page<TItem> = this;
    let items = JSON.stringify(page.items);
    for (let pagesRead = 1; ; pagesRead++) {
      yield* page.items;
      if (!page.hasNextPage()) return;
      if (pagesRead >= maxPages) {
        const message = `Stopped auto-paging after ${maxPages} pages (raise maxPages, or 0 for no limit)`;
        throw unexpectedResponse('page_limit', message, page.#response, ctx);
      }
      const next = await page.getNextPage();
      const nextItems = JSON.stringify(next.items);
      const wanted = page.pageInfo.page + 1;
      if (next.pageInfo.page < wanted || nextItems === items) {
        const what = next.pageInfo.page < wanted ? `page ${next.pageInfo.page}` : 'the same items';
        const message = `The server answered page ${wanted} with ${what} again`;
        throw unexpectedResponse('page_repeated', message, next.#response, ctx);
      }
      page = next;
      items = nextItems;
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
  const promise = apiPromise(raw, transform) as PagePromise<TItem>;
  promise[Symbol.asyncIterator] = async function* () {
    yield* await promise;
  };
  promise.toArray = (options) => collect(promise, options);
  return promise;
}

async function collect<T>(items: AsyncIterable<T>, { limit = Infinity } = {}): Promise<T[]> {
  const out: T[] = [];
  if (limit > 0) {
    for await (const item of items) if (out.push(item) >= limit) break;
  }
  return out;
}

/**
 * One page of a list; the result is also async-iterable over every item of every page. `spec` may be a function
 * that checks the method's input and returns the spec: whatever it throws rejects the PagePromise (and its
 * iteration), before any request.
 *
 * ```ts
 * for await (const agent of requestPage(client, { path: '/agents', items: (j) => j.data })) …
 * ```
 */
export function requestPage<TItem, TRaw = unknown>(
  client: LiveChatAIClient,
  spec: PageRequestSpec<TItem, TRaw> | (() => PageRequestSpec<TItem, TRaw>),
  options?: RequestOptions,
): PagePromise<TItem> {
  let resolved: PageRequestSpec<TItem, TRaw>;
  let maxPages: number;
  try {
    resolved = typeof spec === 'function' ? spec() : spec;
    maxPages = pageCount(options?.maxPages, 'maxPages', client.maxPages);
  } catch (error) {
    return pagePromise(Promise.reject(error as Error), () => {
      throw error;
    });
  }
  const { method = 'GET', path, query, items: pick } = resolved;
  const ctx = { method, path };
  const source: PageSource<TItem> = { fetchPage: (page) => load(page), maxPages, ctx };
  const load = (page?: number): PagePromise<TItem> => {
    const pageQuery = page ? { ...query, page } : query;
    let response: Response;
    const sent = client.send({ ...resolved, method, query: pageQuery }, options).then((result) => {
      response = result.response;
      return result;
    });
    return pagePromise(sent, (json) => {
      const items = typeof pick == 'string' ? (listItems(json, pick) as TItem[]) : pick(json as TRaw);
      if (!Array.isArray(items))
        throw unexpectedResponse('unexpected_response', 'List response without its items', response, ctx, json);
      return new Page(items, readPageInfo(json, page ?? Number(query?.page ?? 1)), json, source, response);
    });
  };
  return load();
}
