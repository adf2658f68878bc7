import { describe, expect, it } from 'vitest';
import { classifySentiment, classifyTopic } from './classify.js';
import { contentTerms, ftsQuery, stem } from './text.js';
import { chunkText } from './chunk.js';
import { answerQuestion } from './answer.js';
import { SqliteStore } from '../store/sqlite-store.js';
import { parseFault } from '../server/faults.js';

describe('text helpers', () => {
  it('keeps content words and quotes FTS terms', () => {
    expect(contentTerms('What are your business hours?')).toEqual(['business', 'hours']);
    expect(ftsQuery(['a"b', 'c'])).toBe('"a""b" OR "c"');
    for (const [a, b] of [
      ['prices', 'price'],
      ['pricing', 'price'],
      ['shipping', 'ship'],
      ['shipped', 'ship'],
      ['boxes', 'box'],
      ['deliveries', 'delivery'],
      ['hours', 'hour'],
    ]) {
      expect(stem(a!), `${a} ~ ${b}`).toBe(stem(b!));
    }
    expect(stem('class')).toBe('class');
  });

  it('chunks long text on sentence bounds and keeps Q&A whole', () => {
    const long = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} talks about topic ${i}.`).join(' ');
    const chunks = chunkText(long, 'TEXT');
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.length <= 700)).toBe(true);
    expect(chunks.join(' ').replace(/\s+/g, ' ')).toBe(long);
    expect(chunkText('Q: a?\n\nA: b', 'QA')).toEqual(['Q: a?\n\nA: b']);
    expect(chunkText('   ', 'TEXT')).toEqual([]);
  });
});

describe('classifier', () => {
  it('labels sentiment and topic deterministically', () => {
    expect(classifySentiment(['Thanks, this is great!'])).toBe('POSITIVE');
    expect(classifySentiment(['My order is broken and I want a refund'])).toBe('NEGATIVE');
    expect(classifySentiment(['What time is it in Paris'])).toBe('NEUTRAL');
    expect(classifySentiment(['?'])).toBe('UNSPECIFIED');
    expect(classifyTopic(['I was charged twice on my invoice'])).toBe('Billing');
    expect(classifyTopic(['Where is my package delivery?'])).toBe('Shipping');
    expect(classifyTopic(['hmm'])).toBeNull();
  });
});

describe('parseFault', () => {
  it('parses directives and rejects unknown ones', () => {
    expect(parseFault('status=503; count=2; retry-after=1')).toMatchObject({
      status: 503,
      count: 2,
      retryAfter: 1,
      afterWrite: false,
    });
    expect(parseFault('after-write;reset')).toMatchObject({ reset: true, afterWrite: true });
    expect(parseFault('stall-after=3')).toMatchObject({ stallAfter: 3, status: undefined });
    expect(() => parseFault('status=200')).toThrow(/between 400 and 599/);
    expect(() => parseFault('after-write')).toThrow(/after-write/);
    expect(() => parseFault('boom')).toThrow(/unknown directive/);
  });
});

describe('answerQuestion', () => {
  it('finds the fact across word forms and says so when nothing matches', async () => {
    const store = new SqliteStore({ filename: ':memory:' });
    const base = {
      workspaceId: 'ws_1',
      agentId: 'a1',
      url: null,
      status: 'COMPLETED' as const,
      error: null,
      isGeneratedByAI: false,
      relatedMessageId: null,
      createdAt: 1,
      updatedAt: 1,
    };
    const text =
      'Our office has a rooftop garden. The connection password for the guest network is BLUE-HERON-42. Parking is free.';
    await store.insertDataSource(
      { ...base, id: 'ds_1', source: 'TEXT', title: 'Office', content: text },
      chunkText(text, 'TEXT'),
    );
    const other = 'Refunds are possible within 30 days.';
    await store.insertDataSource(
      { ...base, id: 'ds_2', source: 'TEXT', title: 'Refunds', content: other },
      chunkText(other, 'TEXT'),
    );
    const hit = await answerQuestion(
      store,
      'ws_1',
      'a1',
      'How do I get connected to the guest network? What password?',
      'PLAIN',
    );
    expect(hit.kind).toBe('answer');
    expect(hit.text).toContain('BLUE-HERON-42');
    expect(hit.sources[0]).toMatchObject({ id: 'src_1', type: 'TEXT', link: null });
    const miss = await answerQuestion(store, 'ws_1', 'a1', 'Which volcano erupted in 1883?', 'MARKDOWN');
    expect(miss.kind).toBe('out_of_context');
    const elsewhere = await answerQuestion(store, 'ws_2', 'a1', 'What is the guest network password?', 'PLAIN');
    expect(elsewhere.kind).toBe('out_of_context');
    await store.close();
  });
});
