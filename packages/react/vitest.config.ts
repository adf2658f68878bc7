import { packageTestConfig } from '@livechatai/config/vitest';

// jsdom for the hook tests; the SSR test opts back into node with a `@vitest-environment node` comment.
export default packageTestConfig(import.meta.dirname, { environment: 'jsdom' });
