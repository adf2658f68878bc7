import { libraryConfig } from '@livechatai/config/tsup';
import { defineConfig } from 'tsup';

export default defineConfig(libraryConfig(import.meta.dirname, { entry: ['src/index.ts', 'src/redis.ts'] }));
