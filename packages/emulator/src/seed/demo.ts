import type { Store } from '../store/types.js';

export async function seedDemo(store: Store, workspaceId: string, now: number): Promise<void> {
  void store;
  void workspaceId;
  void now;
  return Promise.resolve();
}
