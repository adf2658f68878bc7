import { libraryConfig } from '@livechatai/config/tsup';
import { defineConfig } from 'tsup';

const external = ['react', 'react-dom', '@tanstack/react-query', /^@livechatai\//];

// Two entries. `index` holds the provider and hooks, so its output starts with 'use client' (React Server
// Components bundlers need the directive in the built file; esbuild would drop it from the sources).
// `queries` holds only query keys and query-option factories: no directive, callable on a server
// (route loaders, RSC prefetch).
export default defineConfig([
  libraryConfig(import.meta.dirname, {
    entry: { index: 'src/index.ts' },
    external,
    clean: false,
    // tsup's rollup tree-shaking pass would strip the directive; esbuild's own bundling already drops dead code.
    treeshake: false,
    banner: { js: "'use client';" },
  }),
  libraryConfig(import.meta.dirname, {
    entry: { queries: 'src/queries.ts' },
    external,
    clean: false,
  }),
]);
