// Serving a built Vite folder: files by path (never outside the folder), long caching for hashed assets.
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, normalize, relative, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The file of `root` that `pathname` names (`/` is `index`), or `undefined` when there is none or the path
 * leads outside `root`.
 */
export function resolveStaticFile(root: string, pathname: string, index: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const file = normalize(join(root, decoded === '/' ? index : decoded));
  if (relative(root, file).split(sep).includes('..')) return undefined;
  return isFile(file) ? file : undefined;
}

/** `file` as a response: its content type, and `immutable` caching for Vite's hashed `/assets/`. */
export async function fileResponse(file: string, pathname: string, body?: string): Promise<Response> {
  const ext = file.slice(file.lastIndexOf('.'));
  const immutable = pathname.startsWith('/assets/');
  return new Response(body ?? (await readFile(file)), {
    headers: {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    },
  });
}
