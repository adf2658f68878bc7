import type {
  APIPromise,
  Conversation,
  ConversationEndResult,
  ConversationListParams,
  ConversationReplyResult,
  ConversationSummary,
  ConversationView,
  Message,
  PagePromise,
  TeamMember,
} from '@livechatai/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { Conversations } from './index.js';

declare const conversations: Conversations;

describe('Conversations types', () => {
  it('types every method', () => {
    expectTypeOf(conversations.list({ agentId: 'a' })).toEqualTypeOf<PagePromise<ConversationSummary>>();
    expectTypeOf(conversations.retrieve('c')).toEqualTypeOf<APIPromise<Conversation>>();
    expectTypeOf(conversations.reply('c', { message: 'hi', messageType: 'TEXT' })).toEqualTypeOf<
      APIPromise<ConversationReplyResult>
    >();
    expectTypeOf(conversations.end('c')).toEqualTypeOf<APIPromise<ConversationEndResult>>();
    expectTypeOf(conversations.listViews({ agentId: 'a', search: 'billing' })).toEqualTypeOf<
      PagePromise<ConversationView>
    >();
  });

  it('types documented enums as string-literal unions', () => {
    expectTypeOf<ConversationListParams['type']>().toEqualTypeOf<'unassigned' | 'your-inbox' | 'all' | undefined>();
    expectTypeOf<ConversationListParams['status']>().toEqualTypeOf<'open' | 'close' | undefined>();
    expectTypeOf<ConversationListParams['sort']>().toEqualTypeOf<'asc' | 'desc' | undefined>();
    expectTypeOf<ConversationListParams['sentiment']>().toEqualTypeOf<
      'POSITIVE' | 'NEGATIVE' | 'NEUTRAL' | 'UNSPECIFIED' | undefined
    >();
    expectTypeOf<ConversationListParams['resolution']>().toEqualTypeOf<
      'AIHelped' | 'AIDidNotHelp' | 'TalkToAgent' | undefined
    >();
    expectTypeOf<ConversationListParams['channel']>().toEqualTypeOf<
      'WHATSAPP' | 'SLACK' | 'MESSENGER' | 'FULLPAGE' | 'INLINECHAT' | 'PREVIEW' | 'ONBOARDING' | undefined
    >();
    expectTypeOf<Message['type']>().toEqualTypeOf<'TEXT' | 'IMAGE'>();
  });

  it('names the human team member TeamMember', () => {
    expectTypeOf<Conversation['agent']>().toEqualTypeOf<TeamMember | null>();
    expectTypeOf<Conversation['agentId']>().toEqualTypeOf<string>();
    expectTypeOf<TeamMember>().toEqualTypeOf<{ id: string; name: string; email: string; avatar: string }>();
  });

  it('rejects wrong parameters at compile time', () => {
    // @ts-expect-error status is `close`, not `closed`
    void conversations.list({ agentId: 'a', status: 'closed' });
    // @ts-expect-error message is required
    void conversations.reply('c', {});
  });
});
