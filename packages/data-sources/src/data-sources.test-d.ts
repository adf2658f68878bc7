import type {
  APIPromise,
  DataSource,
  DataSourceCreated,
  DataSourceDeleteResult,
  DataSourceType,
  PagePromise,
} from '@livechatai/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { DataSources } from './index.js';

declare const ds: DataSources;

describe('DataSources types', () => {
  it('types every method', () => {
    expectTypeOf(ds.list({ agentId: 'a', source: 'ALL' })).toEqualTypeOf<PagePromise<DataSource>>();
    expectTypeOf(ds.addText({ agentId: 'a', title: 't', content: 'c' })).toEqualTypeOf<APIPromise<DataSourceCreated>>();
    expectTypeOf(ds.addUrl({ agentId: 'a', url: 'https://example.com' })).toEqualTypeOf<
      APIPromise<DataSourceCreated>
    >();
    expectTypeOf(ds.addQA({ agentId: 'a', question: 'q', answer: 'a' })).toEqualTypeOf<APIPromise<DataSourceCreated>>();
    expectTypeOf(ds.addFile({ agentId: 'a', title: 't', content: 'c', fileType: 'pdf' })).toEqualTypeOf<
      APIPromise<DataSourceCreated>
    >();
    expectTypeOf(ds.delete({ agentId: 'a', source: 'TEXT', ids: ['x'] })).toEqualTypeOf<
      APIPromise<DataSourceDeleteResult>
    >();
  });

  it('types the source enums', () => {
    expectTypeOf<DataSourceType>().toEqualTypeOf<'WEBSITE' | 'TEXT' | 'QA' | 'PDF' | 'DOCX' | 'IMAGE'>();
    expectTypeOf<DataSource['source']>().toEqualTypeOf<DataSourceType>();
  });

  it('rejects wrong parameters at compile time', () => {
    // @ts-expect-error fileType is lowercase
    void ds.addFile({ agentId: 'a', title: 't', content: 'c', fileType: 'PDF' });
    // @ts-expect-error ALL is only a list filter
    void ds.delete({ agentId: 'a', source: 'ALL', id: 'x' });
  });
});
