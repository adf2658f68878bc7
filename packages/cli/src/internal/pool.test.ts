import { describe, expect, it } from 'vitest';
import { runPool } from './pool.js';

describe('runPool', () => {
  it('never runs more than the limit at once and runs every item', async () => {
    let active = 0;
    let peak = 0;
    const seen: number[] = [];
    await runPool(
      Array.from({ length: 50 }, (_, i) => i),
      4,
      async (i) => {
        active += 1;
        peak = Math.max(peak, active);
        await new Promise((r) => setImmediate(r));
        seen.push(i);
        active -= 1;
      },
    );
    expect(peak).toBe(4);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('stops scheduling when the signal is aborted', async () => {
    const controller = new AbortController();
    let ran = 0;
    await runPool(
      Array.from({ length: 20 }, (_, i) => i),
      2,
      async (i) => {
        ran += 1;
        if (i === 3) controller.abort();
        await Promise.resolve();
      },
      controller.signal,
    );
    expect(ran).toBeLessThan(20);
  });
});
