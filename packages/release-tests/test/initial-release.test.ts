// A package's first release: the repository's REAL pending changesets, applied to a temporary copy of the workspace.
//
// A public package that was never released has version 0.0.0 and exactly one pending changeset,
// `.changeset/<folder>-initial-release.md`: a minor of that package alone (0.0.0 -> 0.1.0) whose text is the first
// entry of its changelog. This test is written so that it stays true after the first release instead of going
// stale: once `changeset version` has consumed the initial-release changesets, every package is past 0.0.0 and
// nothing is left for it to check, so it skips itself (the reason is in its title). It comes back on its own when a
// new package is added at 0.0.0 with its initial-release changeset. Until a package is first released, a change to
// it goes into that changeset's text, not into a changeset of its own (CONTRIBUTING.md, "Changes and releases").
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingChangesets } from '../src/release.js';
import { discoverPackages, REPO_ROOT } from '../src/workspace.js';
import { startFakeRegistry } from './helpers/fake-registry.js';
import { changesetStatus, CHANGESET, copyWorkspace, release, type ChangesetStatus } from './helpers/workspace-copy.js';

const INITIAL = '-initial-release';
const packages = discoverPackages();
const unreleased = packages.filter((p) => !p.private && p.version === '0.0.0');
const initialChangesets = pendingChangesets(REPO_ROOT).filter((file) => file.endsWith(`${INITIAL}.md`));
const nothingToCheck = unreleased.length === 0 && initialChangesets.length === 0;
const title = nothingToCheck
  ? 'initial release: skipped, no package awaits its first release (none at 0.0.0, no *-initial-release.md pending)'
  : `initial release of ${String(unreleased.length)} package(s): the pending changesets make each a clean 0.1.0`;

/** The lines of `## <version>` up to the next version heading. */
function section(changelog: string, version: string): string[] {
  const lines = changelog.split('\n');
  const start = lines.indexOf(`## ${version}`);
  if (start === -1) return [];
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

describe.skipIf(nothingToCheck)(title, () => {
  let dir: string;
  let status: ChangesetStatus;

  beforeAll(() => {
    dir = copyWorkspace({ pendingChangesets: true });
    status = changesetStatus(dir); // parsed by changesets itself, in the copy
  });
  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('every public package at 0.0.0 has exactly one pending changeset, its own initial release: a minor of it alone', () => {
    for (const pkg of unreleased) {
      const naming = status.changesets.filter((c) => c.releases.some((r) => r.name === pkg.name)).map((c) => c.id);
      expect(naming, `${pkg.name}: its pending changesets`).toEqual([`${pkg.folder}${INITIAL}`]);
    }
    for (const changeset of status.changesets.filter((c) => c.id.endsWith(INITIAL))) {
      const pkg = packages.find((p) => `${p.folder}${INITIAL}` === changeset.id);
      expect(pkg, `${changeset.id}.md names a folder under packages/`).toBeDefined();
      expect(`${pkg!.name}@${pkg!.version}${pkg!.private ? ' (private)' : ''}`, `${changeset.id}.md`).toBe(
        `${pkg!.name}@0.0.0`,
      );
      expect(changeset.releases, `${changeset.id}.md`).toEqual([{ name: pkg!.name, type: 'minor' }]);
      // A first changelog entry says what the package is, not how it got there.
      expect(changeset.summary, `${changeset.id}.md`).toMatch(/^First release of `[^`]+`/);
      for (const history of [/\bbreaking\b/i, /\d\s?kB\b/, /→|->/, /\b(than before|no longer|used to)\b/i]) {
        expect(changeset.summary, `${changeset.id}.md`).not.toMatch(history);
      }
    }
  });

  it('the release dry run shows every package awaiting its first release going 0.0.0 -> 0.1.0', async () => {
    const registry = await startFakeRegistry({});
    try {
      const dry = await release([
        '--dry-run',
        '--skip-build',
        '--skip-checks',
        '--root',
        dir,
        '--registry',
        registry.url,
      ]);
      expect(dry.status, dry.stderr).toBe(0);
      const after = dry.stdout.split('these versions would be released:\n')[1] ?? '';
      const plan = after.split('\n').filter((line) => /^ {2}\S+ {2}\S+ -> \S+ \(\w+\)$/.test(line));
      const firstReleases = plan.filter((line) => unreleased.some((p) => line.startsWith(`  ${p.name}  `)));
      expect(firstReleases.sort()).toEqual(unreleased.map((p) => `  ${p.name}  0.0.0 -> 0.1.0 (minor)`).sort());
      expect(registry.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    } finally {
      await registry.close();
    }
  });

  it('changeset version gives each 0.1.0 and a changelog whose 0.1.0 section is its entry; private packages untouched', () => {
    execFileSync(CHANGESET, ['version'], { cwd: dir, stdio: 'pipe' });
    const left = readdirSync(join(dir, '.changeset')).filter((f) => f.endsWith(`${INITIAL}.md`));
    expect(left, 'changeset version consumes the initial releases').toEqual([]);

    for (const pkg of unreleased) {
      const manifest = JSON.parse(readFileSync(join(dir, 'packages', pkg.folder, 'package.json'), 'utf8')) as {
        version: string;
      };
      expect(`${pkg.name}@${manifest.version}`).toBe(`${pkg.name}@0.1.0`); // not 0.2.0, not 0.1.1
      const file = join(dir, 'packages', pkg.folder, 'CHANGELOG.md');
      expect(existsSync(file), `${pkg.name} CHANGELOG.md`).toBe(true);
      const changelog = readFileSync(file, 'utf8');
      expect(changelog.match(/^## .*/gm), `${pkg.name}: one version in its first changelog`).toEqual(['## 0.1.0']);
      const lines = section(changelog, '0.1.0').map((line) => line.trim());
      const summary = status.changesets.find((c) => c.id === `${pkg.folder}${INITIAL}`)!.summary;
      for (const line of summary.split('\n').map((l) => l.trim())) {
        if (line !== '')
          expect(
            lines.some((l) => l.endsWith(line)),
            `${pkg.name} 0.1.0 has: ${line}`,
          ).toBe(true);
      }
      // Besides its entry, only the dependencies it is released with: one line, then each at its new version.
      const minor = lines.indexOf('### Minor Changes');
      const patch = lines.indexOf('### Patch Changes');
      expect(minor, `${pkg.name}: its entry is a minor change`).toBe(1);
      expect(
        lines.filter((l) => l.startsWith('### ')),
        pkg.name,
      ).toEqual(patch === -1 ? ['### Minor Changes'] : ['### Minor Changes', '### Patch Changes']);
      if (patch !== -1) {
        const deps = lines.slice(patch + 1).filter((l) => l !== '');
        expect(deps[0], pkg.name).toMatch(/^- Updated dependencies \[[0-9a-f]{7}\]$/);
        for (const line of deps.slice(1)) {
          const [, name, version] = /^- (\S+)@(\d+\.\d+\.\d+)$/.exec(line) ?? [];
          expect(pkg.internalDependencies, `${pkg.name}: ${line}`).toContain(name);
          // a dependency released with it is at its own first version
          if (unreleased.some((p) => p.name === name)) expect(`${name}@${version}`).toBe(`${name}@0.1.0`);
        }
      }
    }

    for (const pkg of packages.filter((p) => p.private)) {
      const manifest = readFileSync(join(dir, 'packages', pkg.folder, 'package.json'), 'utf8');
      expect(manifest, `${pkg.name} package.json`).toBe(readFileSync(join(pkg.dir, 'package.json'), 'utf8'));
      expect(existsSync(join(dir, 'packages', pkg.folder, 'CHANGELOG.md')), `${pkg.name} CHANGELOG.md`).toBe(false);
    }
  });
});
