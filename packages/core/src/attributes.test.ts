import { describe, expect, it } from 'vitest';
import { attributeMap, withAttributeMap } from './attributes.js';

describe('contact attributes', () => {
  it('turns the {key, value}[] form into a map and keeps a map as it is', () => {
    expect(
      attributeMap([
        { key: 'plan', value: 'pro' },
        { key: 'tier', value: '2' },
      ]),
    ).toEqual({ plan: 'pro', tier: '2' });
    expect(attributeMap({ plan: 'pro' })).toEqual({ plan: 'pro' });
    expect(attributeMap(undefined)).toEqual({});
    expect(attributeMap(null)).toEqual({});
  });

  it('normalises an item’s own attributes, or its embedded contact’s, without mutating it', () => {
    const contact = { id: 'c', attributes: [{ key: 'plan', value: 'pro' }] };
    expect(withAttributeMap(contact)).toEqual({ id: 'c', attributes: { plan: 'pro' } });
    expect(contact.attributes).toEqual([{ key: 'plan', value: 'pro' }]);
    const summary = { id: 'chat', contact: { id: 'c', attributes: [{ key: 'a', value: 'b' }] } };
    expect(withAttributeMap(summary)).toEqual({ id: 'chat', contact: { id: 'c', attributes: { a: 'b' } } });
    const noContact = { id: 'chat', contact: null };
    expect(withAttributeMap(noContact)).toBe(noContact);
  });
});
