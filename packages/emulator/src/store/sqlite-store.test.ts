import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store.js';
import type { AgentRow } from './types.js';

const agent = (id: string): AgentRow => ({
  id,
  workspaceId: 'ws_1',
  name: id,
  slug: id,
  isLiveChatEnabled: true,
  isImageSharingEnabled: false,
  language: 'en',
  isArchived: false,
  createdAt: 1,
  updatedAt: 1,
});

describe('SqliteStore.transaction (group commit)', () => {
  it('rolls back only the failing transaction of a batch and settles the others after the commit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcai-store-'));
    const file = join(dir, 'store.db');
    try {
      const store = new SqliteStore({ filename: file });
      const ids = ['a1', 'a2', 'a3', 'a4'];
      // Requested in the same turn of the event loop: they share one BEGIN … COMMIT.
      const results = await Promise.allSettled(
        ids.map((id) =>
          store.transaction(async () => {
            await store.insertAgent(agent(id));
            if (id === 'a3') throw new Error('boom');
            return id;
          }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      // Once acknowledged, a write is committed: a second connection sees it.
      const other = new Database(file, { readonly: true });
      const stored = (other.prepare('SELECT id FROM agents ORDER BY id').all() as { id: string }[]).map((r) => r.id);
      other.close();
      expect(stored).toEqual(['a1', 'a2', 'a4']);
      expect(store.db.inTransaction).toBe(false);
      // A transaction requested later still works.
      await store.transaction(() => store.insertAgent(agent('a5')));
      expect((await store.getAgent('ws_1', 'a5'))?.id).toBe('a5');
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
