// Text out of a file the team picks on the Knowledge screen, in the browser: PDF pages through pdfjs-dist
// (Mozilla's PDF.js, its worker served as one of the app's own assets), a Word document's paragraphs from its
// word/document.xml (the .docx zip inflated by the browser's DecompressionStream, the XML read by DOMParser),
// text files as they are. The API takes the extracted text (`POST /data-sources/file` for a PDF or DOCX,
// `/data-sources/text` for plain text).
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
  if (ext === 'docx' || file.type === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    return 'docx';
  if (file.type.startsWith('text/') || TEXT_EXTENSIONS.includes(ext)) return 'text';
  return undefined;
}

async function pdfText(file: File): Promise<{ text: string; pages: number }> {
  // Loaded on first use: the PDF library is large, and only this form needs it.
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(await file.arrayBuffer()), isEvalSupported: false })
    .promise;
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

/** One file of a zip archive (a .docx is one), from its central directory; `undefined` when it is not there. */
async function unzipEntry(bytes: Uint8Array<ArrayBuffer>, name: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new UnsupportedFileError('This is not a Word (.docx) file: it is not a zip archive.');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  for (let n = 0; n < count && view.getUint32(at, true) === 0x02014b50; n++) {
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    if (decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)) === name) {
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(start, start + size);
      if (method === 0) return data;
      if (method !== 8)
        throw new UnsupportedFileError(
          `${name} is compressed with method ${String(method)}, which the console cannot read.`,
        );
      const inflated = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
      return new Uint8Array(await new Response(inflated).arrayBuffer());
    }
    at += 46 + skip;
  }
  return undefined;
}

async function docxText(file: File): Promise<string> {
  const xml = await unzipEntry(new Uint8Array(await file.arrayBuffer()), 'word/document.xml');
  if (!xml) throw new UnsupportedFileError(`${file.name} has no word/document.xml: it is not a Word document.`);
  const doc = new DOMParser().parseFromString(new TextDecoder().decode(xml), 'application/xml');
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const paragraphs: string[] = [];
  for (const p of doc.getElementsByTagNameNS(W, 'p')) {
    let text = '';
    for (const node of p.getElementsByTagNameNS(W, '*')) {
      if (node.localName === 't') text += node.textContent;
      else if (node.localName === 'tab') text += '\t';
      else if (node.localName === 'br') text += '\n';
    }
    paragraphs.push(text.trim());
  }
  return paragraphs.filter(Boolean).join('\n\n');
}

/** Reads `file`'s text; rejects with UnsupportedFileError for a kind the console cannot read. */
export async function extractFileText(file: File): Promise<ExtractedFile> {
  const kind = kindOf(file);
  const title = file.name.replace(/\.[^.]+$/, '') || file.name;
  if (kind === 'pdf') {
    const { text, pages } = await pdfText(file);
    if (!text)
      throw new UnsupportedFileError(`${file.name} has no text layer (a scanned PDF?): there is nothing to add.`);
    return { kind, title, text, pages };
  }
  if (kind === 'docx') {
    const text = await docxText(file);
    if (!text) throw new UnsupportedFileError(`${file.name} holds no text: there is nothing to add.`);
    return { kind, title, text };
  }
  if (kind === 'text') return { kind, title, text: (await file.text()).trim() };
  throw new UnsupportedFileError(
    `${file.name}: the console reads PDF, Word (.docx) and plain-text files (.txt, .md, .csv, .json, .html).`,
  );
}
