// Text extraction for `data-sources add-file`: .txt/.md as-is, .html reduced to text (html-to-text),
// .pdf through unpdf (a serverless build of pdf.js). Libraries load only when needed.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { usageError } from './exit-codes.js';

export type FileKind = 'text' | 'markdown' | 'html' | 'pdf';

const KINDS: Record<string, FileKind> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
};

export function fileKind(path: string): FileKind {
  const kind = KINDS[extname(path).toLowerCase()];
  if (kind === undefined) {
    throw usageError(`unsupported file type "${extname(path) || basename(path)}": use .txt, .md, .html or .pdf`);
  }
  return kind;
}

export interface Extracted {
  kind: FileKind;
  title: string;
  text: string;
  pages?: number;
}

export async function htmlToText(html: string): Promise<{ text: string; title: string | undefined }> {
  const { convert } = await import('html-to-text');
  const titleMatch = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const text = convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'title', format: 'skip' },
    ],
  });
  const title = titleMatch?.[1]?.replace(/\s+/g, ' ').trim();
  return { text: text.trim(), title: title === '' ? undefined : title };
}

export async function pdfToText(data: Uint8Array): Promise<{ text: string; pages: number }> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(data, { verbosity: 0 });
  try {
    const { text, totalPages } = await extractText(pdf, { mergePages: false });
    return {
      text: text
        .map((page) => page.trim())
        .filter(Boolean)
        .join('\n\n'),
      pages: totalPages,
    };
  } finally {
    await pdf.destroy();
  }
}

export async function extractFile(path: string): Promise<Extracted> {
  const kind = fileKind(path);
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    throw usageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const fallbackTitle = basename(path);
  switch (kind) {
    case 'text':
    case 'markdown': {
      return {
        kind,
        title: fallbackTitle,
        text: data
          .toString('utf8')
          .replace(/^\uFEFF/, '')
          .trim(),
      };
    }
    case 'html': {
      const { text, title } = await htmlToText(data.toString('utf8'));
      return { kind, title: title ?? fallbackTitle, text };
    }
    case 'pdf': {
      let result: { text: string; pages: number };
      try {
        result = await pdfToText(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      } catch (error) {
        throw usageError(`cannot read ${path} as a PDF: ${(error as Error).message}`);
      }
      return { kind, title: fallbackTitle, text: result.text, pages: result.pages };
    }
  }
}
