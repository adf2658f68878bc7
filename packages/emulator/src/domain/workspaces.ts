import { hashKey, newApiKey, newId } from '../internal/ids.js';
import type { Store } from '../store/types.js';

export async function createWorkspace(
  store: Store,
  opts: { name?: string | undefined; now: number; apiKey?: string | undefined },
): Promise<{ workspaceId: string; apiKey: string }> {
  const workspaceId = newId('ws');
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
