import { defineConfig } from 'tsup';

// The CLI ships ESM only: a tiny bin entry plus lazily imported command chunks (code splitting), so
// `--version` and `--help` never load the SDK. Dependencies stay external (installed with the package).
export default defineConfig({
  entry: {
    bin: 'src/bin.ts',
    cli: 'src/cli.ts',
  },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  splitting: true,
  sourcemap: true,
  clean: true,
  dts: false,
  treeshake: true,
});
