// Fetches a URL data source: HTTP(S) only, a timeout and a size cap, HTML reduced to text.

export interface FetchedPage {
  title: string | null;
  text: string;
}

export class PageFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PageFetchError';
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, code: string) => {
    const lower = code.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16) || 32);
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)) || 32);
    return ENTITIES[lower] ?? m;
  });
}

/** HTML → readable text: scripts/styles/comments dropped, block elements become paragraph breaks. */
export function htmlToText(html: string): FetchedPage {
  const titleMatch = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const title = titleMatch?.[1] ? decodeEntities(titleMatch[1]).replace(/\s+/g, ' ').trim() || null : null;
  let body = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template|svg|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|div|section|article|header|footer|main|nav|aside|h[1-6]|li|ul|ol|tr|table|blockquote|pre|dd|dt|dl)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]+>/g, ' ');
  body = decodeEntities(body)
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
  return { title, text: body };
}

export async function fetchPage(url: string, opts: { timeoutMs: number; maxBytes: number; signal?: AbortSignal }): Promise<FetchedPage> {
  const signals = [AbortSignal.timeout(opts.timeoutMs)];
  if (opts.signal) signals.push(opts.signal);
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.any(signals), redirect: 'follow', headers: { accept: 'text/html,text/plain;q=0.9,*/*;q=0.1' } });
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    throw new PageFetchError(name === 'TimeoutError' ? `timed out after ${opts.timeoutMs} ms` : 'the page could not be fetched');
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new PageFetchError(`the page answered HTTP ${res.status}`);
  }
  const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type && !type.startsWith('text/') && type !== 'application/xhtml+xml') {
    await res.body?.cancel().catch(() => undefined);
    throw new PageFetchError(`unsupported content type ${type}`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (res.body) {
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > opts.maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw new PageFetchError(`the page is larger than ${opts.maxBytes} bytes`);
        }
        chunks.push(value);
      }
    } catch (err) {
      if (err instanceof PageFetchError) throw err;
      throw new PageFetchError('the page could not be read');
    }
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  const page = type === 'text/plain' ? { title: null, text: raw.trim() } : htmlToText(raw);
  if (!page.text) throw new PageFetchError('the page holds no text');
  return page;
}
