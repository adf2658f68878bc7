import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `pnpm dev` serves the app with hot reload and sends /api to a running app server (`pnpm start`, or
// EXAMPLE_API_URL), so the key stays on the server in development too.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': { target: process.env.EXAMPLE_API_URL ?? 'http://127.0.0.1:5173', changeOrigin: true } },
    port: 5174,
  },
  build: { outDir: 'dist/public', emptyOutDir: true, sourcemap: true },
});
