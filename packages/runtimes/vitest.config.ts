import { packageTestConfig } from '@livechatai/config/vitest';

// One file at a time: each spawns a runtime against its own emulator; 2 cores are shared with the rest of the check.
// The global setup packs and installs the tarballs once for every file.
export default packageTestConfig(import.meta.dirname, {
  globalSetup: ['./test/global-setup.ts'],
  fileParallelism: false,
  testTimeout: 180_000,
  hookTimeout: 300_000,
});
