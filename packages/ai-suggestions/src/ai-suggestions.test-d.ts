import type {
  AISuggestion,
  AISuggestionDetail,
  AISuggestionDismissResult,
  APIPromise,
  PagePromise,
} from '@livechatai/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { AISuggestions } from './index.js';

declare const suggestions: AISuggestions;

describe('AISuggestions types', () => {
  it('types every method', () => {
    expectTypeOf(suggestions.list({ agentId: 'a', startDate: '2024-01-01T00:00:00Z' })).toEqualTypeOf<
      PagePromise<AISuggestion>
    >();
    expectTypeOf(suggestions.retrieve('s')).toEqualTypeOf<APIPromise<AISuggestionDetail>>();
    expectTypeOf(suggestions.dismiss('s')).toEqualTypeOf<APIPromise<AISuggestionDismissResult>>();
    expectTypeOf<AISuggestionDetail>().toExtend<AISuggestion>();
    expectTypeOf<AISuggestionDetail['agentId']>().toEqualTypeOf<string>();
  });

  it('rejects wrong parameters at compile time', () => {
    // @ts-expect-error agentId is required
    void suggestions.list({ limit: 5 });
  });
});
