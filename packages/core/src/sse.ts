/** One server-sent event as parsed from the wire (data still a string). */
export interface SSEMessage {
  event: string;
  data: string;
  id: string | undefined;
}

/**
 * Incremental text/event-stream parser: feed decoded text in any split (even one byte at a time), get complete
 * events. Handles CR, LF and CRLF line ends (also split across chunks), comments, `id:`, multi-line `data:`.
 */
export class SSEParser {
  #buf = '';
  #event = '';
  #data: string[] = [];
  #id: string | undefined;

  push(text: string, out: SSEMessage[] = []): SSEMessage[] {
    let buf = this.#buf + text;
    let start = 0;
    for (let i = 0; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      if (c === 13 && i + 1 === buf.length) break; // a CR at the end may be the first half of CRLF
      this.#line(buf.slice(start, i), out);
      if (c === 13 && buf.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
    buf = buf.slice(start);
    this.#buf = buf;
    return out;
  }

  /** Flushes at end of stream; a final event without its blank line is still delivered. */
  end(out: SSEMessage[] = []): SSEMessage[] {
    if (this.#buf) this.#line(this.#buf.replace(/\r$/, ''), out);
    this.#buf = '';
    this.#line('', out);
    return out;
  }

  #line(line: string, out: SSEMessage[]): void {
    if (!line) {
      if (this.#data.length) out.push({ event: this.#event || 'message', data: this.#data.join('\n'), id: this.#id });
      this.#event = '';
      this.#data = [];
      return;
    }
    if (line.charCodeAt(0) === 58) return; // ':' comment (keep-alive ping)
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (field === 'data') this.#data.push(value);
    else if (field === 'event') this.#event = value;
    else if (field === 'id' && !value.includes('\0')) this.#id = value;
  }
}
