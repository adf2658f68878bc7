// @ts-check
// Bundles each entry with esbuild (ESM, browser, minified, tree-shaken) and gzips the output with node:zlib.
// Deterministic: same sources in, same bytes out.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDecoder } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ENTRIES } from './entries.js';

/** @typedef {import('./entries.js').SizeEntry} SizeEntry */
/**
 * @typedef {object} SizeResult
 * @property {string} name
 * @property {number | null} minified  bytes after minification (null when the entry could not be built)
 * @property {number | null} gzip      bytes after minification and gzip
 * @property {number | null} budget
 * @property {number | null} goal      the issues' target where the enforced budget is still above it
 * @property {boolean} ok              within budget (reference rows: true when they build)
 * @property {string | null} error     why the entry could not be measured
 */

export const SIZE_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const PACKAGES_DIR = dirname(SIZE_DIR);

/** Why an entry cannot be measured (a package folder missing, not built, or not a devDependency here), or null. */
export function missingPackage(/** @type {SizeEntry} */ entry) {
  for (const folder of entry.packages) {
    const manifest = join(PACKAGES_DIR, folder, 'package.json');
    if (!existsSync(manifest)) return `package folder packages/${folder} does not exist`;
    const pkg = /** @type {{ name: string, main?: string, module?: string }} */ (
      JSON.parse(readFileSync(manifest, 'utf8'))
    );
    const built = pkg.module ?? pkg.main;
    if (built === undefined || !existsSync(join(PACKAGES_DIR, folder, built))) {
      return `${pkg.name} is not built (run: pnpm turbo run build --filter=@livechatai/size...)`;
    }
    if (!existsSync(join(SIZE_DIR, 'node_modules', pkg.name, 'package.json'))) {
      return `${pkg.name} is not a devDependency of @livechatai/size ("${pkg.name}": "workspace:*")`;
    }
  }
  return null;
}

/**
 * Bundle one entry; returns the minified output.
 * @param {SizeEntry} entry
 * @returns {Promise<Uint8Array>}
 */
export async function bundle(entry) {
  const result = await build({
    stdin: { contents: entry.code, resolveDir: SIZE_DIR, sourcefile: 'entry.js', loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    treeShaking: true,
    legalComments: 'none',
    external: entry.external ?? [],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (file === undefined) throw new Error(`esbuild produced no output for "${entry.name}"`);
  return file.contents;
}

/**
 * Measure entries (default: all). Never throws for a missing package: the row carries the error instead.
 * @param {SizeEntry[]} [entries]
 * @returns {Promise<SizeResult[]>}
 */
export async function measure(entries = ENTRIES) {
  /** @type {SizeResult[]} */
  const results = [];
  for (const entry of entries) {
    const missing = missingPackage(entry);
    if (missing !== null) {
      results.push({
        name: entry.name,
        minified: null,
        gzip: null,
        budget: entry.budget,
        goal: entry.goal ?? null,
        ok: false,
        error: missing,
      });
      continue;
    }
    try {
      const code = await bundle(entry);
      if (entry.contains !== undefined && !new TextDecoder().decode(code).includes(entry.contains)) {
        throw new Error(`the bundle does not contain ${JSON.stringify(entry.contains)} (tree-shaken to nothing?)`);
      }
      const gzip = gzipSync(code, { level: 9 }).length;
      const ok = entry.budget === null || gzip <= entry.budget;
      results.push({
        name: entry.name,
        minified: code.length,
        gzip,
        budget: entry.budget,
        goal: entry.goal ?? null,
        ok,
        error: null,
      });
    } catch (error) {
      const message = describeError(error);
      results.push({
        name: entry.name,
        minified: null,
        gzip: null,
        budget: entry.budget,
        goal: entry.goal ?? null,
        ok: false,
        error: message,
      });
    }
  }
  return results;
}

/** esbuild's errors carry a list of messages; keep them on one line each. */
function describeError(/** @type {unknown} */ error) {
  if (typeof error === 'object' && error !== null && 'errors' in error && Array.isArray(error.errors)) {
    const texts = error.errors.map((/** @type {{ text?: unknown }} */ e) => String(e.text));
    if (texts.length > 0) return texts.join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * The table printed by `pnpm size`.
 * @param {SizeResult[]} results
 * @returns {string}
 */
export function formatTable(results) {
  const rows = [
    ['entry', 'min', 'min+gzip', 'budget', 'goal', 'ok'],
    ...results.map((r) => [
      r.name,
      r.minified === null ? '-' : String(r.minified),
      r.gzip === null ? '-' : String(r.gzip),
      r.budget === null ? 'reference' : String(r.budget),
      r.goal === null ? '-' : String(r.goal),
      r.error !== null
        ? `FAIL: ${r.error}`
        : r.budget === null
          ? '-'
          : !r.ok
            ? 'NO (over budget)'
            : r.goal !== null && (r.gzip ?? 0) > r.goal
              ? `yes (${String((r.gzip ?? 0) - r.goal)} B over the goal)`
              : 'yes',
    ]),
  ];
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const line = (/** @type {string[]} */ row) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[0] ?? 0) : i < 5 ? cell.padStart(widths[i] ?? 0) : cell))
      .join('  ');
  const [head, ...body] = rows;
  return (
    [line(head ?? []), ...body.map(line)].join('\n') +
    '\n\nBytes of min+gzip (1 kB = 1000 B). `budget` is enforced by the test run; `goal` is the target the issues set where\n' +
    'the budget is still above it (see src/entries.js).'
  );
}
