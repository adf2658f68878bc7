// `livechatai api --paginate`: reads the paging object of any of the API's four schemes from a raw response
// body — top-level `pages` (+ `totalCount`) for agents and contacts, `data.pages` for data sources,
// `data.meta` for conversations, `data.pagination` for AI suggestions, `data.metadata` for CSAT — the same
// places and field names the SDK's pages read.

const PAGING_KEYS = ['pages', 'meta', 'pagination', 'metadata'] as const;
export type PageScheme = (typeof PAGING_KEYS)[number] | 'none';

export interface RawPageInfo {
  /** 1-based page number the response says it is (else the one requested). */
  page: number;
  hasNext: boolean;
  scheme: PageScheme;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function rawPageInfo(body: unknown, requestedPage: number): RawPageInfo {
  for (const container of [body, isObj(body) ? body.data : undefined]) {
    if (!isObj(container)) continue;
    for (const scheme of PAGING_KEYS) {
      const paging = container[scheme];
      if (!isObj(paging)) continue;
      const page = finite(paging.page ?? paging.currentPage) ?? requestedPage;
      const totalPages = finite(paging.totalPages ?? paging.totalPageCount);
      const flag = paging.hasNext ?? paging.hasNextPage;
      const hasNext =
        typeof flag === 'boolean' ? flag : 'next' in paging ? paging.next != null : (totalPages ?? 0) > page;
      return { page, hasNext, scheme };
    }
  }
  return { page: requestedPage, hasNext: false, scheme: 'none' };
}

/** How many items a list response holds: `data` itself when it is an array, else the first array inside `data`. */
export function rawItemCount(body: unknown): number | undefined {
  const data = isObj(body) && 'data' in body ? body.data : body;
  if (Array.isArray(data)) return data.length;
  if (isObj(data)) {
    for (const value of Object.values(data)) if (Array.isArray(value)) return value.length;
  }
  return undefined;
}

/**
 * The page to ask for after `body` (the answer to `requested`), or undefined when this was the last one: no
 * next page, an empty page, or a server that does not move on (it ignores `page`).
 */
export function nextPage(body: unknown, requested: number): number | undefined {
  const info = rawPageInfo(body, requested);
  if (!info.hasNext || rawItemCount(body) === 0) return undefined;
  const next = info.page + 1;
  return next > requested ? next : undefined;
}
