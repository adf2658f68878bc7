import { describe, expect, it } from 'vitest';
import { SSEParser } from './sse.js';
import type { SSEMessage } from './sse.js';

function parseIn(pieces: string[]): SSEMessage[] {
  const p = new SSEParser();
  const out: SSEMessage[] = [];
  for (const piece of pieces) p.push(piece, out);
  return p.end(out);
}
const bytes = (s: string) => s.split(''); // ASCII only

describe('SSEParser', () => {
  const wire =
    ': ping\n\n' +
    'id: 7\nevent: delta\ndata: {"text":"a"}\n\n' +
    'event: done\ndata: line one\ndata: line two\ndata:\ndata:  indented\n\n' +
    'retry: 100\nunknown: x\ndata:no-space\n\n';
  const expected: SSEMessage[] = [
    { event: 'delta', data: '{"text":"a"}', id: '7' },
    { event: 'done', data: 'line one\nline two\n\n indented', id: '7' },
    { event: 'message', data: 'no-space', id: '7' },
  ];

  it('parses events, multi-line data, comments, ids (sticky), unknown fields', () => {
    expect(parseIn([wire])).toEqual(expected);
  });

  it('gives the same result fed one character at a time, with LF, CRLF or CR line ends', () => {
    expect(parseIn(bytes(wire))).toEqual(expected);
    expect(parseIn(bytes(wire.replaceAll('\n', '\r\n')))).toEqual(expected);
    expect(parseIn(bytes(wire.replaceAll('\n', '\r')))).toEqual(expected);
    expect(parseIn(wire.replaceAll('\n', '\r\n').split('\n'))).toEqual(expected);
  });

  it('does not dispatch an event without data, and delivers a final event lacking its blank line', () => {
    expect(parseIn(['event: delta\n\n', ': only a comment\n\n'])).toEqual([]);
    expect(parseIn(['event: done\ndata: {"x":1}'])).toEqual([{ event: 'done', data: '{"x":1}', id: undefined }]);
    expect(parseIn(['data: x\r'])).toEqual([{ event: 'message', data: 'x', id: undefined }]);
  });

  it('a field name without a colon is a field with an empty value', () => {
    expect(parseIn(['data\ndata\n\n'])).toEqual([{ event: 'message', data: '\n', id: undefined }]);
  });

  it('keeps a CRLF split across chunks as one line end, also with empty chunks between its halves', () => {
    const expected = [{ event: 'message', data: 'a', id: undefined }];
    expect(parseIn(['data: a\r', '', '\n', '\r', '\n'])).toEqual(expected);
    expect(parseIn(['data: a\r', '\n\r\n'])).toEqual(expected);
  });

  it('throws the given error when a line or an event grows past the limit', () => {
    const tooLarge = (max: number) => new RangeError(`over ${max}`);
    const line = new SSEParser(10, tooLarge);
    expect(() => line.push('data: 0123456789')).toThrow('over 10'); // one line, before its end arrives
    const lines = new SSEParser(10, tooLarge);
    lines.push('data: 01234\ndata: 5678\n');
    expect(() => lines.push('data: 9\n')).toThrow(RangeError); // 5 + 1 (the joining LF) + 4 + 1 + 1 = 12
    const ok = new SSEParser(10, tooLarge);
    expect(ok.push(': a comment\ndata: 0123456789\n\ndata: 0123456789\n\n')).toHaveLength(2); // per event
  });
});

/**
 * Work done by `run`, counted in characters, over the string methods a parser scans and cuts text with: one per
 * `charCodeAt` call, the part of the string an `indexOf` or a regular expression may scan, the length a `slice`
 * copies. A parser that rescans or copies what it has buffered on every chunk does work growing with the square of a
 * line's length; one that looks at each new character once, in proportion to it.
 */
function countWork(run: () => void): number {
  const text = String.prototype;
  // the originals, each called with .call(this) below
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const { charCodeAt, indexOf, slice } = text;
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const { exec } = RegExp.prototype;
  let work = 0;
  text.charCodeAt = function (this: string, index: number) {
    work += 1;
    return charCodeAt.call(this, index);
  };
  text.indexOf = function (this: string, search: string, from = 0) {
    work += Math.max(1, this.length - from);
    return indexOf.call(this, search, from);
  };
  text.slice = function (this: string, start?: number, end?: number) {
    const result = slice.call(this, start, end);
    work += Math.max(1, result.length);
    return result;
  };
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const match = exec.call(this, input);
    work += Math.max(1, (match ? match.index + match[0].length : input.length) - from);
    return match;
  };
  try {
    run();
  } finally {
    Object.assign(text, { charCodeAt, indexOf, slice });
    RegExp.prototype.exec = exec;
  }
  return work;
}

/** Parses one `data:` line of `length` characters, fed in chunks of `chunkSize`, and returns the work it took. */
function parseLongLine(length: number, chunkSize: number): number {
  const wire = `data: ${'x'.repeat(length)}\n\n`;
  const chunks: string[] = [];
  for (let start = 0; start < wire.length; start += chunkSize) chunks.push(wire.slice(start, start + chunkSize));
  let events: SSEMessage[] = [];
  const work = countWork(() => {
    events = parseIn(chunks);
  });
  expect(events).toHaveLength(1);
  expect(events[0]!.data).toHaveLength(length);
  return work;
}

describe('SSEParser: time linear in the input', () => {
  it('twice the line costs about twice the work, never a multiple of the line per chunk', () => {
    const small = parseLongLine(64 * 1024, 256);
    const large = parseLongLine(128 * 1024, 256);
    expect(large / small).toBeLessThan(2.2);
    expect(large).toBeLessThan(8 * 128 * 1024);
  });

  it('an 8 MB single-line event in 64 kB chunks: work proportional to its size', () => {
    const size = 8 * 1024 * 1024;
    expect(parseLongLine(size, 64 * 1024)).toBeLessThan(8 * size);
  });
});
