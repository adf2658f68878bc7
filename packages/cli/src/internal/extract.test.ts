import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../../test/helpers/make-pdf.js';
import { extractFile, fileKind } from './extract.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lc-extract-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('extractFile', () => {
  it('reads .txt and .md as they are', async () => {
    await writeFile(join(dir, 'notes.txt'), '\uFEFFShipping takes 3 days.\n');
    await writeFile(join(dir, 'faq.md'), '# FAQ\n\n**Refunds** within 30 days.\n');
    expect(await extractFile(join(dir, 'notes.txt'))).toEqual({
      kind: 'text',
      title: 'notes.txt',
      text: 'Shipping takes 3 days.',
    });
    expect(await extractFile(join(dir, 'faq.md'))).toMatchObject({
      kind: 'markdown',
      text: '# FAQ\n\n**Refunds** within 30 days.',
    });
  });

  it('reduces HTML to text and takes its <title>', async () => {
    await writeFile(
      join(dir, 'page.html'),
      '<html><head><title>About us</title><style>p{color:red}</style><script>var x=1</script></head><body><h1>Hello</h1><p>We ship <a href="https://x.test">worldwide</a>.</p></body></html>',
    );
    const out = await extractFile(join(dir, 'page.html'));
    expect(out.title).toBe('About us');
    expect(out.text).toContain('We ship worldwide.');
    expect(out.text).not.toMatch(/<|color:red|var x/);
  });

  it('extracts the text of a PDF', async () => {
    await writeFile(join(dir, 'manual.pdf'), makePdf(['Warranty: two years', 'Returns (within 30 days)']));
    const out = await extractFile(join(dir, 'manual.pdf'));
    expect(out).toMatchObject({ kind: 'pdf', title: 'manual.pdf', pages: 1 });
    expect(out.text).toContain('Warranty: two years');
    expect(out.text).toContain('Returns (within 30 days)');
  });

  it('names an unreadable PDF and unsupported types', async () => {
    await writeFile(join(dir, 'broken.pdf'), 'not a pdf');
    await expect(extractFile(join(dir, 'broken.pdf'))).rejects.toThrow(/cannot read .*broken\.pdf as a PDF/);
    expect(() => fileKind('x.docx')).toThrow(/unsupported file type ".docx"/);
    await expect(extractFile(join(dir, 'missing.txt'))).rejects.toThrow(/cannot read .*missing\.txt: ENOENT/);
  });
});
