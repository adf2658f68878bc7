import { APIPromise } from './api-promise.js';

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

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * Finds the paging object wherever the response puts it: top-level `pages` + `totalCount` (agents, contacts),
 * `data.pages` (data sources), `data.meta` (conversations), `data.pagination` (AI suggestions),
 * `data.metadata` (CSAT) — and reads it into one PageInfo.
 */
export function readPageInfo(json: unknown, requestedPage = 1): PageInfo {
  const top = isObj(json) ? json : {};
  for (const o of [top, isObj(top.data) ? top.data : {}]) {
    const { pages: a, meta: b, pagination: c, metadata: d } = o;
    if (isObj(a)) {
      const page = num(a.page) ?? requestedPage;
      const totalPages = num(a.totalPages);
      const hasNext = typeof a.hasNext === 'boolean' ? a.hasNext : a.next != null || (totalPages ?? 0) > page;
      return { page, perPage: num(a.perPage), totalItems: num(o.totalCount), totalPages, hasNext, scheme: 'pages' };
    }
    if (isObj(b)) {
      const page = num(b.currentPage) ?? requestedPage;
      const totalPages = num(b.totalPages);
      return { page, perPage: num(b.perPage), totalItems: num(b.total), totalPages, hasNext: (totalPages ?? 0) > page, scheme: 'meta' };
    }
    if (isObj(c)) {
      const page = num(c.page) ?? requestedPage;
      const totalPages = num(c.totalPages);
      const hasNext = typeof c.hasNextPage === 'boolean' ? c.hasNextPage : (totalPages ?? 0) > page;
      return { page, perPage: num(c.limit), totalItems: num(c.totalCount), totalPages, hasNext, scheme: 'pagination' };
    }
    if (isObj(d)) {
      const page = num(d.currentPage) ?? requestedPage;
      const totalPages = num(d.totalPageCount);
      const hasNext = 'next' in d ? d.next != null : (totalPages ?? 0) > page;
      return { page, perPage: num(d.pageSize), totalItems: num(d.totalItemCount), totalPages, hasNext, scheme: 'metadata' };
    }
  }
  return { page: requestedPage, perPage: undefined, totalItems: undefined, totalPages: undefined, hasNext: false, scheme: 'none' };
}

/** One page of a list. Async-iterable over every item from this page on, fetching the next page only when needed. */
export class Page<TItem> implements AsyncIterable<TItem> {
  readonly items: TItem[];
  readonly pageInfo: PageInfo;
  /** The parsed response body, envelope included (e.g. the contacts list's top-level `agentId`). */
  readonly raw: unknown;
  #fetch: (page: number) => PagePromise<TItem>;

  constructor(items: TItem[], pageInfo: PageInfo, raw: unknown, fetchPage: (page: number) => PagePromise<TItem>) {
    this.items = items;
    this.pageInfo = pageInfo;
    this.raw = raw;
    this.#fetch = fetchPage;
  }

  hasNextPage(): boolean {
    return this.pageInfo.hasNext && this.items.length > 0;
  }

  /** Fetches the following page; rejects with an Error when there is none (check `hasNextPage()`). */
  getNextPage(): PagePromise<TItem> {
    if (!this.hasNextPage()) return new PagePromise(Promise.reject(new Error('No next page')), () => ({}) as never);
    return this.#fetch(this.pageInfo.page + 1);
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
  async toArray({ limit = Infinity }: { limit?: number } = {}): Promise<TItem[]> {
    const out: TItem[] = [];
    if (limit <= 0) return out;
    for await (const item of this) if (out.push(item) >= limit) break;
    return out;
  }
}

/** An APIPromise of a Page that is also async-iterable over every item of every page. */
export class PagePromise<TItem> extends APIPromise<Page<TItem>> implements AsyncIterable<TItem> {
  async *[Symbol.asyncIterator](): AsyncIterator<TItem> {
    yield* await this;
  }

  /** Collects items across pages, stopping after `limit` items (default: all). */
  toArray(options?: { limit?: number }): Promise<TItem[]> {
    return this.then((page) => page.toArray(options));
  }
}
