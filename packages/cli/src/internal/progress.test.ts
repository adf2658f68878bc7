import { describe, expect, it } from 'vitest';
import { ProgressBar } from './progress.js';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, s: { isTTY, columns: 80, write: (c: string) => chunks.push(c) > 0 } };
}

describe('ProgressBar', () => {
  it('draws on a TTY and ends with a newline', () => {
    const { chunks, s } = stream(true);
    const bar = new ProgressBar(s, 'importing', 4);
    bar.update(1, 'created 1');
    bar.update(4, 'created 4');
    bar.finish();
    expect(chunks[0]).toBe('\r\u001b[2Kimporting [######------------------] 1/4 25%  created 1');
    expect(chunks.at(-2)).toBe('\r\u001b[2Kimporting [########################] 4/4 100%  created 4');
    expect(chunks.at(-1)).toBe('\n');
  });

  it('draws nothing when the stream is not a TTY', () => {
    const { chunks, s } = stream(false);
    const bar = new ProgressBar(s, 'exporting');
    bar.update(3);
    bar.finish();
    expect(chunks).toEqual([]);
  });
});
