import { InvalidParameterError } from '@livechatai/core';
import { assertNonEmptyString, assertOneOf, assertParams, requestPage, unwrapEnvelope } from '@livechatai/core/internal';
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
  DataSourceListParams,
  LiveChatAIClient,
  PagePromise,
  RequestOptions,
} from '@livechatai/core';

const TYPES = ['WEBSITE', 'TEXT', 'QA', 'PDF', 'DOCX', 'IMAGE'] as const;

/** An agent's knowledge (data) sources: `/data-sources`. */
export class DataSources {
  readonly #client: LiveChatAIClient;

  constructor(client: LiveChatAIClient) {
    this.#client = client;
  }

  /** List an agent's data sources; iterate the result to walk every page. `GET /data-sources` */
  list(params: DataSourceListParams, options?: RequestOptions): PagePromise<DataSource> {
    assertParams(params, 'agentId');
    return requestPage(this.#client,
      { path: '/data-sources', query: { ...params }, items: 'items' },
      options,
    );
  }

  /** Add a text data source. `POST /data-sources/text` */
  addText(params: DataSourceAddTextParams, options?: RequestOptions): APIPromise<DataSourceCreated> {
    return this.#add('text', params, ['agentId', 'title', 'content'], options);
  }

  /** Add one web page by URL. `POST /data-sources/url` */
  addUrl(params: DataSourceAddUrlParams, options?: RequestOptions): APIPromise<DataSourceCreated> {
    return this.#add('url', params, ['agentId', 'url'], options);
  }

  /** Add a question-and-answer pair. `POST /data-sources/qa` */
  addQA(params: DataSourceAddQAParams, options?: RequestOptions): APIPromise<DataSourceCreated> {
    return this.#add('qa', params, ['agentId', 'question', 'answer'], options);
  }

  /** Add text already extracted from a PDF, DOCX or image file (JSON, not an upload). `POST /data-sources/file` */
  addFile(params: DataSourceAddFileParams, options?: RequestOptions): APIPromise<DataSourceCreated> {
    assertParams(params);
    assertOneOf(params.fileType, 'fileType', ['pdf', 'docx', 'image']);
    return this.#add('file', params, ['agentId', 'title', 'content'], options);
  }

  /** Delete one (`id`) or several (`ids`) data sources of one type. `DELETE /data-sources` */
  delete(params: DataSourceDeleteParams, options?: RequestOptions): APIPromise<DataSourceDeleteResult> {
    assertParams(params, 'agentId');
    assertOneOf(params.source, 'source', TYPES);
    if (params.id === undefined && !params.ids?.length) throw new InvalidParameterError('id', 'give `id` or a non-empty `ids`');
    if (params.id !== undefined) assertNonEmptyString(params.id, 'id');
    return this.#client.request<DataSourceDeleteResult>({ method: 'DELETE', path: '/data-sources', body: params }, options);
  }

  #add<TParams extends object>(
    kind: string,
    params: TParams,
    required: (keyof TParams & string)[],
    options: RequestOptions | undefined,
  ): APIPromise<DataSourceCreated> {
    assertParams(params, ...required);
    return this.#client.request(
      {
        method: 'POST',
        path: `/data-sources/${kind}`,
        body: params,
        unwrap: (json) => {
          const data = unwrapEnvelope(json) as { item?: DataSourceCreated } & DataSourceCreated;
          return data.item ?? data;
        },
      },
      options,
    );
  }
}
