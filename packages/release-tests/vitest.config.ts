import { packageTestConfig } from '@livechatai/config/vitest';

// One file at a time: the packed-package suite installs and spawns processes; 2 cores are shared.
export default packageTestConfig(import.meta.dirname, {
  fileParallelism: false,
  testTimeout: 180_000,
  hookTimeout: 300_000,
});
