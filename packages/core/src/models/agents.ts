import type { LimitPageParams } from './common.js';

/** An AI agent (chatbot) of the workspace. The API's `agentId` everywhere names one of these. */
export interface Agent {
  /** Agent ID, e.g. `clx1234567890abcdef`. */
  id: string;
  /** Agent name, e.g. `Customer Support Bot`. */
  name: string;
  /** URL-friendly slug; `retrieve` accepts it in place of the ID. Absent in the documented list example. */
  slug?: string;
  /** Whether live chat (handoff to a human team member) is on. */
  isLiveChatEnabled: boolean;
  /** Whether visitors may share images. Only sent by some responses. */
  isImageSharingEnabled?: boolean;
  /** Language code, e.g. `en`. */
  language: string;
  /** Whether the agent is archived. */
  isArchived: boolean;
  /** Creation time, ISO 8601 date-time. */
  createdAt: string;
  /** Last update time, ISO 8601 date-time. */
  updatedAt: string;
}

/** Body of `POST /agents`. */
export interface AgentCreateParams {
  /** Name of the new agent, e.g. `Customer Support Agent`. Required, non-empty. */
  name: string;
  /** Turn live chat (human handoff) on or off. Required. */
  isLiveChatEnabled: boolean;
  /** Allow visitors to share images. */
  isImageSharingEnabled?: boolean | undefined;
}

/** Query of `GET /agents` (lists the whole workspace). */
export type AgentListParams = LimitPageParams;

/** Query of `GET /agents/{agentId}`. */
export interface AgentRetrieveParams {
  /** Set when the request comes from an embed; turns on caching. */
  isEmbed?: boolean | undefined;
}

/** Result of `DELETE /agents/{agentId}`. */
export interface AgentDeleteResult {
  /** ID (or slug) of the deleted agent, as passed in. */
  id: string;
  /** Always `true`: the agent is deleted permanently. */
  deleted: true;
  /** The service's confirmation text, e.g. `Agent deleted successfully`, when it sends one. */
  message?: string;
}
