// Anonymous visitors: a random id in a cookie, signed with HMAC-SHA256 (WebCrypto, so it runs on edge runtimes too).

/** Who is chatting: your signed-in user (from `identify`), or an anonymous visitor the handler keeps in a cookie. */
export interface Visitor {
  /** Your own stable id for this person: the contact's `distinctId`. */
  id: string;
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  /** Contact attributes (only those configured for the agent are kept by the API). */
  attributes?: Record<string, string> | undefined;
}

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Signs and checks visitor ids with one secret. */
export class VisitorCookies {
  readonly #key: Promise<CryptoKey>;

  constructor(secret: string) {
    this.#key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
  }

  /** A new anonymous visitor id and the cookie value that carries it. */
  async mint(): Promise<{ id: string; value: string }> {
    const id = `anon_${base64url(crypto.getRandomValues(new Uint8Array(16)))}`;
    const signature = new Uint8Array(await crypto.subtle.sign('HMAC', await this.#key, encoder.encode(id)));
    return { id, value: `${id}.${base64url(signature)}` };
  }

  /** The visitor id of a cookie value, or undefined when it is missing, malformed or not signed with our secret. */
  async verify(value: string | undefined): Promise<string | undefined> {
    const dot = value?.lastIndexOf('.') ?? -1;
    if (!value || dot <= 0) return undefined;
    const id = value.slice(0, dot);
    const signature = fromBase64url(value.slice(dot + 1));
    if (!signature || !id.startsWith('anon_')) return undefined;
    // crypto.subtle.verify compares in constant time
    const ok = await crypto.subtle.verify('HMAC', await this.#key, signature, encoder.encode(id));
    return ok ? id : undefined;
  }
}

/** The value of cookie `name` in a Cookie header. */
export function readCookie(header: string | null, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** The Set-Cookie header for a visitor cookie: HttpOnly, SameSite=Lax, scoped to the handler's path, Secure unless loopback. */
export function visitorCookie(name: string, value: string, url: URL): string {
  const secure = url.protocol === 'https:' || !LOOPBACK.test(url.hostname);
  return `${name}=${value}; Path=${url.pathname}; Max-Age=31536000; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}
