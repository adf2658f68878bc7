// End to end: the console as a product — every screen at phone, laptop and desktop widths (no sideways
// overflow, no list title clipped to a few letters, no serious or critical axe-core violation), and the flows
// of issue 14: a failed web page shown as failed and retried, a real PDF read in the browser and answered
// from, a suggestion whose empty answer is refused, the inbox at the newest message and following a reply,
// deleting the selected agent, the analytics "new" label. Debian's chromium, the built app, the emulator.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { startEmulator, type Emulator } from '@livechatai/emulator';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxyApp } from '../server/app.js';
import { listen, type Listening } from '../server/listen.js';

const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(appRoot, 'test-artifacts');
const WIDTHS = [390, 1024, 1440] as const;

let emulator: Emulator;
let server: Listening;
let site: Server;
let siteURL: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let dataDir: string;
let demoAgent: string;
let demoConversation: string;
let demoContact: string;
const unique = Math.random().toString(36).slice(2, 8).toUpperCase();
/** The loopback "website" a URL source fetches: 500 until `siteUp`, then a page with a fact. */
let siteUp = false;

async function api<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const res = await fetch(`${server.url}/api/v2${path}`, {
    method: init?.method ?? 'GET',
    headers: { 'content-type': 'application/json' },
    ...(init?.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const body = (await res.json()) as { data: T };
  if (!res.ok) throw new Error(`${path}: ${String(res.status)} ${JSON.stringify(body)}`);
  return body.data;
}

/** A one-page PDF with these lines, built byte by byte (Helvetica, no compression), with a correct xref. */
function pdfWith(lines: string[]): Buffer {
  const text = lines
    .map((l, i) => `BT /F1 14 Tf 72 ${String(720 - i * 22)} Td (${l.replace(/[()\\]/g, '\\$&')}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${String(Buffer.byteLength(text))} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${String(i + 1)} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${String(objects.length + 1)}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${String(objects.length + 1)} /Root 1 0 R >>\nstartxref\n${String(xref)}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A minimal Word document: a zip (deflated, with CRCs) holding word/document.xml with these paragraphs. */
function docxWith(paragraphs: string[]): Buffer {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
  const files = [
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: 'word/document.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
      ),
    },
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name);
    const packed = deflateRawSync(f.data);
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(f.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

beforeAll(async () => {
  if (!existsSync(join(appRoot, 'dist', 'public', 'index.html')))
    throw new Error('apps/example/dist/public is missing: run `vite build` first.');
  mkdirSync(artifacts, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'livechatai-example-console-e2e-'));

  site = createServer((req, res) => {
    if (!siteUp) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('down for maintenance');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<html><head><title>Locker rules ${unique}</title></head><body><p>The garden locker key is kept at reception desk ${unique}.</p></body></html>`,
    );
  });
  await new Promise<void>((done) => site.listen(0, '127.0.0.1', done));
  siteURL = `http://127.0.0.1:${String((site.address() as AddressInfo).port)}/locker`;

  // Demo data, so every screen has something to lay out; the flows use agents of their own.
  emulator = await startEmulator({
    port: 0,
    db: join(dataDir, 'e2e.sqlite'),
    seed: 'demo',
    streamDelayMs: 5,
    urlFetchTimeoutMs: 3_000,
    // The test's "website" is on loopback, which the emulator refuses to fetch unless allowed.
    allowPrivateUrls: true,
  });
  server = await listen(
    createProxyApp({ target: emulator.url, apiKey: emulator.apiKey, staticDir: join(appRoot, 'dist', 'public') }),
    '127.0.0.1',
    0,
  );
  browser = await launchChromium();
  // Reduced motion: charts drawn whole at once, so a screenshot shows every day of the series.
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
  page = await context.newPage();

  const agents = await api<{ id: string; name: string }[]>('/agents?limit=100');
  demoAgent = agents.find((a) => a.name === 'Acme Support')!.id;
  const list = await api<{ conversations: { id: string }[] }>(`/conversations?agentId=${demoAgent}&type=all&perPage=5`);
  demoConversation = list.conversations[0]!.id;
  const contacts = await api<{ id: string }[]>(`/contacts?agentId=${demoAgent}&limit=5`);
  demoContact = contacts[0]!.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await emulator?.close();
  await new Promise((done) => site?.close(done));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const shot = (name: string) => page.screenshot({ path: join(artifacts, `console-${name}.png`), fullPage: true });

/** Waits until the screen has loaded (no spinner left) and its fonts and layout have settled. */
async function settled() {
  await page.locator('h1').first().waitFor();
  await expect.poll(() => page.locator('.loading').count(), { timeout: 15_000 }).toBe(0);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** What a layout problem looks like from the page: sideways overflow, list titles cut to a few letters. */
async function layoutProblems(): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) {
      const wide = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      problems.push(
        `scrollWidth ${String(document.documentElement.scrollWidth)} > innerWidth ${String(window.innerWidth)} (${wide.join(', ')})`,
      );
    }
    for (const el of document.querySelectorAll<HTMLElement>('.list-row .row-title')) {
      if (el.offsetParent === null) continue; // not shown
      // Ellipsised (text wider than its box) into a box too narrow for more than a few characters.
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth < 96)
        problems.push(`row title "${el.textContent ?? ''}" clipped to ${String(el.clientWidth)}px`);
    }
    return problems;
  });
}

/** axe-core in the page: serious and critical violations only. */
async function axeViolations(): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  const found = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact ?? ''}): ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      );
  });
  return found;
}

interface ScreenCase {
  name: string;
  path: () => string;
  ready: () => Promise<unknown>;
}

const SCREENS: ScreenCase[] = [
  {
    name: 'agents',
    path: () => `#/agents?agent=${demoAgent}`,
    ready: () => page.getByRole('list', { name: 'Agents' }).waitFor(),
  },
  {
    name: 'knowledge',
    path: () => `#/knowledge?agent=${demoAgent}`,
    ready: () => page.getByRole('list', { name: 'Data sources' }).waitFor(),
  },
  {
    name: 'playground',
    path: () => `#/playground?agent=${demoAgent}`,
    ready: () => page.getByLabel('Message').waitFor(),
  },
  {
    name: 'inbox',
    path: () => `#/inbox?agent=${demoAgent}`,
    ready: () => page.getByRole('list', { name: 'Conversations' }).locator('.list-row').first().waitFor(),
  },
  {
    name: 'inbox-conversation',
    path: () => `#/inbox?agent=${demoAgent}&id=${demoConversation}`,
    ready: () => page.locator('.conversation .bubble').first().waitFor(),
  },
  {
    name: 'contacts',
    path: () => `#/contacts?agent=${demoAgent}`,
    ready: () => page.getByRole('list', { name: 'Contacts' }).locator('.list-row').first().waitFor(),
  },
  {
    name: 'contact',
    path: () => `#/contacts?agent=${demoAgent}&id=${demoContact}`,
    ready: () => page.getByRole('list', { name: 'Conversations of this contact' }).waitFor(),
  },
  {
    name: 'analytics',
    path: () => `#/analytics?agent=${demoAgent}`,
    ready: () => page.locator('[data-chart="daily"] svg').first().waitFor(),
  },
  {
    name: 'suggestions',
    path: () => `#/suggestions?agent=${demoAgent}`,
    ready: () => page.locator('.suggestion').first().waitFor(),
  },
];

describe('the console at phone, laptop and desktop widths', () => {
  for (const width of WIDTHS) {
    it(`lays out every screen at ${String(width)} px with no overflow, clipped titles or serious axe violations`, async () => {
      await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
      const problems: string[] = [];
      for (const screen of SCREENS) {
        await page.goto(`${server.url}/${screen.path()}`);
        await screen.ready();
        await settled();
        for (const p of await layoutProblems()) problems.push(`${String(width)}px ${screen.name}: ${p}`);
        for (const v of await axeViolations()) problems.push(`${String(width)}px ${screen.name}: axe ${v}`);
        await shot(`${String(width)}-${screen.name}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('folds the navigation into a menu on a phone, and names each screen in the document title', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/#/knowledge?agent=${demoAgent}`);
    await settled();
    await expect.poll(() => page.title()).toBe('Knowledge · Acme Support · LiveChatAI Console');
    const menu = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Screens' });
    expect(await nav.isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Inbox' }).click();
    await page.waitForURL(/#\/inbox/);
    await expect.poll(() => nav.isVisible()).toBe(false);
    await expect.poll(() => page.title()).toBe('Inbox · Acme Support · LiveChatAI Console');

    // The list opens a conversation as a page of its own, with a way back.
    const row = page.getByRole('list', { name: 'Conversations' }).locator('.list-row').first();
    await row.locator('.row-main').click();
    const view = page.locator('.conversation');
    await view.waitFor();
    expect(await row.isVisible()).toBe(false);
    expect(await view.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(400);
    await page.getByRole('button', { name: '← All conversations' }).click();
    await row.waitFor();

    // Keyboard: the skip link leads to the screen, list rows show their focus.
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${server.url}/#/agents?agent=${demoAgent}`);
    await page.reload();
    await settled();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    const rowButton = page.getByRole('list', { name: 'Agents' }).locator('.row-main').first();
    await rowButton.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await rowButton.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  });
});

describe('console flows', () => {
  let agentId: string;

  beforeAll(async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    agentId = (
      await api<{ id: string }>('/agents', {
        method: 'POST',
        body: { name: `Console E2E ${unique}`, isLiveChatEnabled: true },
      })
    ).id;
  });

  it('shows a web page that could not be fetched as failed, with why, and retries it', async () => {
    await page.goto(`${server.url}/#/knowledge?agent=${agentId}`);
    await page.getByText('No knowledge yet').waitFor();
    // The kinds are real tabs: arrow keys move between them, the form is their tab panel.
    const tabs = page.getByRole('tablist', { name: 'Kind of knowledge' });
    await tabs.getByRole('tab', { name: 'Text' }).focus();
    await page.keyboard.press('ArrowRight');
    const webTab = tabs.getByRole('tab', { name: 'Web page' });
    expect(await webTab.getAttribute('aria-selected')).toBe('true');
    expect(await webTab.evaluate((el) => el === document.activeElement)).toBe(true);
    const panel = page.getByRole('tabpanel', { name: 'Web page' });
    await panel.getByLabel('Page URL').fill(siteURL);
    await panel.getByRole('button', { name: 'Add to knowledge' }).click();

    const row = page.locator('.list-row[data-source-id]', { hasText: siteURL });
    await row.and(page.locator('[data-status="FAILED"]')).waitFor({ timeout: 15_000 });
    expect(await row.innerText()).toContain('Failed');
    expect(await row.innerText()).toContain('could not be fetched');
    expect(await row.innerText()).not.toContain('0 chars');
    await shot('flow-url-failed');

    siteUp = true;
    await row.getByRole('button', { name: 'Retry' }).click();
    const fetched = page.locator('.list-row[data-status="COMPLETED"]', { hasText: `Locker rules ${unique}` });
    await fetched.waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('.list-row[data-status="FAILED"]').count()).toBe(0);
    const sources = await api<{ items: { status: string; url: string | null }[] }>(`/data-sources?agentId=${agentId}`);
    expect(sources.items.map((s) => s.status)).toEqual(['COMPLETED']);
  });

  it('reads a real PDF (and a Word document) in the browser, stores each as its type, and the agent answers from the PDF', async () => {
    const code = `LOCKER-${unique}`;
    const file = join(dataDir, 'handbook.pdf');
    writeFileSync(
      file,
      pdfWith(['Employee handbook', `The orchid locker code is ${code}. The orchid locker is next to the gym.`]),
    );
    await page.goto(`${server.url}/#/knowledge?agent=${agentId}`);
    await page.getByRole('tab', { name: 'File' }).click();
    const panel = page.getByRole('tabpanel', { name: 'File' });
    await panel.locator('input[type="file"]').setInputFiles(file);
    await panel.locator('[data-file-kind="pdf"]').waitFor({ timeout: 20_000 });
    expect(await panel.locator('[data-file-kind="pdf"]').innerText()).toContain('PDF, 1 page');
    expect(await panel.locator('textarea[name="content"]').inputValue()).toContain(code);
    expect(await panel.locator('input[name="title"]').inputValue()).toBe('handbook');
    await panel.getByRole('button', { name: 'Add to knowledge' }).click();
    await page.locator('.list-row', { hasText: 'handbook' }).locator('.badge', { hasText: 'PDF' }).waitFor();

    // A Word document is read too, and stored as DOCX.
    const docx = join(dataDir, 'welcome.docx');
    writeFileSync(docx, docxWith(['Welcome pack', `The bicycle shed code is SHED-${unique}.`]));
    await panel.locator('input[type="file"]').setInputFiles(docx);
    await panel.locator('[data-file-kind="docx"]').waitFor();
    expect(await panel.locator('textarea[name="content"]').inputValue()).toBe(
      `Welcome pack\n\nThe bicycle shed code is SHED-${unique}.`,
    );
    await panel.getByRole('button', { name: 'Add to knowledge' }).click();
    await page.locator('.list-row', { hasText: 'welcome' }).locator('.badge', { hasText: 'DOCX' }).waitFor();

    // A text file is a text source, not a PDF.
    const txt = join(dataDir, 'notes.txt');
    writeFileSync(txt, `Parking is free for visitors ${unique}.`);
    await panel.locator('input[type="file"]').setInputFiles(txt);
    await panel.locator('[data-file-kind="text"]').waitFor();
    await panel.getByRole('button', { name: 'Add to knowledge' }).click();
    await page.locator('.list-row', { hasText: 'notes' }).locator('.badge', { hasText: 'TEXT' }).waitFor();
    await shot('flow-pdf-added');

    await page.getByRole('link', { name: 'Playground' }).click();
    await page.getByLabel('Message').fill('What is the orchid locker code?');
    await page.getByRole('button', { name: 'Send' }).click();
    const answer = page.locator('.bubble-row.assistant[data-state="done"]').last();
    await answer.waitFor({ timeout: 20_000 });
    expect(await answer.innerText()).toContain(code);
  });

  it('turns a suggestion into a Q&A only with an answer: an empty one is refused', async () => {
    const unanswerable = `Do you rent kayaks on Mondays ${unique}?`;
    await page.goto(`${server.url}/#/playground?agent=${agentId}`);
    const done = page.locator('.bubble-row.assistant[data-state="done"]');
    await done.first().waitFor();
    const before = await done.count();
    await page.getByLabel('Message').fill(unanswerable);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => done.count(), { timeout: 20_000 }).toBeGreaterThan(before);
    // The visitor's own bubble never carries a "stopped"/"failed" badge of the answer.
    expect(await page.locator('.bubble-row.user .badge').count()).toBe(0);

    // "Open in inbox" leaves the playground; a team member replies there; back in the playground the chat is
    // still there, with the reply.
    await page.getByRole('link', { name: 'Open in inbox' }).click();
    const human = `A team member here ${unique}: no kayaks, sorry.`;
    await page.getByLabel('Reply', { exact: true }).fill(human);
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    await page.locator('.conversation .bubble-row.agent', { hasText: human }).waitFor();
    await page.getByRole('link', { name: 'Playground' }).click();
    await page.locator('.bubble-row.user', { hasText: unanswerable }).waitFor();
    await page.locator('.bubble-row.agent', { hasText: human }).waitFor({ timeout: 15_000 });

    await page.getByRole('link', { name: 'AI suggestions' }).click();
    const card = page.locator('.suggestion', { hasText: unanswerable });
    await card.waitFor();
    await card.getByRole('button', { name: 'Turn into Q&A' }).click();
    const answerBox = card.getByLabel('Answer');
    expect(await answerBox.inputValue()).toBe('');
    await card.getByRole('button', { name: 'Add Q&A to knowledge' }).click();
    await card.getByRole('alert').filter({ hasText: 'Nothing to save yet' }).waitFor();
    await answerBox.fill('   ');
    await card.getByRole('button', { name: 'Add Q&A to knowledge' }).click();
    await card.getByRole('alert').filter({ hasText: 'Nothing to save yet' }).waitFor();
    const qa = () =>
      api<{ items: unknown[] }>(`/data-sources?agentId=${agentId}&source=QA`).then((d) => d.items.length);
    expect(await qa()).toBe(0);
    await shot('flow-suggestion-refused');

    // The card links to the conversation it came from.
    expect(await card.getByRole('link', { name: /Open conversation/ }).getAttribute('href')).toMatch(
      /#\/inbox\?agent=.*&id=chat_/,
    );
    await answerBox.fill('Yes, kayaks are for rent every Monday from 9am.');
    await card.getByRole('button', { name: 'Add Q&A to knowledge' }).click();
    await card.waitFor({ state: 'detached' });
    expect(await qa()).toBe(1);
  });

  it('opens a conversation at its newest message and follows a reply', async () => {
    let conversationId: string | undefined;
    for (let i = 1; i <= 9; i++) {
      const sent = await api<{ conversationId: string }>('/conversations', {
        method: 'POST',
        body: {
          agentId,
          question: `Question number ${String(i)}: what is the orchid locker code?`,
          ...(conversationId ? { conversationId } : {}),
        },
      });
      conversationId = sent.conversationId;
    }
    await page.setViewportSize({ width: 1024, height: 760 });
    await page.goto(`${server.url}/#/inbox?agent=${agentId}&id=${conversationId!}`);
    const transcript = page.getByRole('log', { name: /Messages with/ });
    await transcript.locator('.bubble').first().waitFor();
    const atBottom = () =>
      transcript.evaluate(
        (el) => el.scrollHeight > el.clientHeight && el.scrollHeight - el.scrollTop - el.clientHeight < 4,
      );
    await expect.poll(atBottom).toBe(true);
    // The visitor is named as a visitor, never by the raw conversation id.
    expect(await page.locator('.conversation-head').innerText()).not.toContain('chat_');
    expect(await page.locator('.list-row.selected .row-preview').innerText()).toContain('AI:');
    await shot('flow-inbox-newest');

    const reply = `A human here ${unique}, the code is on its way.`;
    await page.getByLabel('Reply', { exact: true }).fill(reply);
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    const mine = transcript.locator('.bubble-row.agent', { hasText: reply });
    await mine.waitFor();
    await expect.poll(atBottom).toBe(true);

    // A visitor's message sent elsewhere arrives by polling and is scrolled into view too.
    const followUp = `And where is the gym ${unique}?`;
    await api('/conversations', { method: 'POST', body: { agentId, conversationId, question: followUp } });
    await transcript.locator('.bubble-row.user', { hasText: followUp }).waitFor({ timeout: 15_000 });
    await expect.poll(atBottom).toBe(true);
    await shot('flow-inbox-followed');
  });

  it('shows "new" rather than a percentage when the previous period had nothing', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${server.url}/#/analytics?agent=${agentId}`);
    const kpi = page.locator('.kpi', { hasText: 'Conversations' });
    await kpi.locator('.kpi-change').waitFor();
    expect(await kpi.locator('.kpi-change').innerText()).toBe('new this period');
    expect(await page.locator('.kpis').first().innerText()).not.toContain('100.0%');
    // Duration is neither good nor bad: never coloured.
    expect(
      await page
        .locator('.kpi', { hasText: 'Avg. chat duration' })
        .locator('.kpi-change.good, .kpi-change.bad')
        .count(),
    ).toBe(0);
    await shot('flow-analytics-new');
  });

  it('moves to another agent when the selected one is deleted, and offers Undo for a knowledge delete', async () => {
    await page.goto(`${server.url}/#/knowledge?agent=${agentId}`);
    const titles = async () =>
      (await api<{ items: { title: string }[] }>(`/data-sources?agentId=${agentId}`)).items.map((s) => s.title);
    const notes = page.locator('.list-row', { hasText: 'notes' });
    await notes.getByRole('button', { name: /Delete/ }).click();
    await notes.waitFor({ state: 'detached' });
    await page.locator('.toast', { hasText: 'notes' }).getByRole('button', { name: 'Undo' }).click();
    await notes.waitFor();
    // Deleted for real once its toast runs out (the undone one, scheduled earlier, stays).
    const pdf = page.locator('.list-row', { hasText: 'handbook' });
    await pdf.getByRole('button', { name: /Delete/ }).click();
    await pdf.waitFor({ state: 'detached' });
    expect(await titles()).toContain('handbook');
    await expect.poll(titles, { timeout: 15_000 }).not.toContain('handbook');
    expect(await titles()).toContain('notes');

    await page.goto(`${server.url}/#/agents?agent=${agentId}`);
    const mine = page.locator(`.list-row[data-agent-id="${agentId}"]`);
    await mine.getByRole('button', { name: `Delete Console E2E ${unique}` }).click();
    await mine.getByRole('button', { name: `Confirm delete Console E2E ${unique}` }).click();
    await mine.waitFor({ state: 'detached' });
    await expect.poll(() => new URL(page.url()).hash).not.toContain(agentId);
    const picked = await page.getByLabel('Current agent').inputValue();
    expect(picked).not.toBe(agentId);
    expect(picked).not.toBe('');
    expect(await page.getByLabel('Current agent').innerText()).not.toContain('Unknown');
    await page.getByRole('link', { name: 'Knowledge' }).click();
    await page.getByRole('list', { name: 'Data sources' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    // An address naming the deleted agent moves on too.
    await page.goto(`${server.url}/#/inbox?agent=${agentId}`);
    await expect.poll(() => new URL(page.url()).hash).not.toContain(agentId);
    await shot('flow-agent-deleted');
  });
});
