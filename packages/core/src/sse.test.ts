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
});
