import { libraryConfig } from '@livechatai/config/tsup';
import { defineConfig } from 'tsup';

// Two entries: the public API, and `@livechatai/core/internal` for the resource packages. Splitting puts the
// code they share in one chunk, so both entries hand out the same classes (instanceof works across them).
export default defineConfig(
  libraryConfig(import.meta.dirname, {
    entry: { index: 'src/index.ts', internal: 'src/internal/index.ts' },
    splitting: true,
  }),
);
