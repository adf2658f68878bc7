// How long the event loop was blocked while something ran: the emulator runs in this process, so a request
// handler that spins synchronously shows up as a timer that fires late. This measures blocking, not speed:
// an async wait (I/O, timers) does not count.
import { monitorEventLoopDelay } from 'node:perf_hooks';

export async function maxLoopBlockMs<T>(fn: () => Promise<T>): Promise<{ result: T; maxBlockMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  try {
    const result = await fn();
    // let the monitor's timer observe the last turn of the loop
    await new Promise((resolve) => setTimeout(resolve, 25));
    return { result, maxBlockMs: histogram.max / 1e6 };
  } finally {
    histogram.disable();
  }
}
