import { packageTestConfig } from '@livechatai/config/vitest';

export default packageTestConfig(import.meta.dirname);
