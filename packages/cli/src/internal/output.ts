// Human tables on a TTY, JSON / NDJSON for machines; colour only on a TTY and never with NO_COLOR.
import type { Writable } from 'node:stream';

export interface OutputOptions {
  json: boolean;
  color: boolean;
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean };
}

export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export interface Paint {
  bold: (s: string) => string;
  dim: (s: string) => string;
  red: (s: string) => string;
  green: (s: string) => string;
  cyan: (s: string) => string;
}

export function paint(enabled: boolean): Paint {
  const wrap =
    (open: number, close: number) =>
    (s: string): string =>
      enabled ? `\u001b[${String(open)}m${s}\u001b[${String(close)}m` : s;
  return { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), cyan: wrap(36, 39) };
}

/** A column of a human table: a header and how to read the cell from an item. */
export interface Column<T> {
  header: string;
  get: (item: T) => unknown;
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

const MAX_CELL = 48;

function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, Math.max(1, width - 1))}…` : flat;
}

/** Renders rows as an aligned text table (no borders); long cells are clipped with "…". */
export function renderTable<T>(items: readonly T[], columns: readonly Column<T>[], p: Paint): string {
  const cells = items.map((item) => columns.map((c) => clip(cellText(c.get(item)), MAX_CELL)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i]?.length ?? 0)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const header = p.bold(line(columns.map((c) => c.header.toUpperCase())));
  return [header, ...cells.map(line)].join('\n') + '\n';
}

function flatten(record: Record<string, unknown>, prefix: string, out: [string, unknown][], depth: number): void {
  for (const [key, value] of Object.entries(record)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && depth < 3 && Object.keys(value).length > 0) {
      flatten(value as Record<string, unknown>, name, out, depth + 1);
    } else out.push([name, value]);
  }
}

/** Renders one object as "key  value" lines; nested objects as dotted keys, arrays as compact JSON. */
export function renderRecord(record: Record<string, unknown>, p: Paint): string {
  const entries: [string, unknown][] = [];
  flatten(record, '', entries, 0);
  const width = Math.max(0, ...entries.map(([k]) => k.length));
  return (
    entries
      .map(([k, v]) => {
        const text = typeof v === 'object' && v !== null ? JSON.stringify(v) : cellText(v);
        return `${p.bold(k.padEnd(width))}  ${text}`;
      })
      .join('\n') + '\n'
  );
}

/** Stable JSON: two-space indented, one trailing newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function toNdjsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/** Writes and resolves once the chunk is flushed (or immediately when buffered), honouring back-pressure. */
export function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = stream.write(text, (error) => {
      if (error) reject(error);
    });
    if (ok) resolve();
    else stream.once('drain', resolve);
  });
}
