export { Agents, Agents as Chatbots } from './agents.js';
// createClient comes along so that this package alone is enough to start (a strict pnpm layout hides core)
export { createClient } from '@livechatai/core';
export type { ClientOptions, LiveChatAIClient, RequestOptions } from '@livechatai/core';
export type {
  Agent,
  AgentCreateParams,
  AgentDeleteResult,
  AgentListParams,
  AgentRetrieveParams,
} from '@livechatai/core';
