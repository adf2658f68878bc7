import { describe, expect, it } from 'vitest';
import { formatDuration, ProgressBar } from './progress.js';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, s: { isTTY, columns: 120, write: (c: string) => chunks.push(c) > 0 } };
}

describe('ProgressBar', () => {
  it('draws on a TTY with the rate and the time left, and ends with a newline', () => {
    const { chunks, s } = stream(true);
    let now = 1_000_000;
    const bar = new ProgressBar(s, 'importing', 40, () => now);
    now += 2000;
    bar.update(10, 'created 10');
    now += 2000;
    bar.update(40, 'created 40');
    bar.finish();
    // 10 rows in 2 s: 5/s, 30 left → 6 s
    expect(chunks[0]).toBe('\r\u001b[2Kimporting [######------------------] 10/40 25%  5.0/s  ETA 0:06  created 10');
    expect(chunks.at(-2)).toBe('\r\u001b[2Kimporting [########################] 40/40 100%  10.0/s  created 40');
    expect(chunks.at(-1)).toBe('\n');
  });

  it('shows the rate without a total', () => {
    const { chunks, s } = stream(true);
    let now = 0;
    const bar = new ProgressBar(s, 'exporting', undefined, () => now);
    now += 4000;
    bar.update(1000);
    expect(chunks[0]).toBe('\r\u001b[2Kexporting 1000  250/s');
  });

  it('draws nothing when the stream is not a TTY', () => {
    const { chunks, s } = stream(false);
    const bar = new ProgressBar(s, 'exporting');
    bar.update(3);
    bar.finish();
    expect(chunks).toEqual([]);
  });

  it('formats durations', () => {
    expect(formatDuration(6)).toBe('0:06');
    expect(formatDuration(725)).toBe('12:05');
    expect(formatDuration(3723)).toBe('1:02:03');
  });
});
