export { DataSources } from './data-sources.js';
// createClient comes along so that this package alone is enough to start (a strict pnpm layout hides core)
export { createClient } from '@livechatai/core';
export type { ClientOptions, LiveChatAIClient, RequestOptions } from '@livechatai/core';
export type {
  DataSource,
  DataSourceAddFileParams,
  DataSourceAddQAParams,
  DataSourceAddTextParams,
  DataSourceAddUrlParams,
  DataSourceCreated,
  DataSourceDeleteParams,
  DataSourceDeleteResult,
  DataSourceFileType,
  DataSourceListParams,
  DataSourceStatus,
  DataSourceType,
} from '@livechatai/core';
