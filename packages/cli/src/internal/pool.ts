// Bounded concurrency: runs `worker` over an (async) iterable with at most `limit` calls in flight.
export async function runPool<T>(
  items: AsyncIterable<T> | Iterable<T>,
  limit: number,
  worker: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  for await (const item of items) {
    if (signal?.aborted) break;
    const task = worker(item).finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
}
