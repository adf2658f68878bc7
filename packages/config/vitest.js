// Shared vitest defaults; a package config only adds what differs (environment, setup files).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * @param {string} dir the package folder (pass import.meta.dirname)
 * @param {import('vitest/config').UserConfig['test']} [test]
 */
export function packageTestConfig(dir, test = {}) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return defineConfig({
    define: { __PACKAGE_VERSION__: JSON.stringify(pkg.version) },
    test: {
      name: pkg.name,
      environment: 'node',
      restoreMocks: true,
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'test/**/*.test.tsx'],
      typecheck: { enabled: true, include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'] },
      testTimeout: 20_000,
      hookTimeout: 30_000,
      ...test,
    },
  });
}
