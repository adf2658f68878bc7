// The scenario every runtime of the matrix runs, unchanged: plain ESM that touches nothing but the SDK it is handed
// and the web platform (fetch, AbortController, JSON), so Node, Bun, Deno, workerd and the edge runtime all run the
// same code. It observes and reports; the expectations live in the tests (test/expect.ts), so a broken runtime shows
// as a readable diff of what it did.
/* global fetch, URL, AbortController, setTimeout */
//
// `sdk` is the `livechatai` module as that runtime loaded it (require, import or a bundle); `config` says where the
// emulator is. Every step uses the SDK's own defaults (its own fetch, no custom transport).

/** The answer the streamed step asks for: one Q&A source, long enough (one delta per word) to abort mid-way. */
export const STREAM_QUESTION = 'How does the runtime matrix prove the packed SDK?';
const STREAM_ANSWER = Array.from(
  { length: 120 },
  (_, i) => `Step ${i + 1} of the runtime matrix runs the packed SDK against the emulator.`,
).join(' ');

/** How many contacts the write step upserts and the list step walks, two per page. */
export const CONTACTS = 5;
export const PAGE_SIZE = 2;

/**
 * @param {any} sdk the `livechatai` module
 * @param {{ baseURL: string, apiKey: string, runtime: string }} config
 */
export async function scenario(sdk, config) {
  const client = new sdk.LiveChatAI({ apiKey: config.apiKey, baseURL: config.baseURL });
  const health = async () => {
    const response = await fetch(new URL('/_emulator/health', config.baseURL));
    const body = await response.json();
    return body.activeStreams;
  };
  const describeError = (error) => ({
    name: error?.constructor?.name,
    status: error?.status,
    message: String(error?.message).slice(0, 200),
    isLiveChatAIError: error instanceof sdk.LiveChatAIError,
  });

  // A write, read back: a fresh agent (so the contacts below are the only ones it has) and a contact.
  const name = `Runtime matrix on ${config.runtime}`;
  const agent = await client.agents.create({ name, isLiveChatEnabled: true });
  const retrievedAgent = await client.agents.retrieve(agent.id);
  const upserted = [];
  for (let i = 1; i <= CONTACTS; i++) {
    const { contactId } = await client.contacts.upsert({
      agentId: agent.id,
      distinctId: `${config.runtime}-${i}`,
      name: `Visitor ${i} on ${config.runtime}`,
      attributes: { runtime: config.runtime },
    });
    upserted.push(contactId);
  }
  const contact = await client.contacts.retrieve(upserted[0]);

  // A list walk: the first page alone, then `for await` over every page (auto-paging).
  const firstPage = await client.contacts.list({ agentId: agent.id, limit: PAGE_SIZE });
  const walked = [];
  for await (const item of client.contacts.list({ agentId: agent.id, limit: PAGE_SIZE })) walked.push(item.id);

  // A streamed answer, aborted after its first delta.
  await client.dataSources.addQA({ agentId: agent.id, question: STREAM_QUESTION, answer: STREAM_ANSWER });
  const controller = new AbortController();
  const stream = await client.messages.stream(
    { agentId: agent.id, question: STREAM_QUESTION },
    { signal: controller.signal },
  );
  let deltas = 0;
  let activeDuring = null;
  let finished = false;
  let abortError = null;
  try {
    for await (const event of stream) {
      if (event.event !== 'delta') continue;
      deltas++;
      if (deltas === 1) {
        activeDuring = await health();
        controller.abort();
      }
    }
    finished = true;
  } catch (error) {
    abortError = {
      ...describeError(error),
      isAPIUserAbortError: error instanceof sdk.APIUserAbortError && sdk.isAPIUserAbortError(error),
    };
  }
  // The emulator stops generating once the client has gone; give it a few seconds on a loaded machine.
  let activeAfter = await health();
  for (let i = 0; i < 100 && activeAfter !== 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    activeAfter = await health();
  }

  // A typed 404: the agent, once deleted, is gone.
  await client.agents.delete(agent.id);
  let notFound = null;
  try {
    await client.agents.retrieve(agent.id);
  } catch (error) {
    notFound = {
      ...describeError(error),
      isNotFoundError: error instanceof sdk.NotFoundError && sdk.isNotFoundError(error),
    };
  }

  return {
    write: {
      agentName: agent.name,
      retrievedAgent: { id: retrievedAgent.id === agent.id, name: retrievedAgent.name },
      contact: { id: contact.id === upserted[0], name: contact.name, attributes: contact.attributes },
    },
    list: {
      upserted,
      firstPage: firstPage.items.length,
      firstPageHasNext: firstPage.hasNextPage(),
      walked,
    },
    stream: { deltas, activeDuring, finished, abortError, activeAfter },
    notFound,
  };
}
