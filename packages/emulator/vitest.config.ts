import { packageTestConfig } from '@livechatai/config/vitest';

export default packageTestConfig(import.meta.dirname, { testTimeout: 30_000, globalSetup: ['test/global-setup.ts'] });
