import { packageTestConfig } from '@livechatai/config/vitest';

export default packageTestConfig(import.meta.dirname, {
  testTimeout: 60_000,
  hookTimeout: 60_000,
});
