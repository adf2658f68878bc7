// Markdown for the terminal (marked + marked-terminal), rendered while an answer streams: finished blocks
// (a paragraph once the next one starts, a closed code fence…) are printed once; the block still growing is
// redrawn in place as its text arrives. Every line is indented under a label ("agent> ") on the first line.
import { Marked, type MarkedExtension } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { displayWidth, stripAnsi } from './output.js';

export interface MarkdownOptions {
  /** Terminal width in columns. */
  columns: number;
  /** Terminal height in rows: a growing block taller than this is no longer redrawn. */
  rows: number;
  color: boolean;
  /** Printed before the first line; later lines are indented by its width. */
  label: string;
}

export function markdownRenderer(width: number, color: boolean): (markdown: string) => string {
  const marked = new Marked(
    markedTerminal({
      width: Math.max(20, width),
      reflowText: true,
      showSectionPrefix: false,
      tab: 2,
    }) as unknown as MarkedExtension,
  );
  return (markdown) => {
    const out = marked.parse(markdown, { async: false }).replace(/\s+$/, '');
    return color ? out : stripAnsi(out);
  };
}

/**
 * Turns the deltas of one answer into terminal output. `start`, `push` and `end` return the text to write
 * (cursor movements included), starting at the beginning of a line; `end` leaves the cursor at the start of a
 * fresh line. Nothing else may be written to the terminal in between.
 */
export class MarkdownStream {
  private readonly render: (markdown: string) => string;
  private readonly lexer = new Marked();
  private readonly indent: string;
  /** The block still growing (its source), and how many blocks were printed for good. */
  private pending = '';
  private printed = 0;
  /** Rows taken by the current drawing of the pending block, and that drawing. */
  private tailRows = 0;
  private tailText: string | undefined;
  /** Set when the pending block grew too tall to redraw: the rest of the answer is printed as it comes. */
  private raw = false;

  constructor(private readonly options: MarkdownOptions) {
    this.indent = ' '.repeat(displayWidth(options.label));
    this.render = markdownRenderer(options.columns - this.indent.length - 1, options.color);
  }

  /** The label alone, before any text has arrived. */
  start(): string {
    return this.draw();
  }

  push(delta: string): string {
    if (this.raw) return delta;
    this.pending += delta;
    const tokens = this.lexer.lexer(this.pending);
    let last = tokens.length - 1;
    while (last >= 0 && tokens[last]?.type === 'space') last -= 1;
    let out = '';
    if (last > 0) {
      // every block before the last one is finished
      const finished = tokens
        .slice(0, last)
        .map((t) => t.raw)
        .join('');
      this.pending = this.pending.slice(finished.length);
      out += this.commit(finished);
    }
    return out + this.draw();
  }

  /** Prints the last block for good and ends the line. */
  end(): string {
    if (this.raw) return '\n';
    const text = this.pending;
    this.pending = '';
    if (text.trim() === '' && this.printed === 0) return `${this.erase()}${this.options.label.trimEnd()}\n`;
    return this.commit(text);
  }

  private decorated(markdown: string): string[] {
    const rendered = markdown.trim() === '' ? '' : this.render(markdown);
    const first = this.printed === 0;
    return rendered
      .split('\n')
      .map((line, i) => (first && i === 0 ? this.options.label : line === '' ? '' : this.indent) + line);
  }

  private rowsOf(lines: readonly string[]): number {
    const columns = Math.max(1, this.options.columns);
    return lines.reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / columns)), 0);
  }

  /** Moves back to where the drawing of the pending block began and clears it. */
  private erase(): string {
    if (this.tailText === undefined) return '';
    const up = this.tailRows - 1;
    this.tailRows = 0;
    this.tailText = undefined;
    return `\r${up > 0 ? `\u001b[${String(up)}A` : ''}\u001b[J`;
  }

  /** Prints finished blocks (in place of the drawing of the pending block), each followed by a line break. */
  private commit(markdown: string): string {
    if (markdown.trim() === '') return '';
    const separator = this.printed === 0 ? '' : '\n';
    const lines = this.decorated(markdown);
    this.printed += 1;
    return `${this.erase()}${separator}${lines.join('\n')}\n`;
  }

  /** (Re)draws the pending block below the finished ones. */
  private draw(): string {
    const separator = this.printed === 0 ? '' : '\n';
    const lines = this.decorated(this.pending);
    const text = separator + lines.join('\n');
    if (text === this.tailText) return '';
    const rows = this.rowsOf(lines) + separator.length;
    if (rows >= this.options.rows - 1) {
      // too tall to redraw in place: leave it as it is drawn and print the rest of the answer as it comes
      this.raw = true;
      const start = this.erase();
      return `${start}${separator}${this.printed === 0 ? this.options.label : this.indent}${this.pending}`;
    }
    const out = this.erase() + text;
    this.tailRows = rows;
    this.tailText = text;
    return out;
  }
}
