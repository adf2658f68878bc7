export { Agents, Agents as Chatbots } from './agents.js';
export type { Agent, AgentCreateParams, AgentDeleteResult, AgentListParams, AgentRetrieveParams } from '@livechatai/core';
