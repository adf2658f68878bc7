import { describe, expect, it } from 'vitest';
import { detectFormat, parseCsvRows, parseJsonlRows, recordToFields } from './import-rows.js';

describe('recordToFields', () => {
  it('maps known columns, an attributes JSON column and other columns to attributes', () => {
    expect(
      recordToFields({
        distinct_id: ' u1 ',
        Name: 'Ann',
        email: '',
        attributes: '{"plan":"pro","seats":3}',
        team: 'red',
      }),
    ).toEqual({ fields: { distinctId: 'u1', name: 'Ann', attributes: { plan: 'pro', seats: '3', team: 'red' } } });
  });

  it('maps a country column to the contact field, not to an attribute', () => {
    expect(recordToFields({ distinctId: 'u1', Country: 'DE', plan: 'pro' })).toEqual({
      fields: { distinctId: 'u1', country: 'DE', attributes: { plan: 'pro' } },
    });
  });

  it('names what is wrong', () => {
    expect(recordToFields({ name: 'x' })).toEqual({ error: 'distinctId is missing' });
    expect(recordToFields({ distinctId: 'u', attributes: '{' })).toEqual({ error: 'attributes is not valid JSON' });
    expect(recordToFields({ distinctId: 'u', attributes: '[1]' })).toEqual({
      error: 'attributes must be a JSON object',
    });
  });
});

describe('parseCsvRows', () => {
  it('keeps every row, invalid ones with their error and line', () => {
    const csv =
      'distinctId,name,email,plan\nu1,Ann,ann@example.com,pro\n,NoId,x@example.com,\nu3,"Multi\nLine",,free\nu4,too,many,cols,here\n';
    const rows = parseCsvRows(csv);
    expect(rows.map((r) => [r.row, r.line, r.distinctId, r.error ?? null])).toEqual([
      [1, 2, 'u1', null],
      [2, 3, undefined, 'distinctId is missing'],
      [3, 5, 'u3', null],
      [4, 6, 'u4', 'expected 4 columns, found 5'],
    ]);
    expect(rows[0]?.fields).toEqual({
      distinctId: 'u1',
      name: 'Ann',
      email: 'ann@example.com',
      attributes: { plan: 'pro' },
    });
    expect(rows[2]?.fields).toEqual({ distinctId: 'u3', name: 'Multi\nLine', attributes: { plan: 'free' } });
  });

  it('requires a distinctId column and a readable file', () => {
    expect(() => parseCsvRows('name,email\na,b\n')).toThrow(/no distinctId column/);
    expect(() => parseCsvRows('distinctId\n"unterminated\n')).toThrow(/CSV file cannot be read/);
    expect(parseCsvRows('')).toEqual([]);
  });
});

describe('parseJsonlRows', () => {
  it('parses objects and reports broken lines', () => {
    const rows = parseJsonlRows('{"distinctId":"a","attributes":{"x":1}}\n\nnot json\n[1]\n{"name":"no id"}\n');
    expect(rows.map((r) => [r.row, r.line, r.error ?? null])).toEqual([
      [1, 1, null],
      [2, 3, 'not valid JSON'],
      [3, 4, 'not a JSON object'],
      [4, 5, 'distinctId is missing'],
    ]);
    expect(rows[0]?.fields).toEqual({ distinctId: 'a', attributes: { x: '1' } });
  });
});

describe('detectFormat', () => {
  it('uses the extension or the explicit format', () => {
    expect(detectFormat('a.CSV')).toBe('csv');
    expect(detectFormat('a.ndjson')).toBe('jsonl');
    expect(detectFormat('a.txt', 'jsonl')).toBe('jsonl');
    expect(() => detectFormat('a.txt')).toThrow(/cannot tell the format/);
  });
});
