import type { ContactAttributes } from './models/index.js';

/** The API sends attributes as a map in most places but as `{ key, value }[]` on contact retrieve; always a map. */
export function attributeMap(value: unknown): ContactAttributes {
  if (!Array.isArray(value)) return (value ?? {}) as ContactAttributes;
  const map: ContactAttributes = {};
  for (const pair of value as { key: string; value: string }[]) map[pair.key] = pair.value;
  return map;
}

/** Returns the object with its `attributes` (or its `contact.attributes`) converted to a map. */
export function withAttributeMap<T extends { attributes?: unknown; contact?: unknown }>(item: T): T {
  if ('attributes' in item) return { ...item, attributes: attributeMap(item.attributes) };
  const contact = item.contact as { attributes?: unknown } | null | undefined;
  return contact ? { ...item, contact: { ...contact, attributes: attributeMap(contact.attributes) } } : item;
}
