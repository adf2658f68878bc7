import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, InvalidParameterError, isUnexpectedResponseError, Page } from '../src/index.js';
import type { ClientOptions } from '../src/index.js';
import { listItems, requestPage } from '../src/internal/index.js';
import { PAGE_SIZE_PARAM, readPageInfo } from '../src/pagination.js';
import { json, startServer } from './server.js';
import type { TestServer } from './server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const client = (options: ClientOptions = {}) =>
  createClient({ apiKey: 'k', baseURL: server.url, retry: { sleep: async () => undefined }, ...options });

type Scheme = 'A-top' | 'A-data' | 'B' | 'C' | 'D';
/** Serves `total` numbered items in pages using one of the four documented schemes. */
function serve(scheme: Scheme, total: number) {
  const before = server.requests.length;
  server.handle((req, res) => {
    const u = new URL(req.url, 'http://x');
    const page = Number(u.searchParams.get('page') ?? 1);
    const size = Number(u.searchParams.get(scheme === 'B' ? 'perPage' : scheme === 'D' ? 'pageSize' : 'limit') ?? 10);
    const totalPages = Math.max(1, Math.ceil(total / size));
    const items = Array.from({ length: Math.max(0, Math.min(size, total - (page - 1) * size)) }, (_, i) => ({
      n: (page - 1) * size + i,
    }));
    const next = page < totalPages ? page + 1 : null;
    const pages = {
      page,
      perPage: size,
      totalPages,
      hasPrevious: page > 1,
      hasNext: next !== null,
      previous: page > 1 ? page - 1 : null,
      next,
    };
    switch (scheme) {
      case 'A-top':
        return json(res, 200, { status: 'success', data: items, totalCount: total, pages });
      case 'A-data':
        return json(res, 200, { status: 'success', data: { agentId: 'a', items, totalCount: total, pages } });
      case 'B':
        return json(res, 200, {
          status: 'success',
          data: { conversations: items, meta: { total, perPage: size, currentPage: page, totalPages } },
        });
      case 'C':
        return json(res, 200, {
          status: 'success',
          data: {
            suggestions: items,
            pagination: {
              page,
              limit: size,
              totalCount: total,
              totalPages,
              hasNextPage: next !== null,
              hasPreviousPage: page > 1,
            },
          },
        });
      case 'D':
        return json(res, 200, {
          status: 'success',
          data: {
            currentPeriod: { scores: items },
            metadata: {
              totalItemCount: total,
              totalPageCount: totalPages,
              currentPage: page,
              prev: page > 1 ? page - 1 : null,
              next,
              pageSize: size,
            },
          },
        });
    }
  });
  return () => server.requests.slice(before).map((r) => r.url);
}

interface Item {
  n: number;
}
interface Body {
  data: Item[] & { items: Item[]; conversations: Item[]; suggestions: Item[]; currentPeriod: { scores: Item[] } };
}
const extract: Record<Scheme, (j: Body) => Item[]> = {
  'A-top': (j) => j.data,
  'A-data': (j) => j.data.items,
  B: (j) => j.data.conversations,
  C: (j) => j.data.suggestions,
  D: (j) => j.data.currentPeriod.scores,
};
const sizeParam: Record<Scheme, string> = {
  'A-top': 'limit',
  'A-data': 'limit',
  B: 'perPage',
  C: 'limit',
  D: 'pageSize',
};

describe('pagination over the four schemes', () => {
  for (const scheme of ['A-top', 'A-data', 'B', 'C', 'D'] as const) {
    it(`scheme ${scheme}: one page, page info, next page, full walk`, async () => {
      const urls = serve(scheme, 23);
      const query = { agentId: 'a', [sizeParam[scheme]]: 10 };
      const first = await requestPage(client(), { path: '/list', query, items: extract[scheme] });
      expect(first).toBeInstanceOf(Page);
      expect(first.items.map((i) => i.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(first.pageInfo).toMatchObject({ page: 1, perPage: 10, totalPages: 3, hasNext: true });
      expect(first.pageInfo.totalItems).toBe(23);
      expect(PAGE_SIZE_PARAM[first.pageInfo.scheme]).toBe(sizeParam[scheme]);
      expect(first.hasNextPage()).toBe(true);
      const second = await first.getNextPage();
      expect(second.items[0]!.n).toBe(10);
      const all = await requestPage(client(), { path: '/list', query, items: extract[scheme] }).toArray();
      expect(all.map((i) => i.n)).toEqual(Array.from({ length: 23 }, (_, i) => i));
      const last = await requestPage(client(), { path: '/list', query: { ...query, page: 3 }, items: extract[scheme] });
      expect(last.hasNextPage()).toBe(false);
      const pastTheEnd = await last.getNextPage().catch((e: unknown) => e);
      expect(pastTheEnd).toBeInstanceOf(InvalidParameterError);
      expect(pastTheEnd).toMatchObject({ param: 'page', message: expect.stringMatching(/no next page/) });
      expect(urls().at(-1)).toContain('page=3');
    });
  }

  it('walks 50 pages lazily: a page is fetched only when the previous one is consumed', async () => {
    const urls = serve('B', 500);
    const seen: number[] = [];
    let maxAhead = 0;
    for await (const item of requestPage(client(), {
      path: '/conversations',
      query: { perPage: 10 },
      items: extract.B,
    })) {
      seen.push(item.n);
      // pages fetched so far vs the page this item belongs to: never more than the current one
      maxAhead = Math.max(maxAhead, urls().length - (Math.floor(item.n / 10) + 1));
    }
    expect(seen).toHaveLength(500);
    expect(seen[499]).toBe(499);
    expect(urls()).toHaveLength(50);
    expect(maxAhead).toBeLessThanOrEqual(1);
    expect(urls()[1]).toBe('/api/v2/conversations?perPage=10&page=2');
  });

  it('toArray({ limit }) stops fetching once it has enough', async () => {
    const urls = serve('C', 95);
    const some = await requestPage(client(), { path: '/s', query: { limit: 10 }, items: extract.C }).toArray({
      limit: 15,
    });
    expect(some.map((i) => i.n)).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect(urls()).toHaveLength(2);
  });

  it('a response without a paging object is a single page', async () => {
    server.handle((_q, res) => json(res, 200, { status: 'success', data: [{ n: 1 }] }));
    const page = await requestPage(client(), { path: '/x', items: (j: { data: { n: number }[] }) => j.data });
    expect(page.pageInfo).toMatchObject({ scheme: 'none', hasNext: false, page: 1 });
    expect(await page.toArray()).toEqual([{ n: 1 }]);
  });

  it('reads a paging object from wherever it sits', () => {
    expect(readPageInfo({ data: { meta: { total: 5, perPage: 2, currentPage: 3, totalPages: 3 } } })).toMatchObject({
      hasNext: false,
      page: 3,
    });
    expect(readPageInfo({ pages: { page: 1, next: 2 } })).toMatchObject({ hasNext: true });
    expect(readPageInfo({ data: { metadata: { currentPage: 2, totalPageCount: 5 } } })).toMatchObject({
      hasNext: true,
      scheme: 'metadata',
    });
    expect(readPageInfo(null, 4)).toMatchObject({ page: 4, hasNext: false, scheme: 'none' });
  });

  it('an items extractor that finds no array is a clear error', async () => {
    server.handle((_q, res) => json(res, 200, { status: 'success', data: { other: 1 } }));
    const err = await requestPage(client(), {
      path: '/agents',
      items: (j: { data: { items: unknown[] } }) => j.data.items,
    }).catch((e: unknown) => e);
    expect(isUnexpectedResponseError(err)).toBe(true);
    expect(err).toMatchObject({
      code: 'unexpected_response',
      status: 200,
      path: '/agents',
      body: { status: 'success', data: { other: 1 } },
    });
  });

  it('items can name the key: listItems reads it from either envelope', async () => {
    serve('B', 23);
    const all = await requestPage<Item>(client(), {
      path: '/conversations',
      query: { perPage: 10 },
      items: 'conversations',
    }).toArray();
    expect(all.map((i) => i.n)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect(listItems({ status: 'success', data: [1, 2] }, 'agents')).toEqual([1, 2]);
    expect(listItems({ status: 'success', data: { views: [3] } }, 'views')).toEqual([3]);
    expect(listItems({ status: 'success', data: { items: [4] } }, 'views')).toEqual([4]);
    expect(listItems({ status: 'success', data: { data: [5] } }, 'views')).toEqual([5]);
    expect(listItems({ status: 'success', data: { views: 'x' } }, 'views')).toEqual([]);
    expect(listItems(undefined, 'views')).toEqual([]);
  });

  it('stops on an empty page even if the server claims there is more', async () => {
    server.handle((_q, res) => json(res, 200, { status: 'success', data: [], pages: { page: 1, hasNext: true } }));
    expect(await requestPage(client(), { path: '/x', items: (j: { data: unknown[] }) => j.data }).toArray()).toEqual(
      [],
    );
  });
});

describe('auto-paging stops on a server that repeats itself or never ends', () => {
  /**
   * Serves 10 items per page; `answer` turns the requested page number into the page the server claims and the
   * items it sends. After 60 requests it answers 500, so that a client that would page forever fails instead of
   * hanging the test.
   */
  function serveForever(answer: (page: number) => { page: number; first: number }) {
    const before = server.requests.length;
    server.handle((req, res) => {
      if (server.requests.length - before > 60)
        return json(res, 500, { status: 'error', message: 'enough', code: 'internal_error' });
      const requested = Number(new URL(req.url, 'http://x').searchParams.get('page') ?? 1);
      const { page, first } = answer(requested);
      const data = Array.from({ length: 10 }, (_, i) => ({ n: first + i }));
      return json(res, 200, {
        status: 'success',
        data,
        totalCount: 1e9,
        pages: { page, perPage: 10, totalPages: 1e8, hasNext: true },
      });
    });
    return () => server.requests.length - before;
  }
  const list = (options?: { maxPages?: number }) =>
    requestPage<{ n: number }>(client(), { path: '/agents', query: { limit: 10 }, items: 'agents' }, options);
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (e: unknown) => e,
    );

  it('the same items again: a typed error naming the page, after two requests', async () => {
    const requests = serveForever((page) => ({ page, first: 0 })); // ignores `page`, echoes the number
    const err = await failure(list().toArray());
    expect(isUnexpectedResponseError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'page_repeated', path: '/agents', message: expect.stringMatching(/page 2/) });
    expect(requests()).toBe(2);
  });

  it('an earlier page number again: a typed error, whatever the items', async () => {
    const requests = serveForever((page) => ({ page: 1, first: page * 10 })); // always claims page 1
    const err = await failure(
      (async () => {
        // eslint-disable-next-line @typescript-eslint/no-unused-vars
        for await (const _item of list());
      })(),
    );
    expect(err).toMatchObject({ code: 'page_repeated' });
    expect(requests()).toBe(2);
  });

  it('a list that never ends stops at maxPages (per request, per client; default 1000)', async () => {
    const requests = serveForever((page) => ({ page, first: page * 10 }));
    const err = await failure(list({ maxPages: 5 }).toArray());
    expect(isUnexpectedResponseError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'page_limit', message: expect.stringMatching(/5 pages/) });
    expect(requests()).toBe(5);
    const perClient = await failure(
      requestPage(client({ maxPages: 3 }), { path: '/agents', items: 'agents' }).toArray(),
    );
    expect(perClient).toMatchObject({ code: 'page_limit' });
    expect(requests()).toBe(8);
    expect(client().maxPages).toBe(1000);
    expect(client({ maxPages: 0 }).maxPages).toBe(Infinity);
    expect(() => client({ maxPages: 1.5 })).toThrow(/maxPages/);
  });

  it('a page cap of 1 still gives the first page, and getNextPage() stays available past it', async () => {
    serveForever((page) => ({ page, first: page * 10 }));
    const first = await list({ maxPages: 1 });
    expect(first.items).toHaveLength(10);
    expect((await first.getNextPage()).items[0]).toEqual({ n: 20 });
  });
});
