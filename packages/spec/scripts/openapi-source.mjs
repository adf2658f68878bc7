// The source of packages/spec/openapi.json. Run `pnpm --filter @livechatai/spec generate` after editing;
// a test fails when openapi.json and this file disagree. Written as code only to avoid repeating the
// shared parameters, error responses and headers 33 times; the JSON file is the artefact everyone reads.

const SCHEMA = '#/components/schemas/';
const ref = (name, description) => (description ? { $ref: SCHEMA + name, description } : { $ref: SCHEMA + name });
const nullableRef = (name, description) => ({ description, oneOf: [{ $ref: SCHEMA + name }, { type: 'null' }] });
const str = (description, extra = {}) => ({ type: 'string', description, ...extra });
const nstr = (description, extra = {}) => ({ type: ['string', 'null'], description, ...extra });
const int = (description, extra = {}) => ({ type: 'integer', description, ...extra });
const num = (description, extra = {}) => ({ type: 'number', description, ...extra });
const bool = (description, extra = {}) => ({ type: 'boolean', description, ...extra });
const dateTime = (description, extra = {}) => ({ type: 'string', format: 'date-time', description, ...extra });
const date = (description, extra = {}) => ({ type: 'string', format: 'date', description, ...extra });
const arr = (items, description, extra = {}) => ({ type: 'array', description, items, ...extra });
/** An object schema; every listed property is required unless named in `optional`. Open to extra fields. */
const obj = (description, properties, optional = []) => ({
  type: 'object',
  description,
  properties,
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
});
/** A closed object (request bodies): unknown fields are reported by the validator. */
const closed = (description, properties, required) => ({
  type: 'object',
  description,
  properties,
  required,
  additionalProperties: false,
});
const success = { type: 'string', const: 'success', description: 'Always `success` on a 2xx response.' };

// Request limits the emulator enforces (400 `validation_error` naming the field), stated so that generated clients
// and fuzzers see the same rules. `NON_BLANK`: a required text must hold a non-whitespace character.
const NON_BLANK = '\\S';
const ID_MAX = 200;
/** A required text field: 1..max characters, not only whitespace. */
const text = (description, max, extra = {}) =>
  str(description, { minLength: 1, maxLength: max, pattern: NON_BLANK, ...extra });
/** An optional text field: at most max characters (`null` is refused: leave the field out). */
const optText = (description, max, extra = {}) => str(description, { maxLength: max, ...extra });
/** A required id (agent, …). */
const idField = (description) => text(description, ID_MAX);

// ---------------------------------------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------------------------------------
const enums = {
  DataSourceType: {
    type: 'string',
    description:
      'Kind of a data source (knowledge-base entry) of an agent. `WEBSITE` is a single web page added by URL; `PDF`, `DOCX` and `IMAGE` are text extracted from a file.',
    enum: ['WEBSITE', 'TEXT', 'QA', 'PDF', 'DOCX', 'IMAGE'],
  },
  DataSourceStatus: {
    type: 'string',
    description:
      'Processing state of a data source. The docs show only `COMPLETED`; `PENDING` (accepted, not yet indexed) and `FAILED` (could not be fetched or indexed) are project decisions (see api-decisions.md).',
    enum: ['PENDING', 'COMPLETED', 'FAILED'],
  },
  Channel: {
    type: 'string',
    description:
      'Integration type or chat type a conversation came through. The conversations list filters on all of these; sending a message accepts only `WHATSAPP` and `SLACK`.',
    enum: ['WHATSAPP', 'SLACK', 'MESSENGER', 'FULLPAGE', 'INLINECHAT', 'PREVIEW', 'ONBOARDING'],
  },
  Sentiment: {
    type: 'string',
    description: 'Sentiment label of a conversation.',
    enum: ['POSITIVE', 'NEGATIVE', 'NEUTRAL', 'UNSPECIFIED'],
  },
  Resolution: {
    type: 'string',
    description:
      'How a conversation ended: the AI helped, the AI did not help, or the visitor asked to talk to a human agent.',
    enum: ['AIHelped', 'AIDidNotHelp', 'TalkToAgent'],
  },
  MessageType: {
    type: 'string',
    description:
      'Type of a message. `IMAGE` semantics are not documented (project decision: `question`/`message` holds the image URL).',
    enum: ['TEXT', 'IMAGE'],
  },
  MessageRole: {
    type: 'string',
    description:
      'Who wrote a message: `user` (the visitor; the only value the docs show), `assistant` (the AI agent) or `agent` (a human team member). The last two are project decisions.',
    enum: ['user', 'assistant', 'agent'],
  },
  ResponseFormat: {
    type: 'string',
    description: 'Format of the AI answer text: Markdown (default) or plain text.',
    enum: ['MARKDOWN', 'PLAIN'],
  },
  EvaluationTag: {
    type: 'string',
    description:
      'Why an AI answer was flagged. The docs show only `OUT_OF_CONTEXT`; `INCOMPLETE` and `LACKING_DEPTH` are inferred from the docs\' wording ("incomplete, out of context, or lacking depth").',
    enum: ['OUT_OF_CONTEXT', 'INCOMPLETE', 'LACKING_DEPTH'],
  },
  ErrorCode: {
    type: 'string',
    description:
      'Machine-readable error code (project decision D6; the docs define no values). `bad_request`/`validation_error` 400, `unauthorized` 401, `forbidden` 403, `not_found` 404, `conflict` 409, `payload_too_large` 413, `unsupported_media_type` 415, `rate_limited` 429, `internal_error` 500.',
    enum: [
      'bad_request',
      'validation_error',
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'payload_too_large',
      'unsupported_media_type',
      'rate_limited',
      'internal_error',
    ],
  },
};

// ---------------------------------------------------------------------------------------------------------
// Shared objects
// ---------------------------------------------------------------------------------------------------------
const shared = {
  Error: obj('Error envelope returned with every non-2xx status.', {
    status: { type: 'string', const: 'error', description: 'Always `error`.' },
    message: str('Human-readable description of the problem; for validation errors it names the offending field.'),
    code: ref('ErrorCode', 'Machine-readable error code.'),
  }),
  Pages: obj('Paging object of scheme A (`page` + `limit` requests): agents list, contacts list, data-sources list.', {
    page: int('Current page, 1-based.', { minimum: 1 }),
    perPage: int('Items per page (the `limit` that was applied).', { minimum: 1, maximum: 100 }),
    totalPages: int('Total number of pages (0 when there are no items).', { minimum: 0 }),
    hasPrevious: bool('Whether a previous page exists.'),
    hasNext: bool('Whether a next page exists.'),
    previous: { type: ['integer', 'null'], description: 'Previous page number, or `null` on the first page.' },
    next: { type: ['integer', 'null'], description: 'Next page number, or `null` on the last page.' },
  }),
  PageMeta: obj(
    "Paging object of scheme B (`page` + `perPage` requests): conversations, a contact's conversations, inbox views.",
    {
      total: int('Total number of matching items.', { minimum: 0 }),
      perPage: int('Items per page.', { minimum: 1, maximum: 100 }),
      currentPage: int('Current page, 1-based.', { minimum: 1 }),
      totalPages: int('Total number of pages.', { minimum: 0 }),
    },
  ),
  SuggestionPagination: obj('Paging object of scheme C (`page` + `limit` requests): AI suggestions list.', {
    page: int('Current page, 1-based.', { minimum: 1 }),
    limit: int('Items per page.', { minimum: 1, maximum: 100 }),
    totalCount: int('Total number of suggestions.', { minimum: 0 }),
    totalPages: int('Total number of pages.', { minimum: 0 }),
    hasNextPage: bool('Whether a next page exists.'),
    hasPreviousPage: bool('Whether a previous page exists.'),
  }),
  CsatMetadata: obj('Paging object of scheme D (`page` + `pageSize` requests): pages the CSAT `scores` list.', {
    totalItemCount: int('Total number of CSAT entries in the current period.', { minimum: 0 }),
    totalPageCount: int('Total number of pages.', { minimum: 0 }),
    currentPage: int('Current page, 1-based.', { minimum: 1 }),
    prev: { type: ['integer', 'null'], description: 'Previous page number, or `null`.' },
    next: { type: ['integer', 'null'], description: 'Next page number, or `null`.' },
    pageSize: int('Items per page.', { minimum: 1, maximum: 100 }),
  }),
  TeamMember: obj(
    'A human team member of the workspace (called "agent" in conversations, replies and `analytics/agent`; not the AI agent).',
    {
      id: str('ID of the human user, e.g. `user_1234567890`.'),
      name: str('Display name.'),
      email: str('Email address.'),
      avatar: str('Avatar image URL.'),
    },
  ),
};

// ---------------------------------------------------------------------------------------------------------
// Agents
// ---------------------------------------------------------------------------------------------------------
const agents = {
  Agent: obj(
    'An AI agent (called "chatbot" in older docs) of the workspace.',
    {
      id: str('Agent ID, e.g. `clx1234567890abcdef`.'),
      name: str('Agent name.'),
      slug: str(
        'URL-friendly unique name of the agent; `GET /agents/{agentId}` also accepts it instead of the ID. Not in the public docs (project decision D3; derivation in api-decisions.md).',
      ),
      isLiveChatEnabled: bool('Whether live chat (handoff to a human agent) is enabled.'),
      isImageSharingEnabled: bool(
        'Whether visitors may share images (set on create). Not in the documented agent object, so not always present.',
      ),
      language: str('Language code of the agent, e.g. `en`.'),
      isArchived: bool('Whether the agent is archived.'),
      createdAt: dateTime('When the agent was created.'),
      updatedAt: dateTime('When the agent was last changed.'),
    },
    ['isImageSharingEnabled'],
  ),
  AgentListItem: obj(
    'An agent as listed by `GET /agents`: the `Agent` object, where `slug` may be absent (the documented list example has none).',
    {
      id: str('Agent ID, e.g. `clx1234567890abcdef`.'),
      name: str('Agent name.'),
      slug: str('URL-friendly unique name of the agent (see `Agent.slug`); may be absent in list items.'),
      isLiveChatEnabled: bool('Whether live chat (handoff to a human agent) is enabled.'),
      isImageSharingEnabled: bool('Whether visitors may share images (set on create); not always present.'),
      language: str('Language code of the agent, e.g. `en`.'),
      isArchived: bool('Whether the agent is archived.'),
      createdAt: dateTime('When the agent was created.'),
      updatedAt: dateTime('When the agent was last changed.'),
    },
    ['slug', 'isImageSharingEnabled'],
  ),
  AgentCreateRequest: closed(
    'Body of `POST /agents`.',
    {
      name: text('Name of the new agent (1–200 characters, not blank).', 200, { example: 'Customer Support Agent' }),
      isLiveChatEnabled: bool('Turn live chat (human handoff) on or off.'),
      isImageSharingEnabled: bool('Allow visitors to share images in the chat.'),
    },
    ['name', 'isLiveChatEnabled'],
  ),
  AgentResponse: obj('Envelope of agent create and retrieve.', { status: success, data: ref('Agent', 'The agent.') }),
  AgentList: obj('Response of `GET /agents`: paging sits at the top level, outside `data`.', {
    status: success,
    data: arr(ref('AgentListItem'), 'Agents on this page.'),
    totalCount: int('Total number of agents in the workspace.', { minimum: 0 }),
    pages: ref('Pages', 'Paging (scheme A).'),
  }),
  AgentDeleteResponse: obj('Response of `DELETE /agents/{agentId}`.', {
    status: success,
    message: str('Confirmation text, e.g. `Agent deleted successfully`.'),
  }),
};

// ---------------------------------------------------------------------------------------------------------
// Contacts
// ---------------------------------------------------------------------------------------------------------
const attributeMap = {
  type: 'object',
  description:
    'Custom contact attributes as a name → value map. Only attributes configured for the agent are kept; others are dropped.',
  additionalProperties: { type: 'string' },
};
const attributeRequestMap = {
  type: 'object',
  description:
    'Custom contact attributes as a name → value map: at most 100 names of 1–100 characters, values of at most 2 000 characters. Merged into the stored ones key by key; keys keep the order they were first set. Only attributes configured for the agent are kept; others are dropped.',
  maxProperties: 100,
  propertyNames: { minLength: 1, maxLength: 100 },
  additionalProperties: { type: 'string', maxLength: 2000 },
};
const contacts = {
  ContactUpsertRequest: closed(
    'Body of `POST /contacts` (create or update; matched on `contactId` if given, else on `agentId` + `distinctId`).',
    {
      agentId: idField('ID of the agent the contact belongs to.'),
      distinctId: text('Your own ID for the visitor, e.g. `user_12345` (1–200 characters).', ID_MAX),
      contactId: optText('ID of an existing contact to update.', ID_MAX),
      userHash: optText(
        'Required when secure identification is enabled for the agent: HMAC-SHA256 of `distinctId` (project decision; the docs do not name the algorithm).',
        500,
      ),
      name: optText('Contact name.', 200),
      email: optText('Contact email.', 320),
      phone: optText('Contact phone number.', 50),
      attributes: attributeRequestMap,
    },
    ['agentId', 'distinctId'],
  ),
  ContactUpsertResponse: obj('Response of `POST /contacts`: no `data` wrapper.', {
    status: success,
    contactId: str('ID of the created or updated contact, e.g. `contact_1234567890`.'),
  }),
  ContactListItem: obj('A contact as listed by `GET /contacts`.', {
    id: str('Contact ID.'),
    distinctId: nstr('Your own ID for the visitor.'),
    name: nstr('Contact name.'),
    email: nstr('Contact email.'),
    phone: nstr('Contact phone number.'),
    country: nstr('Country code, e.g. `US`.'),
    createdAt: dateTime('When the contact was created.'),
  }),
  ContactList: obj('Response of `GET /contacts`: `agentId` and paging sit at the top level.', {
    status: success,
    agentId: str('The agent the contacts belong to.'),
    data: arr(ref('ContactListItem'), 'Contacts on this page.'),
    totalCount: int('Total number of contacts of the agent.', { minimum: 0 }),
    pages: ref('Pages', 'Paging (scheme A).'),
  }),
  ContactAttribute: obj('One custom attribute of a contact, in the key/value-pair form used by contact retrieve.', {
    key: str('Attribute name.'),
    value: str('Attribute value.'),
  }),
  Contact: obj(
    'Response of `GET /contacts/{contactId}`: a bare contact object without a `status`/`data` envelope. `attributes` is an array of key/value pairs here (a map elsewhere).',
    {
      id: str('Contact ID, e.g. `contact_1234567890`.'),
      chatSource: nstr('Where the contact first chatted, e.g. `website`.'),
      email: nstr('Contact email.'),
      agentId: str('The agent the contact belongs to.'),
      distinctId: nstr('Your own ID for the visitor.'),
      name: nstr('Contact name.'),
      phone: nstr('Contact phone number.'),
      threadId: nstr('External thread ID, e.g. `thread_12345`.'),
      ip: nstr('Last known IP address.'),
      country: nstr('Country code, e.g. `US`.'),
      attributes: arr(ref('ContactAttribute'), 'Custom attributes as key/value pairs.'),
      createdAt: dateTime('When the contact was created.'),
      updatedAt: dateTime('When the contact was last changed.'),
    },
  ),
};

// ---------------------------------------------------------------------------------------------------------
// Conversations and messages
// ---------------------------------------------------------------------------------------------------------
const streamEvent = (name, dataSchema, description) =>
  obj(`A \`${name}\` event: ${description}`, {
    event: { type: 'string', const: name, description: `The SSE \`event:\` field, always \`${name}\`.` },
    id: str('The SSE `id:` field: the sequence number of the event (1, 2, 3, …).', { pattern: '^[0-9]+$' }),
    data: ref(dataSchema, 'The SSE `data:` field, JSON-decoded.'),
  });
const conversations = {
  ConversationContact: obj('The contact embedded in a conversation list item.', {
    id: str('Contact ID.'),
    name: nstr('Contact name.'),
    phone: nstr('Contact phone number.'),
    email: nstr('Contact email.'),
    distinctId: nstr('Your own ID for the visitor.'),
    attributes: attributeMap,
  }),
  ConversationSummary: obj("A conversation as listed by `GET /conversations` and a contact's conversations.", {
    id: str('Conversation ID, e.g. `chat_1234567890`.'),
    isResolved: bool('Whether the conversation is resolved (closed).'),
    isStarred: bool('Whether the conversation is starred.'),
    isMuted: bool('Whether the conversation is muted.'),
    isAgent: bool('Whether a human agent has joined (taken over) the conversation.'),
    integrationType: { ...ref('Channel'), description: 'Channel of the conversation.' },
    contact: ref('ConversationContact', 'The visitor.'),
    agent: nullableRef(
      'TeamMember',
      'The human agent assigned to the conversation, or `null` when only the AI handles it.',
    ),
    lastMessageDate: dateTime('When the last message was sent.'),
    createdAt: dateTime('When the conversation started.'),
    updatedAt: dateTime('When the conversation last changed.'),
  }),
  MessageSource: obj('A knowledge source behind an AI answer.', {
    id: str('Source ID (the data source), e.g. `src_...`.'),
    type: ref('DataSourceType', 'Kind of the source.'),
    link: nstr('URL of the source, or `null` for sources without one (text, Q&A, files).'),
    distance: num('Retrieval distance/score of the source for this answer, e.g. `0.85`.'),
  }),
  Message: obj('A message of a conversation.', {
    id: str('Message ID, e.g. `msg_1234567890`.'),
    content: str('Message text.'),
    role: ref('MessageRole', 'Who wrote the message.'),
    type: ref('MessageType', 'Message type.'),
    source: arr(ref('MessageSource'), 'Knowledge sources behind an AI answer; empty for other messages.'),
    agent: nullableRef('TeamMember', 'The human agent who wrote the message (`role: agent`), else `null`.'),
    createdAt: dateTime('When the message was sent.'),
  }),
  Conversation: obj('A conversation with its messages (`GET /conversations/{conversationId}`).', {
    id: str('Conversation ID.'),
    contactId: str('ID of the visitor contact.'),
    agentId: str('ID of the AI agent the conversation belongs to.'),
    isResolved: bool('Whether the conversation is resolved (closed).'),
    isAgent: bool('Whether a human agent has joined the conversation.'),
    isMuted: bool('Whether the conversation is muted.'),
    isStarred: bool('Whether the conversation is starred.'),
    integrationType: { ...ref('Channel'), description: 'Channel of the conversation.' },
    lastMessageDate: dateTime('When the last message was sent.'),
    agent: nullableRef('TeamMember', 'The assigned human agent, or `null`.'),
    messages: arr(ref('Message'), 'Messages, oldest first.'),
    createdAt: dateTime('When the conversation started.'),
    updatedAt: dateTime('When the conversation last changed.'),
  }),
  ConversationResponse: obj('Response of `GET /conversations/{conversationId}`.', {
    status: success,
    data: ref('Conversation', 'The conversation.'),
  }),
  ConversationList: obj('Response of `GET /conversations` and `GET /contacts/{contactId}/conversations`.', {
    status: success,
    data: obj('Page of conversations.', {
      conversations: arr(ref('ConversationSummary'), 'Conversations on this page.'),
      meta: ref('PageMeta', 'Paging (scheme B).'),
    }),
  }),
  SendMessageRequest: closed(
    'Body of `POST /conversations`: a visitor message to the AI agent.',
    {
      question: text('The visitor message (at most 20 000 characters).', 20_000),
      agentId: idField('ID of the AI agent to ask.'),
      contactId: optText(
        "Existing contact of the agent to associate; when omitted a contact is created. With `conversationId`, it must be that conversation's contact (else 400).",
        ID_MAX,
      ),
      conversationId: optText(
        'Existing conversation of the agent to continue; when omitted a new conversation is started.',
        ID_MAX,
      ),
      messageType: ref('MessageType', 'Type of the visitor message (default `TEXT`).'),
      streaming: bool('Stream the answer as server-sent events (`text/event-stream`) instead of one JSON response.', {
        default: false,
      }),
      ip: optText('Visitor IP address.', 64),
      country: optText('Visitor country code, e.g. `US`.', 64),
      responseFormat: { ...ref('ResponseFormat', 'Format of the AI answer.'), default: 'MARKDOWN' },
      integrationType: {
        type: 'string',
        description: 'Integration the message comes from.',
        enum: ['WHATSAPP', 'SLACK'],
      },
    },
    ['question', 'agentId'],
  ),
  MessageLink: obj('A source link used for an AI answer.', {
    link: str('URL of the source.'),
    type: ref('DataSourceType', 'Kind of the source.'),
  }),
  SendMessageData: obj('Result of sending a visitor message (also the `done` event of a stream).', {
    conversationId: str('The conversation (new or continued).'),
    contactId: str('The visitor contact.'),
    response: str('The AI answer text.'),
    messageId: str('ID of the stored visitor message.'),
    responseMessageId: str('ID of the stored AI message.'),
    links: arr(ref('MessageLink'), 'URL sources used for the answer.'),
  }),
  SendMessageResponse: obj('Response of `POST /conversations` (non-streaming).', {
    status: success,
    message: str('Confirmation text, e.g. `Message sent successfully`.'),
    data: ref('SendMessageData', 'The answer and the IDs of the stored messages.'),
  }),
  StreamDelta: obj('`data` of a `delta` event of a message stream.', {
    text: str('The next piece of the answer text.'),
  }),
  // One server-sent event of a message stream, as a parsed object (`event`, `id`, JSON-decoded `data`).
  StreamEvent: {
    description:
      'One event of a `text/event-stream` send (decision D5), parsed: its `event` name, `id` and JSON-decoded `data`. `delta` events come first; one `done` or `error` ends the stream.',
    oneOf: [ref('StreamDeltaEvent'), ref('StreamDoneEvent'), ref('StreamErrorEvent')],
    discriminator: {
      propertyName: 'event',
      mapping: {
        delta: `${SCHEMA}StreamDeltaEvent`,
        done: `${SCHEMA}StreamDoneEvent`,
        error: `${SCHEMA}StreamErrorEvent`,
      },
    },
  },
  StreamDeltaEvent: streamEvent('delta', 'StreamDelta', 'The next piece of the answer.'),
  StreamDoneEvent: streamEvent(
    'done',
    'SendMessageData',
    'The whole answer (the same object as the non-streaming `data`); the stream ends.',
  ),
  StreamErrorEvent: streamEvent('error', 'Error', 'The generation failed (the error envelope); the stream ends.'),
  ReplyRequest: closed(
    'Body of `POST /conversations/{conversationId}/reply`.',
    {
      message: text('Reply text (for `IMAGE`, the image URL); at most 20 000 characters.', 20_000),
      userId: optText(
        'Human user sending the reply; defaults to the assigned agent, else the workspace owner.',
        ID_MAX,
      ),
      messageType: ref('MessageType', 'Type of the reply (default `TEXT`).'),
    },
    ['message'],
  ),
  ReplyMessage: obj('The stored human reply.', {
    id: str('Message ID.'),
    text: str('Reply text.'),
    sender: { type: 'string', const: 'AGENT', description: 'Always `AGENT` (a human team member).' },
    type: ref('MessageType', 'Message type.'),
    createdAt: dateTime('When the reply was sent.'),
    agent: ref('TeamMember', 'The human who replied.'),
  }),
  ReplyData: obj('Result of a human reply.', {
    messageId: str('ID of the stored reply.'),
    conversationId: str('The conversation.'),
    message: ref('ReplyMessage', 'The stored reply.'),
  }),
  ReplyResponse: obj('Response of `POST /conversations/{conversationId}/reply`.', {
    status: success,
    message: str('Confirmation text, e.g. `User reply sent successfully`.'),
    data: ref('ReplyData', 'The stored reply.'),
  }),
  EndRequest: closed(
    'Optional body of `POST /conversations/{conversationId}/end`.',
    {
      userId: optText(
        'User ending the conversation; defaults to the assigned agent, else the workspace owner.',
        ID_MAX,
      ),
    },
    [],
  ),
  EndData: obj('Result of ending a conversation.', {
    conversationId: str('The resolved conversation.'),
    userId: str('The user recorded as ending it.'),
    contactId: str('The visitor contact.'),
  }),
  EndResponse: obj('Response of `POST /conversations/{conversationId}/end`.', {
    status: success,
    message: str('Confirmation text, e.g. `Conversation resolved successfully`.'),
    data: ref('EndData', 'The resolved conversation.'),
  }),
  ConversationViewRule: obj('One filter rule of a saved view.', {
    field: str('Filtered field, e.g. `sentiment` (others mirror the conversations list filters).'),
    operator: str('Comparison, e.g. `EQUALS` (the only documented value).'),
    value: str('Compared value, e.g. `NEGATIVE`.'),
  }),
  ConversationView: obj('A saved inbox view (created in the dashboard).', {
    id: str('View ID; pass it as `viewId` to the conversations list.'),
    name: str('View name.'),
    query: obj('Filter of the view.', {
      combinator: { type: 'string', enum: ['AND', 'OR'], description: 'How rules combine (`OR` inferred).' },
      rules: arr(ref('ConversationViewRule'), 'Filter rules.'),
    }),
    createdAt: dateTime('When the view was created.'),
  }),
  ConversationViewList: obj('Response of `GET /conversations/views`.', {
    status: success,
    data: obj('Page of views.', {
      views: arr(ref('ConversationView'), 'Views on this page.'),
      meta: ref('PageMeta', 'Paging (scheme B).'),
    }),
  }),
};

// ---------------------------------------------------------------------------------------------------------
// Data sources
// ---------------------------------------------------------------------------------------------------------
const deleteBase = {
  agentId: idField('The agent.'),
  source: ref('DataSourceType', 'Kind of the data sources to delete.'),
};
const deleteId = str('One data source to delete.', { minLength: 1, maxLength: ID_MAX });
const deleteIds = arr({ type: 'string', minLength: 1, maxLength: ID_MAX }, 'Data sources to delete (1–100).', {
  minItems: 1,
  maxItems: 100,
});
const dataSources = {
  DataSource: obj('A data source (knowledge-base entry) of an agent.', {
    id: str('Data source ID, e.g. `ds_1234567890`.'),
    title: str('Title.'),
    text: str('Content excerpt.'),
    url: nstr('Source URL (web pages), else `null`.'),
    source: ref('DataSourceType', 'Kind of the data source.'),
    status: ref('DataSourceStatus', 'Processing state.'),
    characterCount: int('Number of characters of content.', { minimum: 0 }),
    createdAt: dateTime('When it was added.'),
    updatedAt: dateTime('When it last changed.'),
  }),
  DataSourceList: obj('Response of `GET /data-sources`: paging sits inside `data`.', {
    status: success,
    data: obj('Page of data sources.', {
      agentId: str('The agent.'),
      items: arr(ref('DataSource'), 'Data sources on this page.'),
      totalCount: int('Total number of matching data sources.', { minimum: 0 }),
      pages: ref('Pages', 'Paging (scheme A).'),
    }),
  }),
  DataSourceItem: obj('The data source created by an add call.', {
    id: str('Data source ID.'),
    source: ref('DataSourceType', 'Kind of the new data source.'),
    isGeneratedByAI: bool('Whether the content was generated by AI (Q&A only; `false` otherwise).'),
  }),
  DataSourceCreateResponse: obj('Response of every `POST /data-sources/*`.', {
    status: success,
    data: obj('Result.', {
      message: str('Confirmation text, e.g. `Added successfully`.'),
      item: ref('DataSourceItem', 'The new data source.'),
    }),
  }),
  AddTextRequest: closed(
    'Body of `POST /data-sources/text`.',
    {
      title: text('Title (at most 500 characters).', 500),
      content: text('Text content (at most 900 000 characters).', 900_000),
      agentId: idField('The agent.'),
    },
    ['title', 'content', 'agentId'],
  ),
  AddUrlRequest: closed(
    'Body of `POST /data-sources/url`: a single web page.',
    {
      url: str(
        'Absolute http(s) URL of the page (at most 2 048 characters). The emulator fetches only public addresses unless started with `--allow-private-urls`; a refused or failed fetch leaves the source `FAILED`.',
        { format: 'uri', minLength: 1, maxLength: 2048, pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]' },
      ),
      agentId: idField('The agent.'),
    },
    ['url', 'agentId'],
  ),
  AddQARequest: closed(
    'Body of `POST /data-sources/qa`.',
    {
      question: text('Question (at most 5 000 characters).', 5000),
      answer: text('Answer (at most 50 000 characters).', 50_000),
      agentId: idField('The agent.'),
      isGeneratedByAI: bool('Whether the answer was generated by AI.', { default: false }),
      relatedMessageId: optText('Chat message this Q&A answers (e.g. when acting on an AI suggestion).', ID_MAX),
    },
    ['question', 'answer', 'agentId'],
  ),
  AddFileRequest: closed(
    'Body of `POST /data-sources/file`: text already extracted from a file (JSON, not multipart).',
    {
      title: text('Title (e.g. the file name; at most 500 characters).', 500),
      content: text('Extracted text (at most 900 000 characters).', 900_000),
      agentId: idField('The agent.'),
      fileType: {
        type: 'string',
        enum: ['pdf', 'docx', 'image'],
        description: 'File kind (lowercase); maps to source `PDF`, `DOCX`, `IMAGE`.',
      },
    },
    ['title', 'content', 'agentId', 'fileType'],
  ),
  // Three complete, mutually exclusive shapes (`id`, `ids`, or both), so generated types are a plain union.
  DeleteDataSourcesRequest: {
    description: 'Body of `DELETE /data-sources`: give `id`, `ids` or both (merged, duplicates removed).',
    oneOf: [
      ref('DeleteDataSourcesByIdRequest'),
      ref('DeleteDataSourcesByIdsRequest'),
      ref('DeleteDataSourcesByIdAndIdsRequest'),
    ],
  },
  DeleteDataSourcesByIdRequest: closed('Delete one data source.', { ...deleteBase, id: deleteId }, [
    'agentId',
    'source',
    'id',
  ]),
  DeleteDataSourcesByIdsRequest: closed('Delete several data sources.', { ...deleteBase, ids: deleteIds }, [
    'agentId',
    'source',
    'ids',
  ]),
  DeleteDataSourcesByIdAndIdsRequest: closed(
    'Delete `id` and the `ids` (merged).',
    { ...deleteBase, id: deleteId, ids: deleteIds },
    ['agentId', 'source', 'id', 'ids'],
  ),
  DeleteDataSourcesResponse: obj('Response of `DELETE /data-sources`.', {
    status: success,
    data: obj('Result.', {
      message: str('Summary, e.g. `2 items deleted successfully`.'),
      agentId: str('The agent.'),
      source: ref('DataSourceType', 'The requested kind (echoed).'),
      deleted: arr({ type: 'string' }, 'IDs that were deleted.'),
      notFound: arr({ type: 'string' }, 'IDs that did not exist (for this agent and source).'),
    }),
  }),
};

// ---------------------------------------------------------------------------------------------------------
// AI suggestions
// ---------------------------------------------------------------------------------------------------------
const suggestionMessage = (who) => obj(`The ${who} message.`, { id: str('Message ID.'), text: str('Message text.') });
const suggestionFields = {
  id: str('Suggestion ID (the same value as `aiMessage.id`).'),
  userMessage: suggestionMessage('visitor'),
  aiMessage: suggestionMessage('AI'),
  evaluationTag: ref('EvaluationTag', 'Why the AI answer was flagged.'),
  potentialGap: str('What the knowledge base seems to be missing.'),
  suggestedImprovement: str('Suggested answer or content to add.'),
  chatId: str('The conversation ID (named `chatId` here).'),
  createdAt: dateTime('When the suggestion was recorded.'),
};
const suggestions = {
  AISuggestion: obj(
    'An auto-generated improvement idea from a conversation where the AI answer fell short.',
    suggestionFields,
  ),
  AISuggestionDetail: obj('One suggestion as retrieved: the list item plus `agentId`.', {
    ...suggestionFields,
    agentId: str('The agent.'),
  }),
  AISuggestionList: obj('Response of `GET /ai-suggestions`.', {
    status: success,
    data: obj('Page of suggestions.', {
      agentId: str('The agent.'),
      suggestions: arr(ref('AISuggestion'), 'Suggestions on this page.'),
      pagination: ref('SuggestionPagination', 'Paging (scheme C).'),
    }),
  }),
  AISuggestionResponse: obj('Response of `GET /ai-suggestions/{suggestionId}`.', {
    status: success,
    data: ref('AISuggestionDetail', 'The suggestion.'),
  }),
  AISuggestionDismissData: obj('Result of dismissing a suggestion.', {
    id: str('The dismissed suggestion.'),
    dismissed: { type: 'boolean', const: true, description: 'Always `true`.' },
  }),
  AISuggestionDismissResponse: obj(
    'Response of `DELETE /ai-suggestions/{suggestionId}` (shape is a project decision; the docs show none).',
    {
      status: success,
      message: str('Confirmation text, e.g. `AI suggestion dismissed`.'),
      data: ref('AISuggestionDismissData', 'The dismissed suggestion.'),
    },
  ),
};

// ---------------------------------------------------------------------------------------------------------
// Analytics
// ---------------------------------------------------------------------------------------------------------
const pct = (what) => num(`Percentage change of ${what} versus the previous period (can be negative).`);
const overviewScalars = {
  totalConversationCount: int('Conversations in the period.', { minimum: 0 }),
  openConversationCount: int('Conversations still open.', { minimum: 0 }),
  closedConversationCount: int('Conversations closed.', { minimum: 0 }),
  totalResolutionCount: int('Conversations resolved.', { minimum: 0 }),
  agentJoinedConversationRate: num('Percentage of conversations a human agent joined.'),
  averageResolutionRate: num('Percentage of conversations resolved.'),
  totalGoodResponse: int('AI answers rated good.', { minimum: 0 }),
  totalBadResponse: int('AI answers rated bad.', { minimum: 0 }),
  goodResponseRate: num('Percentage of rated answers rated good.'),
  badResponseRate: num('Percentage of rated answers rated bad.'),
  totalContactsCapture: int('Contacts captured.', { minimum: 0 }),
  averageChatDuration: num('Average conversation duration in seconds.'),
  humanizedAverageChatDuration: str('Average duration as text, e.g. `5m 25s`.'),
  averageAIAgentCSATScore: num('Average CSAT score of AI-handled conversations (0 when none).'),
  totalAIAgentCSATResponses: int('CSAT responses for AI-handled conversations.', { minimum: 0 }),
};
const agentScalars = {
  totalConversationCount: int('Conversations the human agent(s) handled.', { minimum: 0 }),
  closedConversationCount: int('Of those, closed.', { minimum: 0 }),
  agentResponseTime: num('Average first-response time (unit undocumented; the project uses seconds).'),
  avarageMessagesPerConversation: num('Average messages per conversation (misspelling kept from the API).'),
  averageAgentCSATScore: num('Average CSAT score of human-handled conversations (0 when none).'),
  totalAgentCSATResponses: int('CSAT responses for human-handled conversations.', { minimum: 0 }),
};
const changesOf = (description, fields) =>
  obj(description, Object.fromEntries(fields.map((f) => [f, pct(`\`${f}\``)])));
const analytics = {
  DailyConversationStat: obj('Conversations of one day.', {
    date: date('Day (`YYYY-MM-DD`, in the requested timezone).'),
    total: int('Conversations.', { minimum: 0 }),
    aiResolved: int('Resolved by the AI alone.', { minimum: 0 }),
    humanInvolved: int('A human agent took part.', { minimum: 0 }),
  }),
  OverviewChanges: changesOf('Changes versus the previous period (inside `currentPeriod`).', [
    'totalConversationCount',
    'closedConversationCount',
    'totalResolutionCount',
    'agentJoinedConversationRate',
    'averageResolutionRate',
    'goodResponseRate',
    'badResponseRate',
    'totalContactsCapture',
    'averageChatDuration',
    'averageAIAgentCSATScore',
  ]),
  OverviewPeriod: obj('Main analytics of the previous period.', overviewScalars),
  OverviewCurrentPeriod: obj('Main analytics of the requested period.', {
    ...overviewScalars,
    dailyData: arr(ref('DailyConversationStat'), 'One entry per day of the period.'),
    changes: ref('OverviewChanges', 'Percentage changes versus the previous period.'),
  }),
  AnalyticsOverview: obj('Response of `GET /analytics`.', {
    status: success,
    data: obj('Main analytics.', {
      currentPeriod: ref('OverviewCurrentPeriod', 'The requested period.'),
      previousPeriod: ref('OverviewPeriod', 'The previous period of equal length.'),
    }),
  }),
  AgentPerformanceChanges: changesOf('Changes versus the previous period.', [
    'totalConversationCount',
    'closedConversationCount',
    'agentResponseTime',
    'avarageMessagesPerConversation',
    'averageAgentCSATScore',
  ]),
  AgentPerformancePeriod: obj('Human-agent performance of the previous period.', agentScalars),
  AgentPerformanceCurrentPeriod: obj('Human-agent performance of the requested period.', {
    ...agentScalars,
    changes: ref('AgentPerformanceChanges', 'Percentage changes versus the previous period.'),
  }),
  AgentAnalytics: obj('Response of `GET /analytics/agent`.', {
    status: success,
    data: obj('Human-agent analytics.', {
      currentPeriod: ref('AgentPerformanceCurrentPeriod', 'The requested period.'),
      previousPeriod: ref('AgentPerformancePeriod', 'The previous period of equal length.'),
    }),
  }),
  AIFunctionStat: obj('Calls of one AI function (action).', {
    name: str('Function name, e.g. `send_email`.'),
    description: str('Function description.'),
    total: int('Calls.', { minimum: 0 }),
    totalFailed: int('Failed calls.', { minimum: 0 }),
    type: str('Function kind; `CUSTOM` is the only documented value.'),
    mcpName: nstr('MCP server name, or `null`.'),
    mcpProvider: nstr('MCP provider, e.g. `slack`, or `null`.'),
  }),
  AIFunctionTotals: obj('AI function call totals.', {
    total: int('Calls.', { minimum: 0 }),
    totalFailed: int('Failed calls.', { minimum: 0 }),
  }),
  AIFunctionsAnalytics: obj('Response of `GET /analytics/ai-functions` (`changes` sits at the `data` level).', {
    status: success,
    data: obj('AI function analytics.', {
      currentPeriod: obj('Requested period.', {
        total: int('Calls.', { minimum: 0 }),
        totalFailed: int('Failed calls.', { minimum: 0 }),
        functions: arr(ref('AIFunctionStat'), 'Per-function breakdown.'),
      }),
      previousPeriod: ref('AIFunctionTotals', 'The previous period of equal length.'),
      changes: changesOf('Changes versus the previous period.', ['total', 'totalFailed']),
    }),
  }),
  CsatEntry: obj('One CSAT (customer satisfaction) response.', {
    id: str('Entry ID, e.g. `csat_abc123`.'),
    score: int('Score from 1 to 5.', { minimum: 1, maximum: 5 }),
    comment: nstr('Free-text comment.'),
    email: nstr('Email of the visitor.'),
    name: nstr('Name of the visitor.'),
    triggerReason: str('What asked for the rating; `AFTER_RESOLUTION` is the only documented value.'),
    createdAt: dateTime('When the rating was given.'),
  }),
  CsatPeriod: obj('CSAT of one period.', {
    averageScore: num('Average score (0 when there are no responses).'),
    totalResponses: int('Number of responses.', { minimum: 0 }),
    scores: arr(ref('CsatEntry'), 'Individual responses (the current period is paged by `page`/`pageSize`).'),
  }),
  CsatAnalytics: obj('Response of `GET /analytics/csat`.', {
    status: success,
    data: obj('CSAT analytics.', {
      currentPeriod: ref('CsatPeriod', 'The requested period (`scores` paged).'),
      previousPeriod: ref('CsatPeriod', 'The previous period of equal length.'),
      changes: changesOf('Changes versus the previous period.', ['averageScore', 'totalResponses']),
      metadata: ref('CsatMetadata', 'Paging of `currentPeriod.scores` (scheme D).'),
    }),
  }),
  NameCount: obj('A label with its total count over the period.', {
    name: str('Label.'),
    count: int('Count.', { minimum: 0 }),
  }),
  SentimentCount: obj('A sentiment with its total count over the period.', {
    name: ref('Sentiment', 'The sentiment.'),
    count: int('Count.', { minimum: 0 }),
  }),
  SentimentDay: obj('Sentiment counts of one day.', {
    date: date('Day (`YYYY-MM-DD`).'),
    POSITIVE: int('Positive conversations.', { minimum: 0 }),
    NEGATIVE: int('Negative conversations.', { minimum: 0 }),
    NEUTRAL: int('Neutral conversations.', { minimum: 0 }),
    UNSPECIFIED: int('Conversations without a sentiment.', { minimum: 0 }),
  }),
  SentimentsAnalytics: obj('Response of `GET /analytics/sentiments`: extra keys at the top level.', {
    status: success,
    data: arr(ref('SentimentDay'), 'One entry per day.'),
    keys: arr(ref('Sentiment'), 'The sentiment keys used in `data`.'),
    allSentimentsCounts: arr(ref('SentimentCount'), 'Totals per sentiment over the period.'),
  }),
  TopicDay: {
    type: 'object',
    description: 'Topic counts of one day: `date` plus one integer property per topic name (dynamic keys).',
    properties: { date: date('Day (`YYYY-MM-DD`).') },
    required: ['date'],
    additionalProperties: { type: 'integer', minimum: 0 },
  },
  TopicsAnalytics: obj('Response of `GET /analytics/topics`: extra keys at the top level.', {
    status: success,
    data: arr(ref('TopicDay'), 'One entry per day.'),
    keys: arr({ type: 'string' }, 'Topic names shown: the top 6, or all with `showAllTopics=true`.'),
    allTopics: arr(ref('NameCount'), 'Totals per topic over the period.'),
    areAllTopicsVisible: bool('Whether `keys` holds every topic.'),
  }),
};

// ---------------------------------------------------------------------------------------------------------
// Parameters, headers, responses
// ---------------------------------------------------------------------------------------------------------
const q = (name, schema, description, required = false, extra = {}) => ({
  name,
  in: 'query',
  required,
  description,
  schema,
  ...extra,
});
// Path ids: an id over 200 characters (or with whitespace/control characters) names nothing: 404.
const p = (name, description) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', minLength: 1, maxLength: ID_MAX },
});
const pageParam = q(
  'page',
  { type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 },
  'Page number, 1-based (at most 1 000 000).',
);
const limitParam = q('limit', { type: 'integer', minimum: 1, maximum: 100, default: 10 }, 'Items per page (1–100).');
const perPageParam = q(
  'perPage',
  { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  'Items per page (1–100).',
);
// Every query value is given at most once and never empty (`viewId=` is a 400, like a missing `agentId`).
const agentIdQuery = q('agentId', { type: 'string', minLength: 1, maxLength: ID_MAX }, 'ID of the AI agent.', true);
const queryText = (extra = {}) => ({ type: 'string', minLength: 1, maxLength: ID_MAX, ...extra });
/** Unix seconds (1–12 digits), an ISO date, or an ISO date-time with a time zone (what the emulator accepts). */
const unixOrDate = {
  type: 'string',
  pattern:
    '^(\\d{1,12}|\\d{4}-\\d{2}-\\d{2}|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2}))$',
};
const conversationFilters = [
  q('sort', { type: 'string', enum: ['asc', 'desc'], default: 'desc' }, 'Sort by `lastMessageDate`.'),
  q('status', { type: 'string', enum: ['open', 'close'] }, 'Only open or closed (`close`) conversations.'),
  q('startDate', unixOrDate, 'Only conversations from this time: Unix seconds or an ISO-8601 date/date-time.', false, {
    example: '2024-01-01',
  }),
  q('endDate', unixOrDate, 'Only conversations up to this time: Unix seconds or an ISO-8601 date/date-time.', false, {
    example: '2024-01-31',
  }),
  q(
    'assignee',
    queryText(),
    'Assigned human agent: a user ID, or `ai` for conversations with no human assigned. (Name INFERRED, decision D4.)',
  ),
  q('sentiment', ref('Sentiment'), 'Only conversations with this sentiment. (Name INFERRED, decision D4.)'),
  q('topic', queryText(), 'Only conversations about this topic, e.g. `billing`. (Name INFERRED, decision D4.)'),
  q('channel', ref('Channel'), 'Only conversations from this integration/chat type. (Name INFERRED, decision D4.)'),
  q('resolution', ref('Resolution'), 'Only conversations with this resolution. (Name INFERRED, decision D4.)'),
  q('viewId', queryText(), 'Apply the filters of a saved inbox view; combines with the other filters.'),
];
const PERIOD_RULE =
  'The period spans at most 10 years (3 660 days, `endDate` included), and `endDate` is not before `startDate`; otherwise 400.';
const analyticsParams = [
  agentIdQuery,
  q('startDate', { type: 'string', format: 'date' }, `First day of the period (\`YYYY-MM-DD\`). ${PERIOD_RULE}`, true),
  q(
    'endDate',
    { type: 'string', format: 'date' },
    `Last day of the period (\`YYYY-MM-DD\`), inclusive. ${PERIOD_RULE}`,
    true,
  ),
  q(
    'timezone',
    { type: 'string', minLength: 1, maxLength: 100 },
    'IANA timezone for day boundaries, e.g. `America/New_York`; defaults to UTC. An unknown name answers 400.',
  ),
];

const headers = {
  'x-request-id': { $ref: '#/components/headers/RequestId' },
};
const errorResponses = {
  400: [
    'BadRequest',
    'Invalid path parameter, query parameter or body (`bad_request` or `validation_error`; `message` names the field).',
  ],
  401: ['Unauthorized', 'Missing or invalid API key (`unauthorized`).'],
  403: ['Forbidden', 'The key lacks the permission, e.g. a read-only key on a write (`forbidden`).'],
  404: ['NotFound', 'The resource does not exist or belongs to another workspace (`not_found`).'],
  409: [
    'Conflict',
    'An `Idempotency-Key` was reused with a different request body, or the write conflicts with existing data, e.g. a contact `distinctId` that belongs to another contact (`conflict`).',
  ],
  413: ['PayloadTooLarge', 'The request body is too large (`payload_too_large`).'],
  415: ['UnsupportedMediaType', 'The request body is not `application/json` (`unsupported_media_type`).'],
  429: ['RateLimited', 'Too many requests (`rate_limited`); retry after `Retry-After` seconds.'],
  500: ['InternalError', 'Server error (`internal_error`).'],
};
const componentResponses = Object.fromEntries(
  Object.entries(errorResponses).map(([status, [name, description]]) => [
    name,
    {
      description,
      headers: status === '429' ? { ...headers, 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } : headers,
      content: { 'application/json': { schema: ref('Error') } },
    },
  ]),
);

const tags = {
  agents: 'Agents',
  chatbots: 'Agents',
  aiSuggestions: 'AI Suggestions',
  analytics: 'Analytics',
  contacts: 'Contacts',
  messages: 'Conversations',
  conversations: 'Conversations',
  dataSources: 'Data Sources',
};

/**
 * One operation. `errors` are the statuses (besides 400, 401, 403, 429, 500, which every operation has: every
 * operation has a parameter or body to validate) that apply: 404 when an ID is looked up, 409 for POST/DELETE,
 * 413/415 for JSON-body writes.
 */
function op({
  id,
  summary,
  description,
  params = [],
  body,
  bodyRequired = true,
  ok,
  okDescription,
  errors,
  extraContent,
  idempotent,
}) {
  const statuses = [...new Set([...errors, 400, 401, 403, 429, 500])].sort((a, b) => a - b);
  const responses = {
    200: {
      description: okDescription,
      headers: idempotent
        ? { ...headers, 'idempotent-replayed': { $ref: '#/components/headers/IdempotentReplayed' } }
        : headers,
      content: {
        'application/json': { schema: ref(ok.schema), ...(ok.example ? { example: ok.example } : {}) },
        ...extraContent,
      },
    },
  };
  for (const s of statuses) responses[s] = { $ref: `#/components/responses/${errorResponses[s][0]}` };
  const operation = {
    operationId: id,
    tags: [tags[id.split('.')[0]]],
    summary,
    description,
    security: [{ bearerAuth: [] }],
    parameters: [...params, ...(idempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : [])],
  };
  if (operation.parameters.length === 0) delete operation.parameters;
  if (body) {
    operation.requestBody = {
      required: bodyRequired,
      content: { 'application/json': { schema: ref(body.schema), ...(body.example ? { example: body.example } : {}) } },
    };
  }
  operation.responses = responses;
  return operation;
}

// ---------------------------------------------------------------------------------------------------------
// Documented examples (from the reference pages), reused by the tests as fixtures
// ---------------------------------------------------------------------------------------------------------
const teamMember = {
  id: 'agent_1234567890',
  name: 'Jane Smith',
  email: 'jane@example.com',
  avatar: 'https://example.com/avatar.jpg',
};
const agentExample = {
  id: 'clx1234567890abcdef',
  name: 'Customer Support Bot',
  slug: 'customer-support-bot',
  isLiveChatEnabled: true,
  language: 'en',
  isArchived: false,
  createdAt: '2024-01-15T10:30:00Z',
  updatedAt: '2024-01-20T14:45:00Z',
};
const pagesExample = {
  page: 1,
  perPage: 10,
  totalPages: 2,
  hasPrevious: false,
  hasNext: true,
  previous: null,
  next: 2,
};
const summaryExample = {
  id: 'chat_1234567890',
  isResolved: false,
  isStarred: false,
  isMuted: false,
  isAgent: false,
  integrationType: 'WHATSAPP',
  contact: {
    id: 'contact_1234567890',
    name: 'John Doe',
    phone: '+1234567890',
    email: 'john@example.com',
    distinctId: 'user_12345',
    attributes: { planType: 'premium' },
  },
  agent: teamMember,
  lastMessageDate: '2024-01-15T10:30:00Z',
  createdAt: '2024-01-15T10:00:00Z',
  updatedAt: '2024-01-15T10:30:00Z',
};
const suggestionExample = {
  id: 'msg_abc123def456',
  userMessage: { id: 'msg_user789xyz', text: 'What is the warranty period for your products?' },
  aiMessage: { id: 'msg_abc123def456', text: "I'm sorry, I don't have information about warranty periods." },
  evaluationTag: 'OUT_OF_CONTEXT',
  potentialGap: 'Warranty information is missing from the knowledge base',
  suggestedImprovement: 'All products come with a 2-year limited warranty covering manufacturing defects.',
  chatId: 'chat_xyz789',
  createdAt: '2024-01-15T10:30:00Z',
};
const dsCreated = (source, isGeneratedByAI = false) => ({
  status: 'success',
  data: { message: 'Added successfully', item: { id: 'ds_1234567890', source, isGeneratedByAI } },
});
const csatEntry = {
  id: 'csat_abc123',
  score: 5,
  comment: 'Great support, quick answers!',
  email: 'john@example.com',
  name: 'John Doe',
  triggerReason: 'AFTER_RESOLUTION',
  createdAt: '2024-01-15T10:30:00.000Z',
};
const overviewPrev = {
  totalConversationCount: 130,
  openConversationCount: 20,
  closedConversationCount: 110,
  totalResolutionCount: 100,
  agentJoinedConversationRate: 18,
  averageResolutionRate: 77,
  totalGoodResponse: 80,
  totalBadResponse: 30,
  goodResponseRate: 73,
  badResponseRate: 27,
  totalContactsCapture: 40,
  averageChatDuration: 340,
  humanizedAverageChatDuration: '5m 40s',
  averageAIAgentCSATScore: 4.3,
  totalAIAgentCSATResponses: 28,
};

// ---------------------------------------------------------------------------------------------------------
// Paths
// ---------------------------------------------------------------------------------------------------------
const paths = {
  '/agents': {
    post: op({
      id: 'agents.create',
      summary: 'Create an agent',
      description: 'Creates a new AI agent in the workspace. Returns it with a generated `slug`.',
      body: {
        schema: 'AgentCreateRequest',
        example: { name: 'Customer Support Agent', isLiveChatEnabled: true, isImageSharingEnabled: true },
      },
      ok: { schema: 'AgentResponse', example: { status: 'success', data: agentExample } },
      okDescription: 'Agent created successfully.',
      errors: [400, 409, 413, 415],
      idempotent: true,
    }),
    get: op({
      id: 'agents.list',
      summary: 'List agents',
      description: 'Lists the agents of the workspace (paging scheme A, at the top level of the response).',
      params: [pageParam, limitParam],
      ok: {
        schema: 'AgentList',
        example: { status: 'success', data: [agentExample], totalCount: 15, pages: pagesExample },
      },
      okDescription: 'A page of agents.',
      errors: [400],
    }),
  },
  '/agents/{agentId}': {
    get: op({
      id: 'agents.retrieve',
      summary: 'Retrieve an agent',
      description: 'Retrieves an agent by ID or slug.',
      params: [
        p('agentId', 'Agent ID or slug.'),
        q('isEmbed', { type: 'boolean', default: false }, 'Set when the request comes from an embed; enables caching.'),
      ],
      ok: { schema: 'AgentResponse', example: { status: 'success', data: agentExample } },
      okDescription: 'Successfully retrieved agent details.',
      errors: [400, 404],
    }),
    delete: op({
      id: 'agents.delete',
      summary: 'Delete an agent',
      description:
        'Deletes an agent permanently, together with its data sources, conversations, messages, contacts, AI suggestions, CSAT entries, inbox views and AI function call records (project decision).',
      params: [p('agentId', 'Agent ID or slug.')],
      ok: { schema: 'AgentDeleteResponse', example: { status: 'success', message: 'Agent deleted successfully' } },
      okDescription: 'Agent deleted successfully.',
      errors: [404, 409],
      idempotent: true,
    }),
  },
  '/ai-suggestions': {
    get: op({
      id: 'aiSuggestions.list',
      summary: 'List AI suggestions',
      description:
        'Lists improvement ideas generated from conversations where the AI answer was incomplete, out of context or lacking depth (paging scheme C). Dismissed suggestions are not listed.',
      params: [
        agentIdQuery,
        pageParam,
        limitParam,
        q('startDate', { type: 'string', format: 'date-time' }, 'Only suggestions created at or after this time.'),
        q('endDate', { type: 'string', format: 'date-time' }, 'Only suggestions created at or before this time.'),
      ],
      ok: {
        schema: 'AISuggestionList',
        example: {
          status: 'success',
          data: {
            agentId: 'clx1234567890abcdef',
            suggestions: [suggestionExample],
            pagination: {
              page: 1,
              limit: 10,
              totalCount: 25,
              totalPages: 3,
              hasNextPage: true,
              hasPreviousPage: false,
            },
          },
        },
      },
      okDescription: 'A page of suggestions.',
      errors: [400, 404],
    }),
  },
  '/ai-suggestions/{suggestionId}': {
    get: op({
      id: 'aiSuggestions.retrieve',
      summary: 'Retrieve an AI suggestion',
      description:
        'Retrieves one suggestion: visitor message, AI response, evaluation tag, potential gap and suggested improvement.',
      params: [p('suggestionId', 'Suggestion ID, e.g. `msg_1234567890abcdef`.')],
      ok: {
        schema: 'AISuggestionResponse',
        example: { status: 'success', data: { ...suggestionExample, agentId: 'clx1234567890abcdef' } },
      },
      okDescription: 'The suggestion.',
      errors: [404],
    }),
    delete: op({
      id: 'aiSuggestions.dismiss',
      summary: 'Dismiss an AI suggestion',
      description:
        'Marks the suggestion ignored; it no longer appears in the list. Path and response shape are project decisions (the docs list only the page title). Dismissing an already dismissed suggestion answers 404.',
      params: [p('suggestionId', 'Suggestion ID.')],
      ok: {
        schema: 'AISuggestionDismissResponse',
        example: {
          status: 'success',
          message: 'AI suggestion dismissed',
          data: { id: 'msg_abc123def456', dismissed: true },
        },
      },
      okDescription: 'The suggestion was dismissed.',
      errors: [404, 409],
      idempotent: true,
    }),
  },
  '/analytics': {
    get: op({
      id: 'analytics.overview',
      summary: 'Main analytics',
      description:
        'Conversations, resolutions, response ratings, durations, CSAT and a daily breakdown, with changes versus the previous period of equal length.',
      params: analyticsParams,
      ok: {
        schema: 'AnalyticsOverview',
        example: {
          status: 'success',
          data: {
            currentPeriod: {
              totalConversationCount: 150,
              openConversationCount: 25,
              closedConversationCount: 125,
              totalResolutionCount: 120,
              agentJoinedConversationRate: 15,
              averageResolutionRate: 80,
              totalGoodResponse: 95,
              totalBadResponse: 25,
              goodResponseRate: 79,
              badResponseRate: 21,
              totalContactsCapture: 45,
              averageChatDuration: 325,
              humanizedAverageChatDuration: '5m 25s',
              averageAIAgentCSATScore: 4.5,
              totalAIAgentCSATResponses: 32,
              dailyData: [{ date: '2024-01-15', total: 12, aiResolved: 9, humanInvolved: 3 }],
              changes: {
                totalConversationCount: 15.4,
                closedConversationCount: 13.6,
                totalResolutionCount: 20,
                agentJoinedConversationRate: -16.7,
                averageResolutionRate: 3.9,
                goodResponseRate: 8.2,
                badResponseRate: -22.2,
                totalContactsCapture: 12.5,
                averageChatDuration: -4.4,
                averageAIAgentCSATScore: 4.7,
              },
            },
            previousPeriod: overviewPrev,
          },
        },
      },
      okDescription: 'Main analytics.',
      errors: [400, 404],
    }),
  },
  '/analytics/agent': {
    get: op({
      id: 'analytics.agent',
      summary: 'Human-agent performance analytics',
      description: 'Conversation counts, response times and messages per conversation of human agents.',
      params: [...analyticsParams, q('userId', queryText(), 'Only this human user, e.g. `user_1234567890`.')],
      ok: {
        schema: 'AgentAnalytics',
        example: {
          status: 'success',
          data: {
            currentPeriod: {
              totalConversationCount: 45,
              closedConversationCount: 38,
              agentResponseTime: 1250,
              avarageMessagesPerConversation: 8.5,
              averageAgentCSATScore: 4.2,
              totalAgentCSATResponses: 28,
              changes: {
                totalConversationCount: 12.5,
                closedConversationCount: 8.6,
                agentResponseTime: -12.5,
                avarageMessagesPerConversation: 3.2,
                averageAgentCSATScore: 5,
              },
            },
            previousPeriod: {
              totalConversationCount: 40,
              closedConversationCount: 35,
              agentResponseTime: 1428,
              avarageMessagesPerConversation: 8.2,
              averageAgentCSATScore: 4,
              totalAgentCSATResponses: 25,
            },
          },
        },
      },
      okDescription: 'Human-agent analytics.',
      errors: [400, 404],
    }),
  },
  '/analytics/ai-functions': {
    get: op({
      id: 'analytics.aiFunctions',
      summary: 'AI function analytics',
      description: 'AI function (action) call totals, failures and a per-function breakdown.',
      params: analyticsParams,
      ok: {
        schema: 'AIFunctionsAnalytics',
        example: {
          status: 'success',
          data: {
            currentPeriod: {
              total: 245,
              totalFailed: 12,
              functions: [
                {
                  name: 'send_email',
                  description: 'Send email to user',
                  total: 85,
                  totalFailed: 3,
                  type: 'CUSTOM',
                  mcpName: null,
                  mcpProvider: 'slack',
                },
              ],
            },
            previousPeriod: { total: 210, totalFailed: 15 },
            changes: { total: 16.7, totalFailed: -20 },
          },
        },
      },
      okDescription: 'AI function analytics.',
      errors: [400, 404],
    }),
  },
  '/analytics/csat': {
    get: op({
      id: 'analytics.csat',
      summary: 'CSAT analytics',
      description:
        'Average scores, response counts and paged individual feedback (paging scheme D over `currentPeriod.scores`).',
      params: [
        ...analyticsParams,
        pageParam,
        q('pageSize', { type: 'integer', minimum: 1, maximum: 100, default: 10 }, 'Entries per page (1–100).'),
      ],
      ok: {
        schema: 'CsatAnalytics',
        example: {
          status: 'success',
          data: {
            currentPeriod: { averageScore: 4.2, totalResponses: 45, scores: [csatEntry] },
            previousPeriod: { averageScore: 3.8, totalResponses: 38, scores: [] },
            changes: { averageScore: 10.5, totalResponses: 18.4 },
            metadata: { totalItemCount: 45, totalPageCount: 5, currentPage: 1, prev: null, next: 2, pageSize: 10 },
          },
        },
      },
      okDescription: 'CSAT analytics.',
      errors: [400, 404],
    }),
  },
  '/analytics/sentiments': {
    get: op({
      id: 'analytics.sentiments',
      summary: 'Sentiment analytics',
      description:
        'Daily sentiment breakdown (positive, negative, neutral, unspecified) with totals; extra keys sit at the top level.',
      params: analyticsParams,
      ok: {
        schema: 'SentimentsAnalytics',
        example: {
          status: 'success',
          data: [{ date: '2024-01-15', POSITIVE: 45, NEGATIVE: 12, NEUTRAL: 30, UNSPECIFIED: 5 }],
          keys: ['POSITIVE', 'NEGATIVE', 'NEUTRAL', 'UNSPECIFIED'],
          allSentimentsCounts: [
            { name: 'POSITIVE', count: 1250 },
            { name: 'NEGATIVE', count: 320 },
          ],
        },
      },
      okDescription: 'Sentiment analytics.',
      errors: [400, 404],
    }),
  },
  '/analytics/topics': {
    get: op({
      id: 'analytics.topics',
      summary: 'Topic analytics',
      description: 'Daily topic breakdown with dynamic topic-name keys; the top 6 topics unless `showAllTopics=true`.',
      params: [
        ...analyticsParams,
        q('showAllTopics', { type: 'boolean', default: false }, 'Return every topic instead of the top 6.'),
      ],
      ok: {
        schema: 'TopicsAnalytics',
        example: {
          status: 'success',
          data: [{ date: '2024-01-15', Pricing: 25, Features: 18, Support: 32 }],
          keys: ['Pricing', 'Features', 'Support'],
          allTopics: [
            { name: 'Support', count: 450 },
            { name: 'Pricing', count: 380 },
          ],
          areAllTopicsVisible: false,
        },
      },
      okDescription: 'Topic analytics.',
      errors: [400, 404],
    }),
  },
  '/contacts': {
    post: op({
      id: 'contacts.upsert',
      summary: 'Create or update a contact',
      description:
        'Identifies a visitor: creates a contact, or updates the one matched by `contactId`, else by `agentId` + `distinctId`. The response has no `data` wrapper.',
      body: {
        schema: 'ContactUpsertRequest',
        example: {
          agentId: 'clx1234567890abcdef',
          distinctId: 'user_12345',
          name: 'John Doe',
          email: 'john@example.com',
          phone: '+1234567890',
          attributes: { planType: 'premium', userLevel: 'advanced', signupDate: '2024-01-15' },
        },
      },
      ok: { schema: 'ContactUpsertResponse', example: { status: 'success', contactId: 'contact_1234567890' } },
      okDescription: 'Contact created or updated.',
      errors: [400, 404, 409, 413, 415],
      idempotent: true,
    }),
    get: op({
      id: 'contacts.list',
      summary: 'List contacts',
      description: 'Lists the contacts of an agent (paging scheme A, at the top level).',
      params: [agentIdQuery, pageParam, limitParam],
      ok: {
        schema: 'ContactList',
        example: {
          status: 'success',
          agentId: 'clx1234567890abcdef',
          data: [
            {
              id: 'contact_1234567890',
              distinctId: 'user_12345',
              name: 'John Doe',
              email: 'john@example.com',
              phone: '+1234567890',
              country: 'US',
              createdAt: '2024-01-15T10:30:00Z',
            },
          ],
          totalCount: 150,
          pages: { ...pagesExample, totalPages: 15 },
        },
      },
      okDescription: 'A page of contacts.',
      errors: [400, 404],
    }),
  },
  '/contacts/{contactId}': {
    get: op({
      id: 'contacts.retrieve',
      summary: 'Retrieve a contact',
      description:
        'Retrieves a contact. The response is the bare contact object, with `attributes` as key/value pairs.',
      params: [p('contactId', 'Contact ID.')],
      ok: {
        schema: 'Contact',
        example: {
          id: 'contact_1234567890',
          chatSource: 'website',
          email: 'john@example.com',
          agentId: 'clx1234567890abcdef',
          distinctId: 'user_12345',
          name: 'John Doe',
          phone: '+1234567890',
          threadId: 'thread_12345',
          ip: '192.168.1.1',
          country: 'US',
          attributes: [{ key: 'planType', value: 'premium' }],
          createdAt: '2024-01-15T10:30:00Z',
          updatedAt: '2024-01-20T14:45:00Z',
        },
      },
      okDescription: 'The contact.',
      errors: [404],
    }),
  },
  '/contacts/{contactId}/conversations': {
    get: op({
      id: 'contacts.listConversations',
      summary: "List a contact's conversations",
      description:
        "Lists one contact's conversations; same response as `GET /conversations` (paging scheme B). Path and per-page name (`perPage`) are INFERRED.",
      params: [p('contactId', 'Contact ID.'), pageParam, perPageParam, ...conversationFilters],
      ok: {
        schema: 'ConversationList',
        example: {
          status: 'success',
          data: { conversations: [summaryExample], meta: { total: 1, perPage: 20, currentPage: 1, totalPages: 1 } },
        },
      },
      okDescription: 'A page of conversations.',
      errors: [400, 404],
    }),
  },
  '/conversations': {
    post: op({
      id: 'messages.send',
      summary: 'Send a message',
      description: [
        'Sends a visitor message to the AI agent, starting a new conversation or continuing `conversationId`; the AI answer comes back in the response.',
        '',
        'With `streaming: true` the 200 response is `text/event-stream` (project decision D5). Every event has an `id:` (sequence number):',
        '- `event: delta`, `data: {"text": "..."}` (schema `StreamDelta`), one or more: the next piece of the answer;',
        '- `event: done`, `data:` a `SendMessageData` object (the same as the non-streaming `data`), after which the stream ends;',
        '- `event: error`, `data:` an `Error` envelope, after which the stream ends.',
        'Parsed (`event`, `id`, JSON-decoded `data`), each event is a `StreamEvent`: a `oneOf` of `StreamDeltaEvent`, `StreamDoneEvent` and `StreamErrorEvent` with `event` as discriminator (the `contentSchema` of the `text/event-stream` body).',
        'Comment lines (`: ping`) may be sent as keep-alives. Errors detected before the stream starts are ordinary JSON error responses.',
      ].join('\n'),
      body: {
        schema: 'SendMessageRequest',
        example: {
          question: 'What are your business hours?',
          agentId: 'clx1234567890abcdef',
          conversationId: 'chat_1234567890',
          messageType: 'TEXT',
          streaming: false,
        },
      },
      ok: {
        schema: 'SendMessageResponse',
        example: {
          status: 'success',
          message: 'Message sent successfully',
          data: {
            conversationId: 'chat_1234567890',
            contactId: 'contact_1234567890',
            response: 'Our business hours are Monday to Friday, 9 AM to 5 PM EST.',
            messageId: 'msg_1234567890',
            responseMessageId: 'msg_1234567891',
            links: [{ link: 'https://example.com/contact', type: 'WEBSITE' }],
          },
        },
      },
      extraContent: {
        'text/event-stream': {
          // OpenAPI 3.1 has no `itemSchema` (3.2 does): the body is a string whose content, read as an event
          // stream, is a list of `StreamEvent` objects (JSON Schema `contentMediaType` + `contentSchema`).
          schema: {
            type: 'string',
            description:
              'Server-sent events: `delta`* then `done` (or `error`). Parsed, each event is a `StreamEvent`.',
            contentMediaType: 'text/event-stream',
            contentSchema: arr(
              ref('StreamEvent'),
              'The events of the stream, in order, each parsed as `{event, id, data}` with `data` JSON-decoded.',
            ),
          },
          example:
            'id: 1\nevent: delta\ndata: {"text":"Our business hours "}\n\nid: 2\nevent: delta\ndata: {"text":"are 9 to 5."}\n\nid: 3\nevent: done\ndata: {"conversationId":"chat_1234567890","contactId":"contact_1234567890","response":"Our business hours are 9 to 5.","messageId":"msg_1","responseMessageId":"msg_2","links":[]}\n\n',
        },
      },
      okDescription: 'The AI answer (JSON), or a stream of it with `streaming: true`.',
      errors: [400, 404, 409, 413, 415],
      idempotent: true,
    }),
    get: op({
      id: 'conversations.list',
      summary: 'List conversations',
      description: 'Lists the conversations of an agent with filters (paging scheme B, `data.meta`).',
      params: [
        agentIdQuery,
        pageParam,
        perPageParam,
        q(
          'type',
          { type: 'string', enum: ['unassigned', 'your-inbox', 'all'], default: 'all' },
          "Inbox: unassigned, assigned to the key's owner (`your-inbox`), or all.",
        ),
        ...conversationFilters,
      ],
      ok: {
        schema: 'ConversationList',
        example: {
          status: 'success',
          data: { conversations: [summaryExample], meta: { total: 150, perPage: 20, currentPage: 1, totalPages: 8 } },
        },
      },
      okDescription: 'A page of conversations.',
      errors: [400, 404],
    }),
  },
  '/conversations/views': {
    get: op({
      id: 'conversations.listViews',
      summary: 'List inbox views',
      description: 'Lists the saved inbox views of an agent (paging scheme B). Views are created in the dashboard.',
      params: [
        agentIdQuery,
        q('search', queryText(), 'Search views by name, e.g. `billing`. (Name INFERRED, decision D4.)'),
        pageParam,
        perPageParam,
      ],
      ok: {
        schema: 'ConversationViewList',
        example: {
          status: 'success',
          data: {
            views: [
              {
                id: 'clx1234567890viewid',
                name: 'Negative billing chats',
                query: { combinator: 'AND', rules: [{ field: 'sentiment', operator: 'EQUALS', value: 'NEGATIVE' }] },
                createdAt: '2024-01-15T10:30:00.000Z',
              },
            ],
            meta: { total: 1, perPage: 20, currentPage: 1, totalPages: 1 },
          },
        },
      },
      okDescription: 'A page of views.',
      errors: [400, 404],
    }),
  },
  '/conversations/{conversationId}': {
    get: op({
      id: 'conversations.retrieve',
      summary: 'Retrieve a conversation',
      description: 'Retrieves a conversation with all its messages.',
      params: [p('conversationId', 'Conversation ID.')],
      ok: {
        schema: 'ConversationResponse',
        example: {
          status: 'success',
          data: {
            id: 'chat_1234567890',
            contactId: 'contact_1234567890',
            agentId: 'clx1234567890abcdef',
            isResolved: false,
            isAgent: false,
            isMuted: false,
            isStarred: false,
            integrationType: 'WHATSAPP',
            lastMessageDate: '2024-01-15T10:30:00Z',
            agent: teamMember,
            messages: [
              {
                id: 'msg_1234567890',
                content: 'Hello, I need help with my order',
                role: 'user',
                type: 'TEXT',
                source: [{ id: 'src_1234567890', type: 'WEBSITE', link: 'https://example.com/help', distance: 0.85 }],
                agent: teamMember,
                createdAt: '2024-01-15T10:30:00Z',
              },
            ],
            createdAt: '2024-01-15T10:00:00Z',
            updatedAt: '2024-01-15T10:30:00Z',
          },
        },
      },
      okDescription: 'The conversation.',
      errors: [404],
    }),
  },
  '/conversations/{conversationId}/reply': {
    post: op({
      id: 'conversations.reply',
      summary: 'Reply as a human agent',
      description:
        'Sends a human-agent reply into a conversation; the human joins the conversation (`isAgent` becomes true).',
      params: [p('conversationId', 'Conversation ID.')],
      body: {
        schema: 'ReplyRequest',
        example: {
          message: 'Thank you for your question. Let me check that for you.',
          userId: 'user_1234567890',
          messageType: 'TEXT',
        },
      },
      ok: {
        schema: 'ReplyResponse',
        example: {
          status: 'success',
          message: 'User reply sent successfully',
          data: {
            messageId: 'msg_1234567890',
            conversationId: 'chat_1234567890',
            message: {
              id: 'msg_1234567890',
              text: 'Thank you for your question. Let me check that for you.',
              sender: 'AGENT',
              type: 'TEXT',
              createdAt: '2024-01-15T10:30:00Z',
              agent: teamMember,
            },
          },
        },
      },
      okDescription: 'Reply sent.',
      errors: [400, 404, 409, 413, 415],
      idempotent: true,
    }),
  },
  '/conversations/{conversationId}/end': {
    post: op({
      id: 'conversations.end',
      summary: 'End a conversation',
      description: 'Resolves a conversation (`isResolved` becomes true; it is then listed under `status=close`).',
      params: [p('conversationId', 'Conversation ID.')],
      body: { schema: 'EndRequest', example: { userId: 'user_1234567890' } },
      bodyRequired: false,
      ok: {
        schema: 'EndResponse',
        example: {
          status: 'success',
          message: 'Conversation resolved successfully',
          data: { conversationId: 'chat_1234567890', userId: 'user_1234567890', contactId: 'contact_1234567890' },
        },
      },
      okDescription: 'Conversation resolved.',
      errors: [400, 404, 409, 413, 415],
      idempotent: true,
    }),
  },
  '/data-sources': {
    get: op({
      id: 'dataSources.list',
      summary: 'List data sources',
      description: 'Lists the data sources of an agent (paging scheme A, inside `data`).',
      params: [
        agentIdQuery,
        q(
          'source',
          { type: 'string', enum: ['ALL', ...enums.DataSourceType.enum], default: 'ALL' },
          'Only this kind of source, or `ALL`.',
        ),
        pageParam,
        limitParam,
      ],
      ok: {
        schema: 'DataSourceList',
        example: {
          status: 'success',
          data: {
            agentId: 'clx1234567890abcdef',
            items: [
              {
                id: 'ds_1234567890',
                title: 'Company Overview',
                text: 'Our company was founded in 2020...',
                url: 'https://example.com/about',
                source: 'TEXT',
                status: 'COMPLETED',
                characterCount: 1250,
                createdAt: '2024-01-15T10:30:00Z',
                updatedAt: '2024-01-15T10:30:00Z',
              },
            ],
            totalCount: 250,
            pages: { ...pagesExample, totalPages: 25 },
          },
        },
      },
      okDescription: 'A page of data sources.',
      errors: [400, 404],
    }),
    delete: op({
      id: 'dataSources.delete',
      summary: 'Delete data sources',
      description:
        'Deletes one (`id`) or many (`ids`) data sources of one source type; takes a JSON body. IDs that do not exist are reported in `notFound`.',
      body: {
        schema: 'DeleteDataSourcesRequest',
        example: { agentId: 'clx1234567890abcdef', source: 'TEXT', ids: ['ds_1234567890', 'ds_0987654321'] },
      },
      ok: {
        schema: 'DeleteDataSourcesResponse',
        example: {
          status: 'success',
          data: {
            message: '2 items deleted successfully',
            agentId: 'clx1234567890abcdef',
            source: 'TEXT',
            deleted: ['ds_1234567890', 'ds_0987654321'],
            notFound: [],
          },
        },
      },
      okDescription: 'Deletion result.',
      errors: [400, 404, 409, 413, 415],
      idempotent: true,
    }),
  },
  '/data-sources/text': {
    post: op({
      id: 'dataSources.addText',
      summary: 'Add a text data source',
      description: 'Adds a text data source to an agent.',
      body: {
        schema: 'AddTextRequest',
        example: {
          title: 'Company Overview',
          content: 'Our company was founded in 2020...',
          agentId: 'clx1234567890abcdef',
        },
      },
      ok: { schema: 'DataSourceCreateResponse', example: dsCreated('TEXT') },
      okDescription: 'Added successfully.',
      errors: [400, 404, 409, 413, 415],
      idempotent: true,
    }),
  },
  '/data-sources/url': {
    post: op({
      id: 'dataSources.addUrl',
      summary: 'Add a URL data source',
      description:
        'Adds a single web page by URL (no crawling or sitemaps). The page is fetched and indexed; its `status` tells when it is ready.',
      body: {
        schema: 'AddUrlRequest',
        example: { url: 'https://www.example.com/about-us', agentId: 'clx1234567890abcdef' },
      },
      ok: { schema: 'DataSourceCreateResponse', example: dsCreated('WEBSITE') },
      okDescription: 'Added successfully.',
      errors: [400, 404, 409, 413, 415],
      idempotent: true,
    }),
  },
  '/data-sources/qa': {
    post: op({
      id: 'dataSources.addQA',
      summary: 'Add a Q&A data source',
      description: 'Adds a question/answer pair to an agent.',
      body: {
        schema: 'AddQARequest',
        example: {
          question: 'What is your return policy?',
          answer: 'You can return items within 30 days.',
          agentId: 'clx1234567890abcdef',
          isGeneratedByAI: false,
          relatedMessageId: 'msg_1234567890',
        },
      },
      ok: { schema: 'DataSourceCreateResponse', example: dsCreated('QA') },
      okDescription: 'Added successfully.',
      errors: [400, 404, 409, 413, 415],
      idempotent: true,
    }),
  },
  '/data-sources/file': {
    post: op({
      id: 'dataSources.addFile',
      summary: 'Add a file data source',
      description: 'Adds text already extracted from a file (JSON body, not a multipart upload).',
      body: {
        schema: 'AddFileRequest',
        example: {
          title: 'Product Manual',
          content: 'Chapter 1: Getting started...',
          agentId: 'clx1234567890abcdef',
          fileType: 'pdf',
        },
      },
      ok: { schema: 'DataSourceCreateResponse', example: dsCreated('PDF') },
      okDescription: 'Added successfully.',
      errors: [400, 404, 409, 413, 415],
      idempotent: true,
    }),
  },
};

// The /chatbots alias (decision D1): same operations, operationIds under `chatbots.`.
function alias(sourcePath) {
  const out = { 'x-alias-of': sourcePath };
  for (const [method, operation] of Object.entries(paths[sourcePath])) {
    const name = operation.operationId.split('.')[1];
    out[method] = {
      ...operation,
      operationId: `chatbots.${name}`,
      summary: `${operation.summary} (chatbots alias)`,
      description: `Alias of \`${method.toUpperCase()} ${sourcePath}\` (decision D1: the older docs call agents "chatbots"; only the intro's sample curl shows \`/chatbots\`).\n\n${operation.description}`,
      'x-alias-of': operation.operationId,
    };
  }
  return out;
}
paths['/chatbots'] = alias('/agents');
paths['/chatbots/{agentId}'] = alias('/agents/{agentId}');

export const document = {
  openapi: '3.1.0',
  jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
  info: {
    title: 'LiveChatAI REST API',
    version: '2.0.0',
    summary:
      "The LiveChatAI REST API v2 as documented at api.livechatai.com, with this project's decisions for the gaps.",
    description: [
      'Contract of the LiveChatAI REST API v2 used by the `@livechatai/*` SDK packages and the emulator.',
      '',
      'Response shapes follow the public documentation literally, quirks included (envelope deviations, four pagination schemes, field-name drift).',
      "Where the documentation is silent, the project's decisions apply (`decisions.md` D1–D11 and `packages/spec/api-decisions.md`); descriptions say INFERRED or name the decision.",
      'Response objects are open (`additionalProperties` allowed): the real service may add fields. Request bodies are closed so that misspelt fields are caught.',
      '',
      'Every response carries an `x-request-id` header. Errors use the envelope `{"status":"error","message":"…","code":"…"}`.',
      'POST and DELETE accept an `Idempotency-Key` header (decision D8); a replayed answer carries `idempotent-replayed: true`.',
      '',
      'Request rules (the emulator answers 400 `validation_error` naming the field): the `maxLength`, `maxItems`, `maximum` and `pattern` of each field; a required text field must hold a non-whitespace character; optional fields are left out, never `null`; a query parameter is given at most once and never empty (`viewId=` is refused like a missing `agentId`). JSON bodies are at most 1 MB (413). A method a path does not offer answers 405 with an `Allow` header.',
    ].join('\n'),
    contact: { name: 'LiveChatAI support', email: 'support@livechatai.com', url: 'https://help.livechatai.com' },
  },
  externalDocs: {
    description: 'LiveChatAI API reference',
    url: 'https://api.livechatai.com/api-reference-v2/introduction',
  },
  servers: [
    { url: 'https://app.livechatai.com/api/v2', description: 'Production' },
    {
      url: 'http://127.0.0.1:{port}/api/v2',
      description: 'Local emulator (`@livechatai/emulator`)',
      variables: { port: { default: '4010', description: 'Port the emulator listens on.' } },
    },
  ],
  security: [{ bearerAuth: [] }],
  tags: [
    { name: 'Agents', description: 'AI agents (older docs: chatbots). `/chatbots` is an alias.' },
    { name: 'AI Suggestions', description: 'Improvement ideas from conversations where the AI answer fell short.' },
    {
      name: 'Analytics',
      description: 'Analytics over a date range, compared with the previous period of equal length.',
    },
    { name: 'Contacts', description: 'Visitors identified by your own `distinctId`.' },
    {
      name: 'Conversations',
      description: 'Sending visitor messages, listing, reading, replying to and ending conversations, inbox views.',
    },
    { name: 'Data Sources', description: 'Knowledge-base entries of an agent: text, URL, Q&A, file content.' },
  ],
  paths,
  components: {
    securitySchemes: {
      bearerAuth: {
        type: 'http',
        scheme: 'bearer',
        description: 'API key from the LiveChatAI dashboard: `Authorization: Bearer <API_KEY>`. HTTPS only.',
      },
    },
    parameters: {
      IdempotencyKey: {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'Makes a POST/DELETE safe to retry (decision D8): a repeat with the same key and body returns the stored response (with `idempotent-replayed: true`); the same key with a different body answers 409. 1–255 visible ASCII characters (`!` to `~`, no spaces); anything else answers 400.',
        schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[!-~]{1,255}$' },
      },
    },
    headers: {
      RequestId: { description: 'Unique ID of the request, for support and logs.', schema: { type: 'string' } },
      RetryAfter: { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 0 } },
      IdempotentReplayed: {
        description:
          'Present (`true`) when this is the stored answer of an earlier request with the same `Idempotency-Key` (decision D8).',
        schema: { type: 'string', enum: ['true'] },
      },
    },
    responses: componentResponses,
    schemas: {
      ...enums,
      ...shared,
      ...agents,
      ...contacts,
      ...conversations,
      ...dataSources,
      ...suggestions,
      ...analytics,
    },
  },
};
