import type { DataSourceType } from '../store/types.js';

/** Splits a data source's text into retrieval chunks of at most ~700 characters, on paragraph/sentence bounds. */
export function chunkText(content: string, source: DataSourceType): string[] {
  const text = content.replace(/\r\n?/g, '\n').trim();
  if (!text) return [];
  if (source === 'QA') return [text];
  const max = 700;
  const pieces: string[] = [];
  for (const para of text.split(/\n\s*\n/)) {
    const p = para.replace(/\s+/g, ' ').trim();
    if (!p) continue;
    if (p.length <= max) {
      pieces.push(p);
      continue;
    }
    const sentences = p.match(/[^.!?]+[.!?]+(?:\s+|$)|[^.!?]+$/g) ?? [p];
    let cur = '';
    for (const s of sentences) {
      if (cur && cur.length + s.length > max) {
        pieces.push(cur.trim());
        cur = '';
      }
      if (s.length > max) {
        for (let i = 0; i < s.length; i += max) pieces.push(s.slice(i, i + max).trim());
      } else cur += s;
    }
    if (cur.trim()) pieces.push(cur.trim());
  }
  // Merge very small neighbouring paragraphs so that headings stay with their text.
  const chunks: string[] = [];
  for (const piece of pieces) {
    const last = chunks[chunks.length - 1];
    if (last !== undefined && last.length < 200 && last.length + piece.length + 1 <= max)
      chunks[chunks.length - 1] = `${last}\n${piece}`;
    else chunks.push(piece);
  }
  return chunks;
}
