import type { ViteUserConfig } from 'vitest/config';

/** The shared vitest config for the package in `dir`; `test` overrides the defaults. */
export function packageTestConfig(dir: string, test?: ViteUserConfig['test']): ViteUserConfig;
