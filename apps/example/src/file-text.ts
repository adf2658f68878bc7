// Text out of a file the team picks on the Knowledge screen, in the browser: PDF pages through pdfjs-dist
// (Mozilla's PDF.js, its worker served as one of the app's own assets), text files as they are. The API takes
// the extracted text (`POST /data-sources/file` for a PDF, `/data-sources/text` for plain text).
import type { DataSourceFileType } from '@livechatai/core';

export interface ExtractedFile {
  /** What the file is stored as: `text` (a plain-text file) or the API's file type. */
  kind: 'text' | DataSourceFileType;
  /** A title from the file name, without its extension. */
  title: string;
  text: string;
  /** For a PDF, how many pages were read. */
  pages?: number;
}

export class UnsupportedFileError extends Error {}

const TEXT_EXTENSIONS = ['txt', 'md', 'markdown', 'csv', 'json', 'html', 'htm', 'xml', 'log'];

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** What `file` would be stored as, from its type and name (before reading it). */
export function kindOf(file: File): ExtractedFile['kind'] | undefined {
  const ext = extensionOf(file.name);
  if (file.type === 'application/pdf' || ext === 'pdf') return 'pdf';
  if (file.type.startsWith('text/') || TEXT_EXTENSIONS.includes(ext)) return 'text';
  return undefined;
}

async function pdfText(file: File): Promise<{ text: string; pages: number }> {
  // Loaded on first use: the PDF library is large, and only this form needs it.
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(await file.arrayBuffer()), isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text.replace(/[ \t]+\n/g, '\n').trim());
    }
    return { text: pages.filter(Boolean).join('\n\n'), pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

/** Reads `file`'s text; rejects with UnsupportedFileError for a kind the console cannot read. */
export async function extractFileText(file: File): Promise<ExtractedFile> {
  const kind = kindOf(file);
  const title = file.name.replace(/\.[^.]+$/, '') || file.name;
  if (kind === 'pdf') {
    const { text, pages } = await pdfText(file);
    if (!text) throw new UnsupportedFileError(`${file.name} has no text layer (a scanned PDF?): there is nothing to add.`);
    return { kind, title, text, pages };
  }
  if (kind === 'text') return { kind, title, text: (await file.text()).trim() };
  throw new UnsupportedFileError(`${file.name}: the console reads PDF and plain-text files (.txt, .md, .csv, .json, .html).`);
}
