/** One server-sent event as parsed from the wire (data still a string). */
export interface SSEMessage {
  event: string;
  data: string;
  id: string | undefined;
}

const LF = 10;
const COLON = 58;
const SPACE = 32;

/**
 * Incremental text/event-stream parser: feed decoded text in any split (even one byte at a time), get complete
 * events. Handles CR, LF and CRLF line ends (also split across chunks), comments, `id:`, multi-line `data:`.
 *
 * Linear time: each chunk is scanned once, from where the last line ended; the start of a line that has not ended
 * yet is kept as a list of pieces and joined once, when its line end arrives (never rescanned or copied per chunk).
 */
export class SSEParser {
  /** The current line's text received so far, one piece per chunk. */
  #pieces: string[] = [];
  #piecesLength = 0;
  /** The previous chunk ended with CR: an LF at the start of the next one is the second half of a CRLF. */
  #afterCR = false;
  #event = '';
  #data: string[] = [];
  #dataLength = 0;
  #id: string | undefined;
  readonly #maxEventLength: number;
  readonly #tooLarge: (maxEventLength: number) => Error;

  /**
   * @param maxEventLength the most characters one event (its data lines, or any single line) may hold
   * @param tooLarge the error to throw when an event or line grows past it
   */
  constructor(
    maxEventLength = Infinity,
    tooLarge: (maxEventLength: number) => Error = (max) => new Error(`server-sent event over ${max} characters`),
  ) {
    this.#maxEventLength = maxEventLength;
    this.#tooLarge = tooLarge;
  }

  push(text: string, out: SSEMessage[] = []): SSEMessage[] {
    if (!text) return out;
    let start = 0;
    if (this.#afterCR && text.charCodeAt(0) === LF) start = 1;
    this.#afterCR = false;
    // the next CR and LF at or after `start`; each search starts past the previous find, so the chunk is read once
    let nextCR = text.indexOf('\r', start);
    let nextLF = text.indexOf('\n', start);
    while (nextCR >= 0 || nextLF >= 0) {
      const isCR = nextCR >= 0 && (nextLF < 0 || nextCR < nextLF);
      const end = isCR ? nextCR : nextLF;
      this.#line(this.#takeLine(text.slice(start, end)), out);
      start = end + 1;
      if (isCR && start === text.length) this.#afterCR = true;
      else if (isCR && text.charCodeAt(start) === LF) start += 1;
      if (nextCR >= 0 && nextCR < start) nextCR = text.indexOf('\r', start);
      if (nextLF >= 0 && nextLF < start) nextLF = text.indexOf('\n', start);
    }
    if (start < text.length) this.#keepPiece(text.slice(start));
    return out;
  }

  /** Flushes at end of stream; a final event without its blank line is still delivered. */
  end(out: SSEMessage[] = []): SSEMessage[] {
    if (this.#piecesLength) this.#line(this.#takeLine(''), out);
    this.#afterCR = false;
    this.#line('', out);
    return out;
  }

  /** Keeps the start of a line whose end has not arrived yet. */
  #keepPiece(piece: string): void {
    this.#piecesLength += piece.length;
    this.#checkLength(this.#piecesLength);
    this.#pieces.push(piece);
  }

  /** The whole line: the pieces kept so far, then `last`. */
  #takeLine(last: string): string {
    if (!this.#pieces.length) return last;
    this.#checkLength(this.#piecesLength + last.length);
    this.#pieces.push(last);
    const line = this.#pieces.join('');
    this.#pieces = [];
    this.#piecesLength = 0;
    return line;
  }

  #checkLength(length: number): void {
    if (length > this.#maxEventLength) throw this.#tooLarge(this.#maxEventLength);
  }

  #line(line: string, out: SSEMessage[]): void {
    if (!line) {
      if (this.#data.length) out.push({ event: this.#event || 'message', data: this.#data.join('\n'), id: this.#id });
      this.#event = '';
      this.#data = [];
      this.#dataLength = 0;
      return;
    }
    if (line.charCodeAt(0) === COLON) return; // a comment (keep-alive ping)
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === SPACE) value = value.slice(1);
    if (field === 'data') {
      this.#dataLength += value.length + 1;
      this.#checkLength(this.#dataLength - 1);
      this.#data.push(value);
    } else if (field === 'event') {
      this.#event = value;
    } else if (field === 'id' && !value.includes('\0')) {
      this.#id = value;
    }
  }
}
