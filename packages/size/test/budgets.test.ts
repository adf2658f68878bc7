import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle, ENTRIES, formatTable, measure, PACKAGES_DIR } from '../src/index.js';

// Published packages that run only in Node (servers, command lines): no browser bundle to budget.
// server: the chat handler runs on servers and edge runtimes, never in a browser bundle
const NODE_ONLY = new Set(['cli', 'emulator', 'spec', 'server']);

describe('size budgets (min+gzip of the built packages)', () => {
  for (const entry of ENTRIES.filter((e) => e.budget !== null)) {
    it(`${entry.name} stays within ${String(entry.budget)} B`, async () => {
      const [result] = await measure([entry]);
      expect(result?.error).toBeNull();
      expect(result?.gzip).toBeLessThanOrEqual(entry.budget ?? 0);
      expect(result?.ok).toBe(true);
    });
  }

  it('a goal, where set, is below its enforced budget (a met goal becomes the budget)', () => {
    for (const e of ENTRIES) if (e.goal !== undefined && e.goal !== null) expect(e.goal).toBeLessThan(e.budget ?? 0);
  });

  it('every reference row builds', async () => {
    const results = await measure(ENTRIES.filter((e) => e.budget === null));
    expect(results.filter((r) => r.error !== null).map((r) => `${r.name}: ${r.error ?? ''}`)).toEqual([]);
  });
});

describe('the measurement itself', () => {
  const core = ENTRIES.find((e) => e.name.startsWith('core:'))!;

  it('is deterministic (same bytes on every build)', async () => {
    const [a, b] = await Promise.all([bundle(core), bundle(core)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('reports an entry over its budget as not ok', async () => {
    const [result] = await measure([{ ...core, budget: 10 }]);
    expect(result?.error).toBeNull();
    expect(result?.ok).toBe(false);
    expect(formatTable(result ? [result] : [])).toContain('NO (over budget)');
  });

  it('tree-shakes: one call is smaller than the whole surface of core', async () => {
    const all = ENTRIES.find((e) => e.name === 'reference: all of core')!;
    const [one, whole] = await measure([core, all]);
    expect(one!.gzip).toBeLessThan(whole!.gzip!);
  });

  it('covers every published browser package', () => {
    const measured = new Set(ENTRIES.flatMap((e) => e.packages));
    const published = readdirSync(PACKAGES_DIR).filter((dir) => {
      const manifest = join(PACKAGES_DIR, dir, 'package.json');
      return (
        existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { private?: boolean }).private !== true
      );
    });
    expect(published.filter((dir) => !measured.has(dir) && !NODE_ONLY.has(dir))).toEqual([]);
  });
});

describe('the size command', () => {
  it('prints a row for every entry; with --check it exits 1 exactly when a row is not ok', async () => {
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(
        'node',
        [join(import.meta.dirname, '..', 'src', 'cli.js'), '--check'],
        { encoding: 'utf8' },
        (error, stdout) => {
          resolve({ code: error === null ? 0 : Number(error.code), stdout });
        },
      );
    });
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^entry\s+min\s+min\+gzip\s+budget\s+goal\s+ok$/);
    for (const entry of ENTRIES) expect(lines.some((line) => line.startsWith(entry.name))).toBe(true);
    const failing = lines.filter((line) => / (NO \(over budget\)|FAIL: .*)$/.test(line));
    expect(result.code).toBe(failing.length > 0 ? 1 : 0);
  });
});

describe('the comparison rows (other clients, measured the same way)', () => {
  const rows = [
    { library: 'openai', marker: 'https://api.openai.com/v1', atLeast: 10_000 },
    { library: 'openapi-fetch', marker: 'querySerializer', atLeast: 1000 },
  ];
  for (const { library, marker, atLeast } of rows) {
    it(`measures ${library}: a row that builds, is at least ${String(atLeast)} B and carries ${library}'s code`, async () => {
      const entry = ENTRIES.find((e) => e.name.startsWith(`compare: ${library} `));
      expect(entry, `a "compare: ${library} …" row in src/entries.js`).toBeDefined();
      if (entry === undefined) return;
      expect(entry.budget).toBeNull();
      expect(entry.name).not.toContain('not installed');
      const [result] = await measure([entry]);
      expect(result?.error).toBeNull();
      expect(result?.gzip).toBeGreaterThanOrEqual(atLeast);
      const code = new TextDecoder().decode(await bundle(entry));
      expect(code).toContain(marker);
      expect(code).toContain(entry.contains ?? '');
    });
  }

  it('prints them in the table', async () => {
    const table = formatTable(await measure(ENTRIES.filter((e) => e.name.startsWith('compare: '))));
    expect(table).toMatch(/^compare: openai \S+: client \+ one request\s+\d+\s+\d+\s+reference/m);
    expect(table).toMatch(/^compare: openapi-fetch \S+: createClient \+ one GET\s+\d+\s+\d+\s+reference/m);
  });
});
