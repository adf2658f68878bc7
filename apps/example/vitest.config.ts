import { defineConfig } from 'vitest/config';

// The end-to-end test: the built app (vite build runs first) in Debian's chromium against the emulator.
export default defineConfig({
  test: {
    name: '@livechatai/example',
    environment: 'node',
    include: ['server/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    restoreMocks: true,
  },
});
