import { hashKey, newApiKey, newId } from '../internal/ids.js';
import type { Store } from '../store/types.js';

export async function createWorkspace(
  store: Store,
  opts: { name?: string | undefined; now: number; apiKey?: string | undefined },
): Promise<{ workspaceId: string; apiKey: string }> {
  // A workspace made for a given key gets an id derived from it, so a fixed key gives stable ids (e.g. of the demo seed).
  const workspaceId = opts.apiKey === undefined ? newId('ws') : `ws_${hashKey(opts.apiKey).slice(0, 20)}`;
  const ownerId = newId('user');
  await store.createWorkspace(
    { id: workspaceId, name: opts.name ?? 'My workspace', createdAt: opts.now },
    { id: ownerId, workspaceId, name: 'Workspace Owner', email: 'owner@example.com', avatar: '', isOwner: true },
  );
  const apiKey = opts.apiKey ?? newApiKey();
  await store.addApiKey({ keyHash: hashKey(apiKey), workspaceId, readOnly: false, createdAt: opts.now });
  return { workspaceId, apiKey };
}

export async function mintKey(store: Store, workspaceId: string, readOnly: boolean, now: number): Promise<string> {
  const apiKey = newApiKey();
  await store.addApiKey({ keyHash: hashKey(apiKey), workspaceId, readOnly, createdAt: now });
  return apiKey;
}
