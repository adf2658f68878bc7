import type {
  APIPromise,
  Contact,
  ContactAttributes,
  ContactListItem,
  ContactUpsertResult,
  ConversationSummary,
  PagePromise,
} from '@livechatai/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { Contacts } from './index.js';

declare const contacts: Contacts;

describe('Contacts types', () => {
  it('types every method', () => {
    expectTypeOf(contacts.upsert({ agentId: 'a', distinctId: 'd', attributes: { plan: 'pro' } })).toEqualTypeOf<
      APIPromise<ContactUpsertResult>
    >();
    expectTypeOf(contacts.list({ agentId: 'a', page: 2, limit: 50 })).toEqualTypeOf<PagePromise<ContactListItem>>();
    expectTypeOf(contacts.retrieve('c')).toEqualTypeOf<APIPromise<Contact>>();
    expectTypeOf(contacts.listConversations('c', { status: 'open', sentiment: 'NEGATIVE', perPage: 50 })).toEqualTypeOf<
      PagePromise<ConversationSummary>
    >();
  });

  it('exposes attributes as a plain map everywhere', () => {
    expectTypeOf<Contact['attributes']>().toEqualTypeOf<ContactAttributes>();
    expectTypeOf<ContactAttributes>().toEqualTypeOf<Record<string, string>>();
    expectTypeOf<NonNullable<ConversationSummary['contact']>['attributes']>().toEqualTypeOf<ContactAttributes>();
  });

  it('rejects wrong parameters at compile time', () => {
    // @ts-expect-error distinctId is required
    void contacts.upsert({ agentId: 'a' });
    // @ts-expect-error agentId is required
    void contacts.list({});
    // @ts-expect-error contacts' conversations have no agentId filter
    void contacts.listConversations('c', { agentId: 'a' });
  });
});
