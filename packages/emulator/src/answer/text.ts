// Tokenising shared by retrieval, answer composition and the classifier.

const STOPWORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by can
  could did do does doing down during each few for from further had has have having he her here hers herself him himself his how
  i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out
  over own same she should so some such than that the their theirs them themselves then there these they this those through to
  too under until up very was we were what when where which while who whom why will with would you your yours yourself
  yourselves tell please know want need get got hi hello hey thanks thank ok okay also like let us s t don doesn isn aren
  anything something someone anyone there's what's whats it's im i'm you're youre`.split(/\s+/),
);

/** Lowercase word tokens (letters, digits, and inner hyphens/apostrophes). */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKC')
      .match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []
  );
}

/** A light suffix-stripping stemmer, enough to match "prices" with "price" and "shipping" with "ship". */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/, '');
  if (w.length <= 3) return w;
  for (const [suffix, min] of [
    ['ational', 8],
    ['ization', 8],
    ['ingly', 7],
    ['ments', 7],
    ['ment', 7],
    ['ness', 6],
    ['ies', 5],
    ['ing', 5],
    ['ed', 5],
    ['ly', 5],
    ['s', 4],
  ] as const) {
    if (w.length >= min && w.endsWith(suffix) && !(suffix === 's' && w.endsWith('ss'))) {
      w = suffix === 'ies' ? `${w.slice(0, -3)}y` : w.slice(0, -suffix.length);
      break;
    }
  }
  // "boxes" → "box": after s/x/z/ch/sh the plural is "-es".
  if (/(?:[sxz]|ch|sh)e$/.test(w) && word.endsWith('es')) w = w.slice(0, -1);
  if (/([^aeiouls])\1$/.test(w)) w = w.slice(0, -1);
  // "price", "prices", "priced", "pricing" → "pric".
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The content terms of a question: no stopwords, deduplicated, in order. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (STOPWORDS.has(w) || (w.length < 2 && !/\d/.test(w))) continue;
    if (!out.includes(w)) out.push(w);
  }
  return out;
}

export function stemSet(text: string): Set<string> {
  return new Set(words(text).map(stem));
}

/** An FTS5 MATCH expression: any of the terms (each quoted, so no FTS syntax can leak in). */
export function ftsQuery(terms: string[]): string {
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ');
}

export function sentences(text: string): string[] {
  return (text.replace(/\s+/g, ' ').match(/[^.!?\n]+[.!?]*/g) ?? []).map((s) => s.trim()).filter(Boolean);
}
