import { defineConfig } from 'tsup';

// The server, bundled to plain ESM so `pnpm start` needs only node and the built workspace packages.
export default defineConfig({
  entry: { start: 'server/start.ts' },
  outDir: 'dist/server',
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  clean: true,
  sourcemap: true,
});
