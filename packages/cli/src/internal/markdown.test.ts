import { describe, expect, it } from 'vitest';
import { MarkdownStream } from './markdown.js';

/** A tiny terminal: printable characters, \r, \n, cursor up (ESC[nA), clear to end (ESC[J), wrapping. */
class Screen {
  rows: string[][] = [[]];
  r = 0;
  c = 0;
  constructor(private readonly cols: number) {}
  write(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] ?? '';
      if (ch === '\u001b') {
        // eslint-disable-next-line no-control-regex -- the escape sequences the renderer writes
        const m = /^\u001b\[(\d*)([AJ])/.exec(text.slice(i));
        if (!m) throw new Error(`unexpected escape ${JSON.stringify(text.slice(i, i + 6))}`);
        if (m[2] === 'A') this.r = Math.max(0, this.r - Math.max(1, Number(m[1])));
        else {
          this.line().length = Math.min(this.line().length, this.c);
          this.rows.length = this.r + 1;
        }
        i += m[0].length - 1;
      } else if (ch === '\r') this.c = 0;
      else if (ch === '\n') {
        this.r += 1;
        this.c = 0;
      } else {
        if (this.c >= this.cols) {
          this.r += 1;
          this.c = 0;
        }
        const line = this.line();
        while (line.length < this.c) line.push(' ');
        line[this.c] = ch;
        this.c += 1;
      }
    }
  }
  private line(): string[] {
    while (this.rows.length <= this.r) this.rows.push([]);
    return this.rows[this.r] ?? [];
  }
  text(): string {
    return this.rows
      .map((r) => r.join('').trimEnd())
      .join('\n')
      .trimEnd();
  }
}

const ANSWER =
  '**Refunds**\n\nRefunds are possible within **30 days** of the purchase, for any reason at all, no questions asked.\n\n' +
  '- one item\n- another item\n\n```\ncode line\n```\n\nThe end.';

function streamed(text: string, chunk: number, cols: number, rows = 40): Screen {
  const screen = new Screen(cols);
  const md = new MarkdownStream({ columns: cols, rows, color: false, label: 'agent> ' });
  screen.write(md.start());
  for (let i = 0; i < text.length; i += chunk) screen.write(md.push(text.slice(i, i + chunk)));
  screen.write(md.end());
  return screen;
}

describe('MarkdownStream', () => {
  it('ends with the same screen however the answer was split into deltas', () => {
    const whole = streamed(ANSWER, ANSWER.length, 60).text();
    expect(whole).not.toContain('**');
    expect(whole.split('\n')[0]).toBe('agent> Refunds');
    expect(whole).toContain('       Refunds are possible within 30 days of the purchase,');
    expect(whole).toContain('code line');
    for (const chunk of [1, 3, 7, 20])
      expect(streamed(ANSWER, chunk, 60).text(), `chunks of ${String(chunk)}`).toBe(whole);
  });

  it('keeps every line within the width (no terminal wrap) and leaves the cursor on a fresh line', () => {
    const screen = streamed(ANSWER, 5, 40);
    for (const row of screen.rows) expect(row.join('').trimEnd().length).toBeLessThanOrEqual(40);
    expect(screen.c).toBe(0);
  });

  it('stops redrawing a block taller than the terminal and prints the rest as it comes', () => {
    const long = Array.from({ length: 30 }, (_, i) => `word${String(i)}`).join(' ');
    const screen = streamed(long, 4, 30, 6);
    expect(screen.text().replace(/\s+/g, ' ')).toContain('word0 word1');
    expect(screen.text()).toContain('word29');
  });

  it('prints the label alone for an empty answer', () => {
    expect(streamed('', 1, 40).text()).toBe('agent>');
  });
});
