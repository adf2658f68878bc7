// The one tsup base every published package uses: ESM + CJS + .d.ts, the package version injected
// as __PACKAGE_VERSION__ (for the User-Agent) instead of being string-replaced at release time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string} dir the package folder (pass import.meta.dirname)
 * @param {import('tsup').Options} [overrides]
 * @returns {import('tsup').Options}
 */
export function libraryConfig(dir, overrides = {}) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    splitting: false,
    treeshake: true,
    define: { __PACKAGE_VERSION__: JSON.stringify(pkg.version) },
    ...overrides,
  };
}
