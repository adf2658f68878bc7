// A small deterministic lexicon classifier for conversation sentiment and topic (decisions D11).
import type { Sentiment } from '../store/types.js';
import { stem, words } from './text.js';

const POSITIVE = new Set(
  'thank thanks great awesome love excellent perfect helpful amazing good nice wonderful appreciate happy glad fantastic works solved brilliant cool'
    .split(' ')
    .map(stem),
);
const NEGATIVE = new Set(
  'bad terrible awful angry hate broken bug problem issue error wrong fail failed failing refund cancel slow worst disappointed frustrated annoying useless complaint charged crash unable cannot'
    .split(' ')
    .map(stem),
);

export function classifySentiment(texts: string[]): Sentiment {
  let score = 0;
  let hits = 0;
  for (const text of texts) {
    for (const w of words(text).map(stem)) {
      if (POSITIVE.has(w)) {
        score++;
        hits++;
      } else if (NEGATIVE.has(w)) {
        score--;
        hits++;
      }
    }
  }
  if (hits === 0) return texts.some((t) => words(t).length >= 3) ? 'NEUTRAL' : 'UNSPECIFIED';
  if (score > 0) return 'POSITIVE';
  if (score < 0) return 'NEGATIVE';
  return 'NEUTRAL';
}

/** Topic names as shown in analytics; the conversation-list `topic` filter matches them case-insensitively. */
const TOPICS: [string, string[]][] = [
  ['Billing', ['bill', 'invoice', 'charge', 'refund', 'payment', 'card', 'receipt', 'subscription']],
  ['Pricing', ['price', 'pricing', 'cost', 'plan', 'discount', 'cheap', 'expensive', 'trial', 'quote']],
  ['Shipping', ['ship', 'shipping', 'delivery', 'deliver', 'track', 'package', 'order', 'courier']],
  ['Account', ['account', 'login', 'password', 'sign', 'email', 'profile', 'username', 'reset']],
  ['Integrations', ['integration', 'integrate', 'api', 'webhook', 'slack', 'whatsapp', 'zapier', 'shopify']],
  ['Features', ['feature', 'support', 'can', 'able', 'export', 'import', 'language', 'customize']],
  ['Technical', ['error', 'bug', 'crash', 'broken', 'slow', 'install', 'setup', 'configure']],
];
const TOPIC_STEMS = TOPICS.map(([name, kws]) => [name, new Set(kws.map(stem))] as const);

export function classifyTopic(texts: string[]): string | null {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const w of words(text).map(stem)) {
      for (const [name, kws] of TOPIC_STEMS) if (kws.has(w)) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [name] of TOPICS) {
    const n = counts.get(name) ?? 0;
    if (n > bestCount) {
      best = name;
      bestCount = n;
    }
  }
  return best;
}
