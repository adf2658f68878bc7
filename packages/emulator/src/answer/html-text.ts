// HTML → readable text in one linear pass, fed chunk by chunk as a page arrives.
//
// Built on htmlparser2's Tokenizer (a streaming tokenizer that decodes entities) rather than its Parser: the
// Parser keeps a stack of open elements with `unshift`/`indexOf`, which is quadratic for a page of 400,000
// unclosed `<div>`s. Nesting does not matter for text, so this keeps counters instead of a stack.
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

export interface PageText {
  title: string | null;
  text: string;
}

/** Elements whose content is not page text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'select', 'textarea']);
/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
/** Inline elements that do not separate words (`Hel<b>lo</b>` is one word). Other tags count as a space. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);
const MAX_TITLE = 500;

/** Collapses runs of whitespace (NBSP included) to single spaces. */
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

export class HtmlTextExtractor {
  private readonly tokenizer: Tokenizer;
  /** The written chunks not yet consumed by the tokenizer's callbacks (indices are absolute offsets). */
  private readonly buffers: string[] = [];
  private bufferOffset = 0;

  private readonly paragraphs: string[] = [];
  private paragraph: string[] = [];
  private readonly skipping = new Map<string, number>();
  private skipDepth = 0;
  private tagName = '';
  /** The first `<title>` names the page; text of later ones is dropped. */
  private title: 'before' | 'in-first' | 'after-first' | 'in-later' = 'before';
  private readonly titleParts: string[] = [];
  private titleLength = 0;
  private done: PageText | undefined;

  constructor() {
    const noop = (): void => undefined;
    const callbacks: TokenizerCallbacks = {
      onattribdata: noop,
      onattribentity: noop,
      onattribend: noop,
      onattribname: noop,
      oncdata: noop,
      oncomment: noop,
      ondeclaration: noop,
      onprocessinginstruction: noop,
      onend: noop,
      ontext: (start, end) => {
        this.text(this.slice(start, end));
      },
      ontextentity: (codepoint) => {
        this.text(String.fromCodePoint(codepoint));
      },
      onopentagname: (start, end) => {
        this.tagName = this.slice(start, end).toLowerCase();
      },
      onopentagend: () => {
        this.open(this.tagName);
      },
      onselfclosingtag: () => {
        this.open(this.tagName);
        this.close(this.tagName);
      },
      onclosetag: (start, end) => {
        this.close(this.slice(start, end).toLowerCase());
      },
    };
    this.tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, callbacks);
  }

  write(chunk: string): void {
    if (!chunk) return;
    this.buffers.push(chunk);
    this.tokenizer.write(chunk);
  }

  end(): PageText {
    if (this.done) return this.done;
    this.tokenizer.end();
    this.flush();
    const title = squash(this.titleParts.join('')).slice(0, MAX_TITLE) || null;
    this.done = { title, text: this.paragraphs.join('\n\n') };
    return this.done;
  }

  /** The text between two absolute offsets; buffers wholly before `start` are dropped (like htmlparser2's Parser). */
  private slice(start: number, end: number): string {
    while (this.buffers.length > 1 && start - this.bufferOffset >= (this.buffers[0]?.length ?? 0)) {
      this.bufferOffset += this.buffers.shift()?.length ?? 0;
    }
    let out = '';
    let offset = this.bufferOffset;
    for (const buffer of this.buffers) {
      if (offset >= end) break;
      const from = Math.max(start - offset, 0);
      const to = Math.min(end - offset, buffer.length);
      if (to > from) out += buffer.slice(from, to);
      offset += buffer.length;
    }
    return out;
  }

  private text(s: string): void {
    if (this.title === 'in-first') {
      // bounded: an unclosed <title> holds the rest of the page
      if (this.titleLength < MAX_TITLE * 4) this.titleParts.push(s);
      this.titleLength += s.length;
      return;
    }
    if (this.title === 'in-later') return;
    if (this.skipDepth === 0) this.paragraph.push(s);
  }

  private open(name: string): void {
    if (name === 'title') {
      this.title = this.title === 'before' ? 'in-first' : 'in-later';
      return;
    }
    if (SKIPPED.has(name)) {
      this.skipping.set(name, (this.skipping.get(name) ?? 0) + 1);
      this.skipDepth++;
      return;
    }
    this.separate(name);
  }

  private close(name: string): void {
    if (name === 'title') {
      if (this.title !== 'before') this.title = 'after-first';
      return;
    }
    const depth = this.skipping.get(name);
    if (depth !== undefined) {
      if (depth <= 1) this.skipping.delete(name);
      else this.skipping.set(name, depth - 1);
      this.skipDepth--;
      return;
    }
    this.separate(name);
  }

  private separate(name: string): void {
    if (this.skipDepth > 0) return;
    if (BLOCKS.has(name)) this.flush();
    else if (name === 'br') this.paragraph.push('\n');
    else if (!INLINE.has(name)) this.paragraph.push(' ');
  }

  private flush(): void {
    if (this.paragraph.length === 0) return;
    const p = squash(this.paragraph.join(''));
    this.paragraph = [];
    if (p) this.paragraphs.push(p);
  }
}

/** HTML → readable text: scripts/styles/comments dropped, block elements become paragraph breaks. */
export function htmlToText(html: string): PageText {
  const extractor = new HtmlTextExtractor();
  extractor.write(html);
  return extractor.end();
}
