import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export type RandomSource = () => number;

/** A random id with the documentation's prefixes (`chat_`, `contact_`, `msg_`, `ds_`, …); agents get a cuid-like `c…`. */
export function newId(prefix: string, rand?: RandomSource): string {
  const len = 20;
  let out = '';
  if (rand) {
    for (let i = 0; i < len; i++) out += ALPHABET[Math.floor(rand() * 36)] ?? '0';
  } else {
    const bytes = randomBytes(len);
    for (const b of bytes) out += ALPHABET[b % 36] ?? '0';
  }
  return prefix === 'agent' ? `cl${out}` : `${prefix}_${out}`;
}

/** A new secret API key (shown once, to its owner). */
export function newApiKey(): string {
  return `lcai_${randomBytes(24).toString('base64url')}`;
}

/** Keys are stored and compared as SHA-256 hashes only. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Deterministic PRNG (mulberry32) for the demo seed. */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function slugify(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return s || 'agent';
}
