export { DataSources } from './data-sources.js';
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
