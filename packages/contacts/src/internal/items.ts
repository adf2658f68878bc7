import { unwrapEnvelope } from '@livechatai/core';

/**
 * The items of a list response, in either envelope: `data` itself when it is the array (agents, contacts), else
 * `data[key]` (e.g. `data.conversations`), falling back to `data.items` and `data.data` (a generic envelope around
 * a documented top-level list).
 */
export function itemsAt(json: unknown, key: string): unknown[] {
  const data = unwrapEnvelope(json);
  if (Array.isArray(data)) return data;
  const box = (data ?? {}) as Record<string, unknown>;
  const items = box[key] ?? box.items ?? box.data;
  return Array.isArray(items) ? items : [];
}
