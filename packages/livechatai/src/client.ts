import { AISuggestions } from '@livechatai/ai-suggestions';
import { Agents } from '@livechatai/agents';
import { Analytics } from '@livechatai/analytics';
import { Contacts } from '@livechatai/contacts';
import { Conversations } from '@livechatai/conversations';
import { createClient } from '@livechatai/core';
import type { ClientOptions, LiveChatAIClient } from '@livechatai/core';
import { DataSources } from '@livechatai/data-sources';
import { Messages } from '@livechatai/messages';

/**
 * The LiveChatAI API client with every resource. Options are core's `ClientOptions` (`apiKey` defaults to
 * `LIVECHATAI_API_KEY`, `baseURL` to `LIVECHATAI_BASE_URL`, else `https://app.livechatai.com/api/v2`).
 *
 * ```ts
 * const client = new LiveChatAI({ apiKey: process.env.LIVECHATAI_API_KEY });
 * for await (const agent of client.agents.list()) console.log(agent.name);
 * ```
 */
export class LiveChatAI {
  /** The transport all resources share (for custom calls: `client.transport.request(...)`). */
  readonly transport: LiveChatAIClient;
  /** AI agents: create, list, retrieve (id or slug), delete. */
  readonly agents: Agents;
  /** The same resource as `agents`, under the dashboard's name. */
  readonly chatbots: Agents;
  /** Conversations: list with filters, retrieve, reply, end, saved views. */
  readonly conversations: Conversations;
  /** Visitor messages to an AI agent: send, stream; a conversation's messages. */
  readonly messages: Messages;
  /** Contacts: upsert (identify), list, retrieve, a contact's conversations. */
  readonly contacts: Contacts;
  /** Knowledge sources: list, add text/URL/Q&A/file text, delete. */
  readonly dataSources: DataSources;
  /** AI suggestions: list, retrieve, dismiss. */
  readonly aiSuggestions: AISuggestions;
  /** Analytics: overview, team members, AI functions, CSAT, sentiments, topics. */
  readonly analytics: Analytics;

  constructor(options: ClientOptions = {}) {
    const transport = transports.get(options) ?? createClient(options);
    this.transport = transport;
    this.agents = this.chatbots = new Agents(transport);
    this.conversations = new Conversations(transport);
    this.messages = new Messages(transport);
    this.contacts = new Contacts(transport);
    this.dataSources = new DataSources(transport);
    this.aiSuggestions = new AISuggestions(transport);
    this.analytics = new Analytics(transport);
  }

  /**
   * A client with some options changed (`timeout`, `maxRetries`, `defaultHeaders`, …) and the rest shared: the
   * key, `fetch`, middleware and the retry budget. See core's `client.withOptions`.
   *
   * ```ts
   * const patient = client.withOptions({ timeout: 120_000, maxRetries: 5 });
   * await patient.dataSources.addUrl({ agentId, url });
   * ```
   */
  withOptions(options: ClientOptions): LiveChatAI {
    const handOver: ClientOptions = {};
    transports.set(handOver, this.transport.withOptions(options));
    return new LiveChatAI(handOver);
  }
}

/** Hands a derived transport to the constructor `withOptions` calls (a WeakMap: the options object is private). */
const transports = new WeakMap<ClientOptions, LiveChatAIClient>();
