import { describe, expect, it } from 'vitest';
import { nextPage, rawPageInfo } from './paginate.js';
import { splitPath } from '../commands/api.js';

describe('rawPageInfo / nextPage', () => {
  it('reads the four paging schemes wherever the response puts them', () => {
    // A: top-level pages (agents, contacts)
    expect(rawPageInfo({ data: [1], pages: { page: 1, limit: 1, hasNext: true }, totalCount: 3 }, 1)).toEqual({
      page: 1,
      hasNext: true,
      scheme: 'pages',
    });
    // A inside data (data sources)
    expect(rawPageInfo({ data: { dataSources: [1], pages: { page: 2, totalPages: 2 } } }, 2)).toEqual({
      page: 2,
      hasNext: false,
      scheme: 'pages',
    });
    // B: data.meta (conversations)
    expect(rawPageInfo({ data: { conversations: [1], meta: { currentPage: 1, totalPageCount: 3 } } }, 1)).toMatchObject(
      { hasNext: true, scheme: 'meta' },
    );
    // C: data.pagination (AI suggestions)
    expect(rawPageInfo({ data: { items: [1], pagination: { page: 1, hasNextPage: false } } }, 1)).toMatchObject({
      hasNext: false,
      scheme: 'pagination',
    });
    // D: data.metadata (CSAT), with a `next` link
    expect(rawPageInfo({ data: { feedback: [1], metadata: { page: 1, next: '?page=2' } } }, 1)).toMatchObject({
      hasNext: true,
      scheme: 'metadata',
    });
    expect(rawPageInfo({ data: { id: 'x' } }, 1)).toEqual({ page: 1, hasNext: false, scheme: 'none' });
  });

  it('stops at the last page, an empty page, or a server that does not move on', () => {
    expect(nextPage({ data: [1], pages: { page: 1, hasNext: true } }, 1)).toBe(2);
    expect(nextPage({ data: [1], pages: { page: 3, hasNext: false } }, 3)).toBeUndefined();
    expect(nextPage({ data: [], pages: { page: 2, hasNext: true } }, 2)).toBeUndefined();
    expect(nextPage({ data: [1], pages: { page: 1, hasNext: true } }, 2)).toBeUndefined();
  });
});

describe('splitPath', () => {
  it('splits the query off, drops the base path prefix and refuses full URLs', () => {
    expect(splitPath('/contacts?agentId=a&limit=5', '/api/v2')).toEqual({
      path: '/contacts',
      query: { agentId: 'a', limit: '5' },
    });
    expect(splitPath('agents', '/api/v2')).toEqual({ path: '/agents', query: {} });
    expect(splitPath('/api/v2/agents/x?t=1&t=2', '/api/v2')).toEqual({ path: '/agents/x', query: { t: ['1', '2'] } });
    expect(() => splitPath('https://app.livechatai.com/api/v2/agents', '/api/v2')).toThrow(
      /relative to the API base URL/,
    );
  });
});
