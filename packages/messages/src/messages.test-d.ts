import type { APIPromise, Message, SendMessageParams, SendMessageResult, StreamEvent } from '@livechatai/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { Messages } from './index.js';
import type { MessageStream } from './index.js';

declare const messages: Messages;
declare const stream: MessageStream;

describe('Messages types', () => {
  it('types send, stream and list', () => {
    expectTypeOf<Parameters<Messages['send']>[0]>().toEqualTypeOf<SendMessageParams>();
    expectTypeOf(messages.send({ agentId: 'a', question: 'q' })).toEqualTypeOf<APIPromise<SendMessageResult>>();
    expectTypeOf(messages.stream({ agentId: 'a', question: 'q', responseFormat: 'PLAIN' })).toEqualTypeOf<
      Promise<MessageStream>
    >();
    expectTypeOf(messages.list('c')).toEqualTypeOf<APIPromise<Message[]>>();
  });

  it('types the stream', () => {
    expectTypeOf(stream.textStream).toEqualTypeOf<AsyncIterable<string>>();
    expectTypeOf(stream.finalMessage()).toEqualTypeOf<Promise<SendMessageResult>>();
    expectTypeOf(stream).toExtend<AsyncIterable<StreamEvent<SendMessageResult>>>();
    expectTypeOf<SendMessageResult>().toEqualTypeOf<{
      conversationId: string;
      contactId: string;
      response: string;
      messageId: string;
      responseMessageId: string;
      links: SendMessageResult['links'];
    }>();
  });

  it('rejects wrong parameters at compile time', () => {
    // @ts-expect-error question is required
    void messages.send({ agentId: 'a' });
    // @ts-expect-error integrationType allows only WHATSAPP and SLACK when sending
    void messages.send({ agentId: 'a', question: 'q', integrationType: 'MESSENGER' });
    // @ts-expect-error streaming is chosen by the method
    void messages.send({ agentId: 'a', question: 'q', streaming: true });
  });
});
