import { InvalidParameterError } from '@livechatai/core';
import {
  assertBoolean,
  assertIdList,
  assertNonEmptyString,
  assertOneOf,
  assertOptionalFields,
  assertPaging,
  assertParams,
  oneOf,
  request,
  requestPage,
  unwrapEnvelope,
} from '@livechatai/core/internal';
import type {
  APIPromise,
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
  DataSourceType,
  LiveChatAIClient,
  PagePromise,
  RequestOptions,
} from '@livechatai/core';

const TYPES = ['WEBSITE', 'TEXT', 'QA', 'PDF', 'DOCX', 'IMAGE'] as const satisfies readonly DataSourceType[];
const FILE_TYPES = ['pdf', 'docx', 'image'] as const satisfies readonly DataSourceFileType[];
/** The most ids one delete takes. */
const MAX_DELETE_IDS = 100;

/**
 * An agent's knowledge (data) sources: `/data-sources`. Bad input rejects the returned promise with
 * InvalidParameterError before any request; no method throws.
 */
export class DataSources {
  readonly #client: LiveChatAIClient;

  constructor(client: LiveChatAIClient) {
    this.#client = client;
  }

  /** List an agent's data sources; iterate the result to walk every page. `GET /data-sources` */
  list(params: DataSourceListParams, options?: RequestOptions): PagePromise<DataSource> {
    return requestPage(
      this.#client,
      () => {
        assertParams(params, 'agentId');
        assertPaging(params, 'limit');
        assertOptionalFields(params, { source: oneOf([...TYPES, 'ALL']) });
        return { path: '/data-sources', query: { ...params }, items: 'items' };
      },
      options,
    );
  }

  /** Add a text data source. `POST /data-sources/text` */
  addText(params: DataSourceAddTextParams, options?: RequestOptions): APIPromise<DataSourceCreated> {
    return this.#add('text', params, options, () => {
      assertParams(params, 'agentId', 'title', 'content');
    });
  }

  /** Add one web page by URL. `POST /data-sources/url` */
  addUrl(params: DataSourceAddUrlParams, options?: RequestOptions): APIPromise<DataSourceCreated> {
    return this.#add('url', params, options, () => {
      assertParams(params, 'agentId', 'url');
    });
  }

  /** Add a question-and-answer pair. `POST /data-sources/qa` */
  addQA(params: DataSourceAddQAParams, options?: RequestOptions): APIPromise<DataSourceCreated> {
    return this.#add('qa', params, options, () => {
      assertParams(params, 'agentId', 'question', 'answer');
      assertOptionalFields(params, { isGeneratedByAI: assertBoolean, relatedMessageId: assertNonEmptyString });
    });
  }

  /** Add text already extracted from a PDF, DOCX or image file (JSON, not an upload). `POST /data-sources/file` */
  addFile(params: DataSourceAddFileParams, options?: RequestOptions): APIPromise<DataSourceCreated> {
    return this.#add('file', params, options, () => {
      assertParams(params, 'agentId', 'title', 'content');
      assertOneOf(params.fileType, 'fileType', FILE_TYPES);
    });
  }

  /** Delete one (`id`) or several (`ids`, at most 100) data sources of one type. `DELETE /data-sources` */
  delete(params: DataSourceDeleteParams, options?: RequestOptions): APIPromise<DataSourceDeleteResult> {
    return request(
      this.#client,
      () => {
        assertParams(params, 'agentId');
        assertOneOf(params.source, 'source', TYPES);
        if (params.id === undefined && params.ids === undefined) {
          throw new InvalidParameterError('id', 'give `id` or a non-empty `ids`');
        }
        assertOptionalFields(params, {
          id: assertNonEmptyString,
          ids: (ids, name) => {
            assertIdList(ids, name, MAX_DELETE_IDS);
          },
        });
        return { method: 'DELETE', path: '/data-sources', body: params };
      },
      options,
    );
  }

  #add(
    kind: string,
    params: object,
    options: RequestOptions | undefined,
    check: () => void,
  ): APIPromise<DataSourceCreated> {
    return request(
      this.#client,
      () => {
        check();
        return {
          method: 'POST',
          path: `/data-sources/${kind}`,
          body: params,
          unwrap: (json) => {
            const data = unwrapEnvelope(json) as { item?: DataSourceCreated } & DataSourceCreated;
            return data.item ?? data;
          },
        };
      },
      options,
    );
  }
}
