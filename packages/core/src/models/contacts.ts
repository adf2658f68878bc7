import type { ContactAttributes, LimitPageParams } from './common.js';

/** Body of `POST /contacts` (create or update, a.k.a. identify). */
export interface ContactUpsertParams {
  /** ID of the AI agent the contact belongs to. Required. */
  agentId: string;
  /** Your own stable user ID for this visitor, e.g. `user_12345`. Required. */
  distinctId: string;
  /** ID of an existing contact to update. Without it the contact is matched by `agentId` + `distinctId`. */
  contactId?: string | undefined;
  /** Identity hash; required when secure identification is on for the agent. */
  userHash?: string | undefined;
  /** Full name, e.g. `John Doe`. */
  name?: string | undefined;
  /** Email address. */
  email?: string | undefined;
  /** Phone number, e.g. `+1234567890`. */
  phone?: string | undefined;
  /** Custom attributes; only the attributes configured for the agent are kept, others are dropped. */
  attributes?: ContactAttributes | undefined;
}

/** Result of `POST /contacts`. */
export interface ContactUpsertResult {
  /** ID of the created or updated contact, e.g. `contact_1234567890`. */
  contactId: string;
}

/** Query of `GET /contacts`. */
export interface ContactListParams extends LimitPageParams {
  /** ID of the AI agent whose contacts to list. Required. */
  agentId: string;
}

/** A contact as listed by `GET /contacts`. */
export interface ContactListItem {
  /** Contact ID, e.g. `contact_1234567890`. */
  id: string;
  /** Your own user ID for the visitor. */
  distinctId: string | null;
  /** Full name. */
  name: string | null;
  /** Email address. */
  email: string | null;
  /** Phone number. */
  phone: string | null;
  /** Country code, e.g. `US`. */
  country: string | null;
  /** Creation time, ISO 8601 date-time. */
  createdAt: string;
}

/** A contact as returned by `GET /contacts/{contactId}`. */
export interface Contact {
  /** Contact ID, e.g. `contact_1234567890`. */
  id: string;
  /** ID of the AI agent the contact belongs to. */
  agentId: string;
  /** Where the contact first chatted from, e.g. `website`. */
  chatSource: string | null;
  /** Your own user ID for the visitor, e.g. `user_12345`. */
  distinctId: string | null;
  /** Full name. */
  name: string | null;
  /** Email address. */
  email: string | null;
  /** Phone number. */
  phone: string | null;
  /** Thread ID, e.g. `thread_12345`. */
  threadId: string | null;
  /** Last known IP address. */
  ip: string | null;
  /** Country code, e.g. `US`. */
  country: string | null;
  /** Custom attributes as a plain map (the SDK converts the API's `{ key, value }[]` form). */
  attributes: ContactAttributes;
  /** Creation time, ISO 8601 date-time. */
  createdAt: string;
  /** Last update time, ISO 8601 date-time. */
  updatedAt: string;
}
