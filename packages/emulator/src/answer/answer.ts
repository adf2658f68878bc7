// The AI answer of decisions D9: BM25 retrieval (SQLite FTS5) over the agent's data-source chunks,
// then an extractive, deterministic answer from the best-matching chunk.
import type { ChunkHit, MessageSourceRef, Store } from '../store/types.js';
import { contentTerms, ftsQuery, sentences, stem, stemSet, words } from './text.js';

export type ResponseFormat = 'MARKDOWN' | 'PLAIN';

export interface Answer {
  text: string;
  kind: 'answer' | 'greeting' | 'out_of_context';
  sources: MessageSourceRef[];
  links: { link: string; type: string }[];
  /** Content terms of the question (used for the AI suggestion of an unanswered question). */
  terms: string[];
}

export const OUT_OF_CONTEXT_ANSWER =
  "I'm sorry, I don't have information about that in my knowledge base yet. A member of our team can help you with this question.";
const GREETING_ANSWER = 'Hello! How can I help you today?';
const THANKS_ANSWER = "You're welcome! Is there anything else I can help you with?";
const GREETINGS = new Set(['hi', 'hello', 'hey', 'thanks', 'thank', 'ok', 'okay', 'good', 'morning', 'evening']);
/** Words of a pure "thank you" message: answered politely, never flagged as out of context. */
const SMALL_TALK = new Set([
  'great',
  'perfect',
  'awesome',
  'helpful',
  'really',
  'much',
  'works',
  'cool',
  'nice',
  'appreciate',
  'cheers',
  'bye',
  'goodbye',
  'wonderful',
  'excellent',
  'fantastic',
  'lot',
]);

/** A question stem matches a text stem when equal, or when one extends the other ("connect" / "connection"). */
function matches(stem: string, have: Set<string>): boolean {
  if (have.has(stem)) return true;
  if (stem.length < 5) return false;
  for (const h of have) if (h.length >= 5 && (h.startsWith(stem) || stem.startsWith(h))) return true;
  return false;
}

const countMatches = (stems: string[], have: Set<string>): number => stems.filter((s) => matches(s, have)).length;

interface Scored {
  hit: ChunkHit;
  matched: number;
}

function relevant(hits: ChunkHit[], stems: string[]): Scored[] {
  const need = Math.max(1, Math.ceil(stems.length * 0.34));
  const out: Scored[] = [];
  for (const hit of hits) {
    const matched = countMatches(stems, stemSet(`${hit.title} ${hit.text}`));
    if (matched >= need) out.push({ hit, matched });
  }
  return out;
}

function extract(hit: ChunkHit, stems: string[]): string {
  if (hit.source === 'QA') {
    const m = /\nA:\s*([\s\S]*)$/.exec(hit.text);
    if (m?.[1]) return m[1].trim();
  }
  const text = hit.text.replace(/\s+/g, ' ').trim();
  if (text.length <= 200) return text;
  const ranked = sentences(hit.text).map((s, i) => {
    return { s, i, score: countMatches(stems, new Set(words(s).map(stem))) };
  });
  const max = Math.max(0, ...ranked.map((r) => r.score));
  // The best-matching sentences (at most two, in text order).
  const best = ranked.filter((r) => max > 0 && r.score === max).slice(0, 2);
  return best.length ? best.map((r) => r.s).join(' ') : text.slice(0, 320);
}

export async function answerQuestion(
  store: Store,
  workspaceId: string,
  agentId: string,
  question: string,
  format: ResponseFormat,
): Promise<Answer> {
  const terms = contentTerms(question);
  if (terms.length > 0 && terms.every((t) => SMALL_TALK.has(t))) {
    return { text: THANKS_ANSWER, kind: 'greeting', sources: [], links: [], terms };
  }
  if (terms.length === 0) {
    const greeting = words(question).some((w) => GREETINGS.has(w));
    return {
      text: greeting ? GREETING_ANSWER : OUT_OF_CONTEXT_ANSWER,
      kind: greeting ? 'greeting' : 'out_of_context',
      sources: [],
      links: [],
      terms,
    };
  }
  const stems = [...new Set(terms.map(stem))];
  const hits = await store.searchChunks(workspaceId, agentId, ftsQuery(terms), 12);
  const scored = relevant(hits, stems).sort((a, b) => b.matched - a.matched || a.hit.score - b.hit.score);
  const best = scored[0];
  if (!best) return { text: OUT_OF_CONTEXT_ANSWER, kind: 'out_of_context', sources: [], links: [], terms };

  const used: Scored[] = [];
  for (const s of scored) {
    if (!used.some((u) => u.hit.dataSourceId === s.hit.dataSourceId)) used.push(s);
    if (used.length === 3) break;
  }
  const sources: MessageSourceRef[] = used.map((u, rank) => ({
    id: `src_${u.hit.dataSourceId.replace(/^ds_/, '')}`,
    type: u.hit.source,
    link: u.hit.url,
    distance: Number((0.05 + 0.9 * (1 - u.matched / stems.length) + rank * 0.01).toFixed(4)),
  }));
  const links = used.flatMap((u) =>
    u.hit.source === 'WEBSITE' && u.hit.url ? [{ link: u.hit.url, type: 'WEBSITE' }] : [],
  );

  const body = extract(best.hit, stems);
  let text: string;
  if (format === 'MARKDOWN') {
    text = `**${best.hit.title}**\n\n${body}`;
    if (best.hit.url) text += `\n\n[Read more](${best.hit.url})`;
  } else {
    text = body;
  }
  return { text, kind: 'answer', sources, links, terms };
}
