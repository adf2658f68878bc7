// A visitor message and the AI answer: contact / conversation bookkeeping shared by the send route,
// the streaming route and the demo seed.
import { answerQuestion, type Answer, type ResponseFormat } from '../answer/answer.js';
import { classifySentiment, classifyTopic } from '../answer/classify.js';
import { newId, type RandomSource } from '../internal/ids.js';
import { ApiError, notFound } from '../server/errors.js';
import type { AgentRow, ContactRow, ConversationRow, MessageRow, Resolution, Store } from '../store/types.js';

export interface SendInput {
  agent: AgentRow;
  question: string;
  conversationId?: string | undefined;
  contactId?: string | undefined;
  messageType?: 'TEXT' | 'IMAGE' | undefined;
  ip?: string | undefined;
  country?: string | undefined;
  responseFormat?: ResponseFormat | undefined;
  integrationType?: string | undefined;
}

export interface SendResult {
  conversationId: string;
  contactId: string;
  response: string;
  messageId: string;
  responseMessageId: string;
  links: { link: string; type: string }[];
}

export interface ExchangeOptions {
  now: number;
  rand?: RandomSource | undefined;
}

export const DEFAULT_INTEGRATION_TYPE = 'PREVIEW';

export function computeResolution(conversation: ConversationRow, messages: MessageRow[]): Resolution {
  if (conversation.isAgent || messages.some((m) => m.role === 'agent')) return 'TalkToAgent';
  if (messages.some((m) => m.role === 'assistant' && m.outOfContext)) return 'AIDidNotHelp';
  return 'AIHelped';
}

/** Recomputes the derived fields (sentiment, topic, resolution) after a message. */
export async function refreshConversation(store: Store, conversation: ConversationRow): Promise<ConversationRow> {
  const messages = await store.listMessages(conversation.workspaceId, conversation.id);
  const visitorTexts = messages.filter((m) => m.role === 'user').map((m) => m.content);
  const next: ConversationRow = {
    ...conversation,
    sentiment: classifySentiment(visitorTexts),
    topic: classifyTopic(visitorTexts),
    resolution: computeResolution(conversation, messages),
  };
  await store.updateConversation(next);
  return next;
}

/** Writes the visitor message and the AI answer. Call inside a store transaction. */
export async function sendMessage(
  store: Store,
  input: SendInput,
  opts: ExchangeOptions,
): Promise<{ result: SendResult; answer: Answer }> {
  const { agent } = input;
  const ws = agent.workspaceId;
  const now = opts.now;

  let conversation: ConversationRow | undefined;
  let contact: ContactRow | undefined;
  if (input.conversationId !== undefined) {
    conversation = await store.getConversation(ws, input.conversationId);
    if (conversation?.agentId !== agent.id)
      throw notFound(`Conversation '${input.conversationId}' not found for agent '${agent.id}'`);
    if (input.contactId !== undefined && input.contactId !== conversation.contactId) {
      throw new ApiError(400, 'validation_error', "'contactId' does not match the conversation's contact");
    }
    contact = await store.getContact(ws, conversation.contactId);
  } else if (input.contactId !== undefined) {
    contact = await store.getContact(ws, input.contactId);
    if (contact?.agentId !== agent.id) throw notFound(`Contact '${input.contactId}' not found for agent '${agent.id}'`);
  }

  if (!contact) {
    contact = {
      id: newId('contact', opts.rand),
      workspaceId: ws,
      agentId: agent.id,
      distinctId: null,
      name: null,
      email: null,
      phone: null,
      country: input.country ?? null,
      ip: input.ip ?? null,
      chatSource: 'api',
      threadId: null,
      attributes: {},
      createdAt: now,
      updatedAt: now,
    };
    await store.insertContact(contact);
  } else if (
    (input.ip !== undefined && input.ip !== contact.ip) ||
    (input.country !== undefined && input.country !== contact.country)
  ) {
    contact = { ...contact, ip: input.ip ?? contact.ip, country: input.country ?? contact.country, updatedAt: now };
    await store.updateContact(contact);
  }

  if (!conversation) {
    conversation = {
      id: newId('chat', opts.rand),
      workspaceId: ws,
      agentId: agent.id,
      contactId: contact.id,
      isResolved: false,
      isStarred: false,
      isMuted: false,
      isAgent: false,
      integrationType: input.integrationType ?? DEFAULT_INTEGRATION_TYPE,
      assigneeId: null,
      sentiment: 'UNSPECIFIED',
      topic: null,
      resolution: 'AIHelped',
      lastMessageDate: now,
      createdAt: now,
      updatedAt: now,
      resolvedAt: null,
      resolvedBy: null,
    };
    await store.insertConversation(conversation);
  }

  const answer = await answerQuestion(store, ws, agent.id, input.question, input.responseFormat ?? 'MARKDOWN');
  const userMessage: MessageRow = {
    id: newId('msg', opts.rand),
    workspaceId: ws,
    agentId: agent.id,
    conversationId: conversation.id,
    role: 'user',
    content: input.question,
    type: input.messageType ?? 'TEXT',
    memberId: null,
    sources: [],
    outOfContext: false,
    createdAt: now,
  };
  const aiMessage: MessageRow = {
    id: newId('msg', opts.rand),
    workspaceId: ws,
    agentId: agent.id,
    conversationId: conversation.id,
    role: 'assistant',
    content: answer.text,
    type: 'TEXT',
    memberId: null,
    sources: answer.sources,
    outOfContext: answer.kind === 'out_of_context',
    createdAt: now,
  };
  await store.insertMessage(userMessage);
  await store.insertMessage(aiMessage);
  if (answer.kind === 'out_of_context') {
    const topic = answer.terms.slice(0, 4).join(' ');
    await store.insertSuggestion({
      id: aiMessage.id,
      workspaceId: ws,
      agentId: agent.id,
      conversationId: conversation.id,
      userMessageId: userMessage.id,
      userMessageText: userMessage.content,
      aiMessageId: aiMessage.id,
      aiMessageText: aiMessage.content,
      evaluationTag: 'OUT_OF_CONTEXT',
      potentialGap: topic
        ? `Information about "${topic}" is missing from the knowledge base`
        : 'The question could not be matched to any data source',
      suggestedImprovement: `Add a data source (for example a Q&A entry) that answers: "${input.question.slice(0, 300)}"`,
      dismissed: false,
      createdAt: now,
    });
  }
  await refreshConversation(store, {
    ...conversation,
    isResolved: false,
    resolvedAt: null,
    resolvedBy: null,
    lastMessageDate: now,
    updatedAt: now,
  });
  return {
    result: {
      conversationId: conversation.id,
      contactId: contact.id,
      response: answer.text,
      messageId: userMessage.id,
      responseMessageId: aiMessage.id,
      links: answer.links,
    },
    answer,
  };
}
