import { describe, expect, it } from 'vitest';
import { csvRow } from './csv.js';
import {
  colorEnabled,
  displayWidth,
  fitWidths,
  JsonArrayWriter,
  paint,
  project,
  relativeTime,
  renderRecord,
  TableWriter,
  toJson,
  truncate,
} from './output.js';

const rows = [
  { id: 'a1', name: 'Short', ok: true },
  { id: 'b22', name: 'x'.repeat(60), ok: false },
];
const columns = [
  { header: 'id', get: (r: (typeof rows)[number]) => r.id },
  { header: 'name', get: (r: (typeof rows)[number]) => r.name },
  { header: 'ok', get: (r: (typeof rows)[number]) => r.ok },
];
const NOW = Date.parse('2025-03-01T12:00:00Z');

describe('TableWriter', () => {
  it('aligns columns and clips long cells on a terminal', () => {
    const table = new TableWriter(columns, { mode: 'tty', width: 200, paint: paint(false), now: NOW });
    const lines = table.format(rows).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID {3}NAME {46}OK$/);
    expect(lines[1]).toMatch(/^a1 {3}Short {2,}true$/);
    expect(lines[2]).toContain(`${'x'.repeat(47)}…`);
  });

  it('fits the terminal width: the widest column gives way, no line is longer than the terminal', () => {
    const long = [
      { id: 'clx0123456789abcdef', name: 'A support agent for the billing questions of our customers', ok: true },
    ];
    const table = new TableWriter(columns, { mode: 'tty', width: 50, paint: paint(false), now: NOW });
    const lines = table.format(long).trimEnd().split('\n');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(50);
    expect(lines[1]).toBe('clx0123456789abcdef  A support agent for…     true');
    // narrower still: the id gives way too once it would take more than half
    const narrow = new TableWriter(columns, { mode: 'tty', width: 30, paint: paint(false), now: NOW })
      .format(long)
      .trimEnd()
      .split('\n');
    for (const line of narrow) expect(displayWidth(line)).toBeLessThanOrEqual(30);
  });

  it('keeps the widths of the first batch for later batches, header once', () => {
    const table = new TableWriter(columns, { mode: 'tty', width: 80, paint: paint(false), now: NOW });
    const first = table.format(rows.slice(0, 1));
    const second = table.format([{ id: 'c333333', name: 'Later', ok: true }]);
    expect(first.split('\n')[0]).toBe('ID  NAME   OK');
    expect(second).toBe('c…  Later  true\n'); // the first batch set the widths
  });

  it('shows dates relative on a terminal and as they are in a pipe, tab-separated without a header', () => {
    const dated = [{ id: 'a', at: '2025-03-01T11:55:00.000Z' }];
    const cols = [
      { header: 'id', get: (r: (typeof dated)[number]) => r.id },
      { header: 'created', get: (r: (typeof dated)[number]) => r.at },
    ];
    expect(new TableWriter(cols, { mode: 'tty', width: 80, paint: paint(false), now: NOW }).format(dated)).toBe(
      'ID  CREATED\na   5 minutes ago\n',
    );
    expect(new TableWriter(cols, { mode: 'tsv', width: 80, paint: paint(false), now: NOW }).format(dated)).toBe(
      'a\t2025-03-01T11:55:00.000Z\n',
    );
  });
});

describe('truncate and fitWidths', () => {
  it('cuts at a word boundary near the end, else inside the word', () => {
    expect(truncate('Shipping takes three days', 20)).toBe('Shipping takes…');
    expect(truncate('abcdefghijklmnop', 8)).toBe('abcdefg…');
    expect(truncate('short', 8)).toBe('short');
    expect(truncate('日本語のテキスト', 7)).toBe('日本語…');
  });

  it('narrows the widest columns first, never below their minimum', () => {
    expect(fitWidths([10, 50, 5], [2, 4, 2], 80)).toEqual([10, 50, 5]);
    expect(fitWidths([10, 50, 5], [2, 4, 2], 40)).toEqual([10, 25, 5]);
    expect(fitWidths([30, 30], [4, 4], 20)).toEqual([10, 10]);
    expect(fitWidths([30, 30], [12, 12], 20)).toEqual([12, 12]);
  });
});

describe('relativeTime', () => {
  it('says how long ago, or in how long', () => {
    expect(relativeTime('2025-03-01T11:59:50Z', NOW)).toBe('just now');
    expect(relativeTime('2025-03-01T10:00:00Z', NOW)).toBe('2 hours ago');
    expect(relativeTime('2025-02-27T12:00:00Z', NOW)).toBe('2 days ago');
    expect(relativeTime('2025-03-01T12:01:00Z', NOW)).toBe('in 1 minute');
    expect(relativeTime('2024-12-01T12:00:00Z', NOW)).toBe('2024-12-01');
  });
});

describe('renderRecord', () => {
  const opts = { mode: 'tty' as const, now: NOW };
  it('prints nested objects as dotted keys and arrays as JSON', () => {
    expect(renderRecord({ id: 'x', tags: ['a'], n: null }, paint(false), opts)).toBe('id    x\ntags  ["a"]\nn     \n');
    expect(
      renderRecord({ currentPeriod: { total: 3, changes: { total: -12.5 } }, empty: {} }, paint(false), opts),
    ).toBe('currentPeriod.total          3\ncurrentPeriod.changes.total  -12.5\nempty                        {}\n');
  });

  it('adds the relative date on a terminal; tab-separated in a pipe', () => {
    expect(renderRecord({ createdAt: '2025-03-01T10:00:00Z' }, paint(false), opts)).toBe(
      'createdAt  2025-03-01T10:00:00Z (2 hours ago)\n',
    );
    expect(renderRecord({ id: 'x', a: { b: 1 } }, paint(false), { mode: 'tsv', now: NOW })).toBe('id\tx\na.b\t1\n');
  });
});

describe('project and JsonArrayWriter', () => {
  it('keeps only the asked fields, dotted paths nested, missing ones null', () => {
    expect(project([{ id: 1, name: 'a', contact: { name: 'c', x: 1 } }], ['id', 'contact.name', 'nope'])).toEqual([
      { id: 1, contact: { name: 'c' }, nope: null },
    ]);
  });

  it('writes exactly what toJson writes for the whole array', () => {
    for (const items of [[], [{ a: 1, b: { c: [1, 2] } }, 'x', null]]) {
      const w = new JsonArrayWriter();
      expect(items.map((i) => w.item(i)).join('') + w.end()).toBe(toJson(items));
    }
  });
});

describe('colorEnabled', () => {
  it('honours NO_COLOR, --no-color, FORCE_COLOR and TTY', () => {
    expect(colorEnabled({ isTTY: true }, {}, undefined)).toBe(true);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '1' }, undefined)).toBe(false);
    expect(colorEnabled({ isTTY: true }, {}, false)).toBe(false);
    expect(colorEnabled({ isTTY: false }, {}, undefined)).toBe(false);
    expect(colorEnabled({ isTTY: false }, { FORCE_COLOR: '1' }, undefined)).toBe(true);
  });
});

describe('csvRow', () => {
  it('quotes only when needed', () => {
    expect(csvRow(['a', 'b,c', 'say "hi"', 'l1\nl2', null, 3, true, { k: 1 }])).toBe(
      'a,"b,c","say ""hi""","l1\nl2",,3,true,"{""k"":1}"\n',
    );
  });
});
