import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

// Two separate builds, so that the public widget page carries none of the console's code:
// - `vite build`: the admin console (index.html) to dist/public, served by the console server on loopback;
// - `vite build --mode widget`: the visitor chat widget (widget.html) to dist/widget, served by the public site.
//
// `pnpm dev` (`vite`, port 5174) serves the console with hot reload and sends /api to a running console server
// (`pnpm start`, or EXAMPLE_API_URL); `vite --mode widget` (port 5176) serves the widget and sends /api/chat
// to a running public site (EXAMPLE_WIDGET_URL). Keys and the chat secret stay on those servers.

/**
 * Forwards /api to `target`. The console refuses a foreign Origin, and the dev page's origin is foreign to
 * it, so a request from the dev page itself is presented with the target's origin; any other Origin is
 * passed on unchanged (and refused), so the dev server does not become a way around the check.
 */
function apiProxy(target: string): Record<string, ProxyOptions> {
  return {
    '/api': {
      target,
      changeOrigin: true,
      configure(proxy) {
        proxy.on('proxyReq', (proxyReq, req) => {
          const origin = req.headers.origin;
          if (origin !== undefined && origin === `http://${req.headers.host ?? ''}`)
            proxyReq.setHeader('origin', new URL(target).origin);
        });
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'widget') {
    return {
      plugins: [react()],
      server: {
        proxy: apiProxy(process.env.EXAMPLE_WIDGET_URL ?? 'http://127.0.0.1:5175'),
        port: 5176,
        open: '/widget.html',
      },
      build: { outDir: 'dist/widget', emptyOutDir: true, sourcemap: true, rolldownOptions: { input: 'widget.html' } },
    };
  }
  return {
    plugins: [react()],
    server: { proxy: apiProxy(process.env.EXAMPLE_API_URL ?? 'http://127.0.0.1:5173'), port: 5174 },
    build: { outDir: 'dist/public', emptyOutDir: true, sourcemap: true },
  };
});
