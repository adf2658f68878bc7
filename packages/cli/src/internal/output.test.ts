import { describe, expect, it } from 'vitest';
import { csvRow } from './csv.js';
import { colorEnabled, paint, renderRecord, renderTable } from './output.js';

describe('renderTable', () => {
  it('aligns columns and clips long cells', () => {
    const out = renderTable(
      [
        { id: 'a1', name: 'Short', ok: true },
        { id: 'b22', name: 'x'.repeat(60), ok: false },
      ],
      [
        { header: 'id', get: (r) => r.id },
        { header: 'name', get: (r) => r.name },
        { header: 'ok', get: (r) => r.ok },
      ],
      paint(false),
    );
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID {3}NAME {46}OK$/);
    expect(lines[1]).toMatch(/^a1 {3}Short {2,}true$/);
    expect(lines[2]).toContain(`${'x'.repeat(47)}…`);
  });
});

describe('renderRecord', () => {
  it('prints nested objects as dotted keys and arrays as JSON', () => {
    expect(renderRecord({ id: 'x', tags: ['a'], n: null }, paint(false))).toBe('id    x\ntags  ["a"]\nn     \n');
    expect(renderRecord({ currentPeriod: { total: 3, changes: { total: -12.5 } }, empty: {} }, paint(false))).toBe(
      'currentPeriod.total          3\ncurrentPeriod.changes.total  -12.5\nempty                        {}\n',
    );
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
