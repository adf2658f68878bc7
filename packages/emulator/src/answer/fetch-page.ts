// Fetches a URL data source: HTTP(S) only, a timeout and a size cap, HTML reduced to text as it arrives.
//
// The emulator runs on developers' machines and in CI, often beside a browser, and hands fetched text back
// through the API: it must not become a way to read local-only services. Every hop (the URL and each redirect)
// is checked after DNS resolution, and the connection goes to the very address that was checked (a custom
// `lookup` for node:http(s), so a second resolution cannot rebind the name). Only global unicast addresses pass,
// unless the emulator was started with `allowPrivateUrls` for local testing.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { pipeline } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Transform } from 'node:stream';
import ipaddr from 'ipaddr.js';
import { HtmlTextExtractor, type PageText } from './html-text.js';

export { htmlToText } from './html-text.js';
export type FetchedPage = PageText;

export class PageFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PageFetchError';
  }
}

/** A hop went to (or resolved to) an address the emulator may not connect to. */
export class RefusedAddressError extends PageFetchError {
  constructor(host: string, address: string, range: string) {
    super(
      `refused: ${host === address ? address : `${host} resolves to ${address}`}, a ${range} address (start the emulator with --allow-private-urls to fetch local pages)`,
    );
    this.name = 'RefusedAddressError';
  }
}

export interface FetchPageOptions {
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal | undefined;
  /** Also connect to loopback, private, link-local and other non-global addresses (local testing only). */
  allowPrivate?: boolean | undefined;
  /** Which addresses may be connected to (default: `isPublicAddress`, or every address with `allowPrivate`). */
  isAllowedAddress?: ((address: string) => boolean) | undefined;
  /** Resolves a host name to its addresses (default: the system resolver, `dns.lookup`). */
  resolve?: ((hostname: string) => Promise<LookupAddress[]>) | undefined;
}

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const RANGE_NAMES: Record<string, string> = {
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'carrier-grade NAT',
  private: 'private',
  uniqueLocal: 'private (unique local)',
  ipv4Mapped: 'IPv4-mapped',
  rfc6145: 'IPv4-translated',
  rfc6052: 'NAT64',
  '6to4': '6to4',
  teredo: 'Teredo',
};
// Global unicast IPv6 is 2000::/3; everything outside it (IPv4-compatible `::a.b.c.d`, discard, …) is refused.
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

/** Why an address may not be fetched (`loopback`, `private`, …), or undefined for a global unicast address. */
export function nonPublicRange(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return 'invalid';
  const ip = ipaddr.parse(address);
  const range = ip.range();
  if (range !== 'unicast') return RANGE_NAMES[range] ?? 'reserved';
  if (ip instanceof ipaddr.IPv6 && !ip.match(GLOBAL_UNICAST_V6)) return 'reserved';
  return undefined;
}

export function isPublicAddress(address: string): boolean {
  return nonPublicRange(address) === undefined;
}

const systemResolve = (hostname: string): Promise<LookupAddress[]> =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => {
      if (err) reject(err);
      else resolve(addresses);
    });
  });

/** The literal address of a URL host (`[::1]` → `::1`), or undefined for a name. */
function literalAddress(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) && (bare.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(bare)) ? bare : undefined;
}

export async function fetchPage(url: string, opts: FetchPageOptions): Promise<FetchedPage> {
  const allowed = opts.isAllowedAddress ?? (opts.allowPrivate ? (): boolean => true : isPublicAddress);
  const resolve = opts.resolve ?? systemResolve;
  const signals = [AbortSignal.timeout(opts.timeoutMs)];
  if (opts.signal) signals.push(opts.signal);
  const signal = AbortSignal.any(signals);

  const check = (host: string, address: string): void => {
    if (!allowed(address)) throw new RefusedAddressError(host, address, nonPublicRange(address) ?? 'disallowed');
  };
  // The connection's lookup: resolve, keep only allowed addresses, hand exactly those to the socket.
  const pinnedLookup: LookupFunction = (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const usable = addresses.filter((a) => allowed(a.address));
        const first = usable[0];
        if (!first) {
          const refused = addresses[0];
          callback(
            refused
              ? new RefusedAddressError(hostname, refused.address, nonPublicRange(refused.address) ?? 'disallowed')
              : new PageFetchError(`${hostname} has no address`),
            '',
          );
        } else if (options.all) {
          callback(null, usable);
        } else {
          callback(null, first.address, first.family);
        }
      },
      (err: unknown) => {
        callback(err instanceof Error ? err : new Error(String(err)), '');
      },
    );
  };

  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new PageFetchError('the URL is not valid');
  }
  for (let hop = 0; ; hop++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:')
      throw new PageFetchError(`only http(s) pages can be fetched, not ${current.protocol}`);
    // An IP literal (however spelled: the URL parser normalises 2130706433, 0x7f.1, [::ffff:127.0.0.1]) is
    // checked here; the socket does not call `lookup` for one.
    const literal = literalAddress(current.hostname);
    if (literal !== undefined) check(literal, literal);
    const res = await get(current, literal === undefined ? pinnedLookup : undefined, signal, opts.timeoutMs);
    if (REDIRECTS.has(res.statusCode ?? 0) && res.headers.location !== undefined) {
      res.resume();
      if (hop >= MAX_REDIRECTS) throw new PageFetchError(`too many redirects (more than ${MAX_REDIRECTS})`);
      try {
        current = new URL(res.headers.location, current);
      } catch {
        throw new PageFetchError('the page redirected to an invalid URL');
      }
      continue;
    }
    return readPage(res, opts, signal);
  }
}

function get(
  url: URL,
  lookup: LookupFunction | undefined,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(url, {
      method: 'GET',
      headers: {
        accept: 'text/html,text/plain;q=0.9,*/*;q=0.1',
        'accept-encoding': 'gzip, deflate, br',
        'user-agent': 'livechatai-emulator',
      },
      agent: false,
      signal,
      ...(lookup ? { lookup } : {}),
    });
    req.once('response', resolve);
    req.once('error', (err) => {
      if (err instanceof PageFetchError) reject(err);
      else if (signal.aborted)
        reject(new PageFetchError(timedOut(signal) ? `timed out after ${timeoutMs} ms` : 'the fetch was cancelled'));
      else reject(new PageFetchError('the page could not be fetched'));
    });
    req.end();
  });
}

const timedOut = (signal: AbortSignal): boolean =>
  signal.reason instanceof DOMException && signal.reason.name === 'TimeoutError';

async function readPage(res: IncomingMessage, opts: FetchPageOptions, signal: AbortSignal): Promise<FetchedPage> {
  const status = res.statusCode ?? 0;
  if (status < 200 || status > 299) {
    res.resume();
    throw new PageFetchError(`the page answered HTTP ${status}`);
  }
  const type = (res.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type && !type.startsWith('text/') && type !== 'application/xhtml+xml') {
    res.resume();
    throw new PageFetchError(`unsupported content type ${type}`);
  }
  const encoding = (res.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decoders: Record<string, () => Transform> = {
    gzip: createGunzip,
    'x-gzip': createGunzip,
    deflate: createInflate,
    br: createBrotliDecompress,
  };
  const decoder = decoders[encoding];
  if (!decoder && encoding !== 'identity') {
    res.resume();
    throw new PageFetchError(`unsupported content encoding ${encoding}`);
  }
  let body: AsyncIterable<Buffer> = res as AsyncIterable<Buffer>;
  if (decoder) {
    const decoded = decoder();
    // pipeline, not pipe: an error or abort on the response also ends the decoder
    pipeline(res, decoded, () => undefined);
    body = decoded as AsyncIterable<Buffer>;
  }
  const plain = type === 'text/plain';
  const html = plain ? undefined : new HtmlTextExtractor();
  const text: string[] = [];
  const utf8 = new TextDecoder('utf-8');
  let size = 0;
  try {
    for await (const chunk of body) {
      size += chunk.byteLength;
      if (size > opts.maxBytes) throw new PageFetchError(`the page is larger than ${opts.maxBytes} bytes`);
      const s = utf8.decode(chunk, { stream: true });
      // HTML is reduced as it arrives, one chunk per turn of the event loop
      if (html) html.write(s);
      else text.push(s);
    }
  } catch (err) {
    if (err instanceof PageFetchError) throw err;
    if (signal.aborted)
      throw new PageFetchError(timedOut(signal) ? `timed out after ${opts.timeoutMs} ms` : 'the fetch was cancelled');
    throw new PageFetchError('the page could not be read');
  } finally {
    res.destroy();
  }
  const rest = utf8.decode();
  let page: FetchedPage;
  if (html) {
    html.write(rest);
    page = html.end();
  } else {
    page = { title: null, text: (text.join('') + rest).trim() };
  }
  if (!page.text) throw new PageFetchError('the page holds no text');
  return page;
}
