// Human tables on a TTY (fitted to the terminal width), tab-separated text in pipes, JSON / NDJSON for
// machines; colour only on a TTY and never with NO_COLOR.
import type { Writable } from 'node:stream';

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

// eslint-disable-next-line no-control-regex -- ANSI escape sequences
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** Terminal columns a code point takes: 0 for combining marks, 2 for East Asian wide characters and emoji. */
function charWidth(cp: number): number {
  if (cp < 0x300) return cp < 0x20 ? 0 : 1;
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** How many terminal columns `text` takes (ANSI escapes ignored). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of stripAnsi(text)) width += charWidth(ch.codePointAt(0) ?? 0);
  return width;
}

/** The longest prefix of `text` that fits in `width` columns. */
function fitPrefix(text: string, width: number): string {
  let used = 0;
  let out = '';
  for (const ch of text) {
    const w = charWidth(ch.codePointAt(0) ?? 0);
    if (used + w > width) break;
    used += w;
    out += ch;
  }
  return out;
}

/**
 * Shortens one line of text to `width` columns, ending it with "…". A cut falls at a word boundary when one is
 * near the end, so a word is never split where it can be helped.
 */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 1) return width === 1 ? '…' : '';
  const head = fitPrefix(text, width - 1);
  const space = head.lastIndexOf(' ');
  const cut = space >= Math.ceil(head.length * 0.6) ? head.slice(0, space).trimEnd() : head;
  return `${cut}…`;
}

/** Pads `text` with spaces to `width` terminal columns. */
function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Column widths that fit `available` columns: every column keeps its natural width when all fit; otherwise the
 * widest columns are narrowed first (to one common cap), never below `minimum` (the header, at most 8).
 */
export function fitWidths(natural: readonly number[], minimum: readonly number[], available: number): number[] {
  const total = (cap: number): number =>
    natural.reduce((sum, w, i) => sum + Math.min(w, Math.max(cap, minimum[i] ?? 0)), 0);
  if (total(Infinity) <= available) return [...natural];
  let lo = 0;
  let hi = Math.max(0, ...natural);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (total(mid) <= available) lo = mid;
    else hi = mid - 1;
  }
  return natural.map((w, i) => Math.min(w, Math.max(lo, minimum[i] ?? 0)));
}

const MAX_CELL = 48;
const GAP = '  ';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value) && Number.isFinite(Date.parse(value));
}

/** "just now", "5 minutes ago", "in 2 hours", "3 days ago"; beyond 30 days the date itself (YYYY-MM-DD). */
export function relativeTime(iso: string, now: number): string {
  const then = Date.parse(iso);
  const seconds = Math.round((now - then) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  const units: [number, string][] = [
    [60, 'minute'],
    [3600, 'hour'],
    [86_400, 'day'],
  ];
  if (abs >= 30 * 86_400) return iso.slice(0, 10);
  let chosen: [number, string] = units[0] ?? [60, 'minute'];
  for (const unit of units) if (abs >= unit[0] * 0.75) chosen = unit;
  const n = Math.max(1, Math.round(abs / chosen[0]));
  const label = `${String(n)} ${chosen[1]}${n === 1 ? '' : 's'}`;
  return seconds >= 0 ? `${label} ago` : `in ${label}`;
}

export type TableMode = 'tty' | 'tsv';

export interface TableOptions {
  mode: TableMode;
  /** Terminal width (tty mode). */
  width: number;
  paint: Paint;
  /** For relative dates (tty mode). */
  now: number;
}

const oneLine = (text: string): string => text.replace(/[\t\r\n]+/g, ' ');

/**
 * Writes rows as they arrive. On a terminal: an aligned table whose column widths are measured on the first
 * batch and fitted to the terminal width (cells cut with "…", rows never wrap), dates shown relative. In a pipe:
 * tab-separated values, no header, nothing cut.
 */
export class TableWriter<T> {
  private widths: number[] | undefined;
  constructor(
    private readonly columns: readonly Column<T>[],
    private readonly options: TableOptions,
  ) {}

  private cell(item: T, column: Column<T>): string {
    const value = column.get(item);
    if (this.options.mode === 'tsv') return oneLine(cellText(value));
    const text = isIsoDate(value) ? relativeTime(value, this.options.now) : cellText(value);
    return oneLine(text).replace(/\s+/g, ' ');
  }

  /** The text of one batch of rows (the header comes with the first batch on a terminal). */
  format(items: readonly T[]): string {
    const rows = items.map((item) => this.columns.map((c) => this.cell(item, c)));
    if (this.options.mode === 'tsv') return rows.map((r) => `${r.join('\t')}\n`).join('');
    let out = '';
    if (this.widths === undefined) {
      const headers = this.columns.map((c) => c.header.toUpperCase());
      const natural = headers.map((h, i) =>
        Math.max(displayWidth(h), ...rows.map((r) => Math.min(MAX_CELL, displayWidth(r[i] ?? '')))),
      );
      const available = this.options.width - GAP.length * (this.columns.length - 1);
      // the first column (the id) stays whole while it takes at most half the width: a cut id is of no use
      const minimum = headers.map((h, i) =>
        i === 0 && (natural[0] ?? 0) <= available / 2
          ? (natural[0] ?? 0)
          : Math.min(natural[i] ?? 0, Math.max(3, Math.min(8, displayWidth(h)))),
      );
      this.widths = fitWidths(natural, minimum, available);
      out += this.options.paint.bold(this.line(headers)) + '\n';
    }
    for (const row of rows) out += `${this.line(row)}\n`;
    return out;
  }

  private line(cells: readonly string[]): string {
    const widths = this.widths ?? [];
    const text = cells
      .map((cell, i) => {
        const fitted = truncate(cell, widths[i] ?? 0);
        return i === cells.length - 1 ? fitted : pad(fitted, widths[i] ?? 0);
      })
      .join(GAP)
      .trimEnd();
    return truncate(text, this.options.width);
  }
}

function flatten(record: Record<string, unknown>, prefix: string, out: [string, unknown][], depth: number): void {
  for (const [key, value] of Object.entries(record)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      depth < 3 &&
      Object.keys(value).length > 0
    ) {
      flatten(value as Record<string, unknown>, name, out, depth + 1);
    } else out.push([name, value]);
  }
}

/**
 * Renders one object as "key  value" lines (tab-separated in a pipe); nested objects as dotted keys, arrays as
 * compact JSON. On a terminal a date also says how long ago it was.
 */
export function renderRecord(
  record: Record<string, unknown>,
  p: Paint,
  options: { mode: TableMode; now: number },
): string {
  const entries: [string, unknown][] = [];
  flatten(record, '', entries, 0);
  if (options.mode === 'tsv') return entries.map(([k, v]) => `${k}\t${oneLine(cellText(v))}\n`).join('');
  const width = Math.max(0, ...entries.map(([k]) => k.length));
  return (
    entries
      .map(([k, v]) => {
        const text = isIsoDate(v) ? `${v} ${p.dim(`(${relativeTime(v, options.now)})`)}` : cellText(v);
        return `${p.bold(k.padEnd(width))}  ${text}`;
      })
      .join('\n') + '\n'
  );
}

/** Keeps only `fields` of an object (dotted paths reach into nested objects); a missing field is null. */
export function project(value: unknown, fields: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => project(v, fields));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const parts = field.split('.');
    let source: unknown = value;
    for (const part of parts)
      source = typeof source === 'object' && source !== null ? (source as Record<string, unknown>)[part] : undefined;
    let target = out;
    parts.slice(0, -1).forEach((part) => {
      const next = target[part];
      target = (target[part] = typeof next === 'object' && next !== null ? next : {}) as Record<string, unknown>;
    });
    target[parts[parts.length - 1] ?? field] = source === undefined ? null : source;
  }
  return out;
}

/** Whether `field` (a dotted path) exists in `value`. */
export function hasField(value: unknown, field: string): boolean {
  let source: unknown = value;
  for (const part of field.split('.')) {
    if (typeof source !== 'object' || source === null || !(part in source)) return false;
    source = (source as Record<string, unknown>)[part];
  }
  return true;
}

/** Stable JSON: two-space indented, one trailing newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function toNdjsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/**
 * Writes a JSON array one element at a time, byte for byte what `toJson(array)` gives, so a long list is
 * printed while its pages arrive.
 */
export class JsonArrayWriter {
  private count = 0;
  item(value: unknown): string {
    const body = JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
    return `${this.count++ === 0 ? '[\n' : ',\n'}  ${body}`;
  }
  end(): string {
    return this.count === 0 ? '[]\n' : '\n]\n';
  }
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
