import type { Message, MessageLink, MessageSource, TeamMember } from '@livechatai/core';

/**
 * State of one message: `queued` (sent while another answer was running; goes out after it), `pending` (visitor
 * message sent, not yet confirmed), `streaming`, `done`, `stopped` (cut short by `stop()`), `error` (its request
 * failed).
 */
export type ChatMessageState = 'queued' | 'pending' | 'streaming' | 'done' | 'stopped' | 'error';

/** A message as `useChat` shows it: the visitor (`user`), the AI (`assistant`) or a human team member (`agent`). */
export interface ChatMessage {
  /** A stable key for React: it never changes during the message's life (a stored message's is its server ID). */
  id: string;
  /** The server's message ID, once known. */
  serverId: string | undefined;
  role: 'user' | 'assistant' | 'agent';
  content: string;
  state: ChatMessageState;
  /** The links (knowledge sources with a URL) behind an AI answer. */
  links: MessageLink[];
  /** Knowledge sources behind an AI answer, from the stored conversation (empty while streaming). */
  sources: MessageSource[];
  /** The human team member who wrote it, for `agent` messages. */
  teamMember: TeamMember | null;
  createdAt: string;
}

export function toChatMessage(message: Message): ChatMessage {
  const role = message.role === 'user' ? 'user' : message.role === 'agent' || message.agent ? 'agent' : 'assistant';
  return {
    id: message.id,
    serverId: message.id,
    role,
    content: message.content,
    state: 'done',
    links: message.source.flatMap((s) => (s.link ? [{ link: s.link, type: s.type }] : [])),
    sources: message.source,
    teamMember: message.agent,
    createdAt: message.createdAt,
  };
}

const inFlight = (m: ChatMessage) => m.state === 'queued' || m.state === 'pending' || m.state === 'streaming';

/**
 * Whether a message shown locally without a server ID is the stored message `s`: a question that was stopped or
 * failed is stored under the same text; an answer cut short is stored whole (its shown part is a prefix).
 */
function isStoredAs(m: ChatMessage, s: Message): boolean {
  if (m.serverId !== undefined || (m.state !== 'stopped' && m.state !== 'error')) return false;
  const stored = toChatMessage(s);
  if (stored.role !== m.role) return false;
  return m.role === 'user' ? stored.content === m.content : stored.content.startsWith(m.content);
}

/**
 * Merges the stored conversation (oldest first) into the shown list. Each stored message appears once: a shown
 * message with its server ID (or a stopped/failed one stored under its text) is updated in place and keeps its
 * key; stored messages not shown yet are inserted where the conversation has them; messages still on their way
 * stay at the end; messages the app or `regenerate()` removed (`hidden`) stay out. A stopped answer keeps what
 * the visitor saw; a failed one shows the stored answer (the stream died, the answer did not).
 */
export function reconcile(list: ChatMessage[], stored: Message[], hidden: ReadonlySet<string>): ChatMessage[] {
  const indexOf = new Map(stored.map((s, i) => [s.id, i]));
  const matched = new Map<ChatMessage, number>();
  const claimed = new Set<number>();
  const claim = (m: ChatMessage, k: number) => {
    matched.set(m, k);
    claimed.add(k);
  };
  // First the messages the server has confirmed, by ID (in the conversation's order)...
  let from = 0;
  for (const m of list) {
    const k = m.serverId === undefined ? -1 : (indexOf.get(m.serverId) ?? -1);
    if (k >= from) {
      claim(m, k);
      from = k + 1;
    }
  }
  // ...then a stopped or failed one by its text, only between its confirmed neighbours.
  const nextAnchor: number[] = [];
  let next = stored.length;
  for (const m of [...list].reverse()) {
    nextAnchor.unshift(next);
    next = matched.get(m) ?? next;
  }
  let previous = -1;
  list.forEach((m, i) => {
    const anchored = matched.get(m);
    if (anchored !== undefined) {
      previous = anchored;
      return;
    }
    const end = nextAnchor[i] ?? stored.length;
    const k = stored.findIndex(
      (s, j) => j > previous && j < end && !claimed.has(j) && !hidden.has(s.id) && isStoredAs(m, s),
    );
    if (k !== -1) {
      claim(m, k);
      previous = k;
    }
  });

  const out: ChatMessage[] = [];
  const tail: ChatMessage[] = [];
  let inserted = 0;
  const insertStoredUpTo = (end: number) => {
    stored.slice(inserted, end).forEach((s, j) => {
      if (!claimed.has(inserted + j) && !hidden.has(s.id)) out.push(toChatMessage(s));
    });
    inserted = Math.max(inserted, end);
  };
  for (const m of list) {
    const k = matched.get(m);
    const s = k === undefined ? undefined : stored[k];
    if (k === undefined || !s) {
      (inFlight(m) ? tail : out).push(m);
      continue;
    }
    insertStoredUpTo(k);
    inserted = k + 1;
    const shown = toChatMessage(s);
    out.push(m.state === 'stopped' ? { ...m, serverId: shown.serverId } : inFlight(m) ? m : { ...shown, id: m.id });
  }
  insertStoredUpTo(stored.length);
  return [...out, ...tail];
}
