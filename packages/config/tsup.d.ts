import type { Options } from 'tsup';

/** The shared tsup options for a published package in `dir` (ESM + CJS + .d.ts, version injected). */
export function libraryConfig(dir: string, overrides?: Options): Options;
