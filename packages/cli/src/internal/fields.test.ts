import { describe, expect, it } from 'vitest';
import { buildFields, fieldsAsQuery } from './fields.js';

const stdin = (): Promise<string> => Promise.resolve('from stdin\n');

describe('buildFields', () => {
  it('builds strings with -f and typed values with -F, nesting keys like gh', async () => {
    expect(
      await buildFields(
        ['agentId=a1', 'attributes[plan]=pro', 'ids[]=d1', 'ids[]=d2', 'note=a=b'],
        ['limit=10', 'ok=true', 'gone=null', 'ratio=0.5', 'text=@-', 'id=007'],
        stdin,
      ),
    ).toEqual({
      agentId: 'a1',
      attributes: { plan: 'pro' },
      ids: ['d1', 'd2'],
      note: 'a=b',
      limit: 10,
      ok: true,
      gone: null,
      ratio: 0.5,
      text: 'from stdin',
      id: '007',
    });
  });

  it('refuses what cannot be a parameter', async () => {
    await expect(buildFields(['novalue'], [], stdin)).rejects.toThrow(/expects key=value/);
    await expect(buildFields(['a[=x'], [], stdin)).rejects.toThrow(/invalid field name/);
    await expect(buildFields(['a=x', 'a[b]=y'], [], stdin)).rejects.toThrow(/conflicts/);
    await expect(buildFields([], ['f=@/no/such/file'], stdin)).rejects.toThrow(/cannot read/);
  });
});

describe('fieldsAsQuery', () => {
  it('keeps scalars and arrays of scalars, refuses objects', () => {
    expect(fieldsAsQuery({ a: 'x', n: 2, list: ['p', 'q'], none: null })).toEqual({ a: 'x', n: 2, list: ['p', 'q'] });
    expect(() => fieldsAsQuery({ o: { k: 'v' } })).toThrow(/cannot hold an object/);
  });
});
