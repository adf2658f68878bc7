import { libraryConfig } from '@livechatai/config/tsup';
import { defineConfig } from 'tsup';

const dir = import.meta.dirname;

export default defineConfig([
  libraryConfig(dir, {
    platform: 'node',
    external: ['better-sqlite3'],
    // The OpenAPI document is bundled so that the published package serves it at GET /openapi.json.
    noExternal: ['@livechatai/spec'],
  }),
  libraryConfig(dir, {
    entry: ['src/bin.ts'],
    format: ['esm'],
    dts: false,
    clean: false,
    platform: 'node',
    external: ['better-sqlite3'],
    noExternal: ['@livechatai/spec'],
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
