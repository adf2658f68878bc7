// The release flow end to end in a temporary git copy of the workspace's manifests: add a changeset, run
// `changeset version` (pnpm version-packages), check versions / changelogs / dependent bumps, then run the
// release script's dry run against a local registry and check what it would publish — and that it publishes nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverPackages, type WorkspacePackage } from '../src/workspace.js';
import { startFakeRegistry, type FakeRegistry } from './helpers/fake-registry.js';
import { bump, inCaretRange } from './helpers/semver.js';
import { CHANGESET, copyWorkspace, release } from './helpers/workspace-copy.js';

const readManifest = (dir: string, folder: string) =>
  JSON.parse(readFileSync(join(dir, 'packages', folder, 'package.json'), 'utf8')) as {
    version: string;
    dependencies?: Record<string, string>;
  };

describe('release flow: changeset -> version-packages -> release --dry-run', () => {
  let dir: string;
  let before: WorkspacePackage[];
  let registry: FakeRegistry;
  const expected = new Map<string, string>();

  beforeAll(async () => {
    dir = copyWorkspace();
    before = discoverPackages(dir);
    registry = await startFakeRegistry({});
  });
  afterAll(async () => {
    await registry.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a real release refuses while changesets are pending', async () => {
    writeFileSync(
      join(dir, '.changeset', 'release-test-core.md'),
      '---\n"@livechatai/core": minor\n"@livechatai/contacts": patch\n---\n\nRelease-flow test: a new core option.\n',
    );
    const result = await release(['--skip-build', '--skip-checks', '--root', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('pending changeset(s) (release-test-core.md)');
    expect(result.stderr).toContain('pnpm version-packages');
    expect(registry.requests).toEqual([]);
    // A dry run only warns, and shows what the pending changesets would release.
    const dry = await release([
      '--dry-run',
      '--skip-build',
      '--skip-checks',
      '--root',
      dir,
      '--registry',
      registry.url,
    ]);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('warning: 1 pending changeset(s)');
    const core = before.find((p) => p.folder === 'core')!;
    expect(dry.stdout).toContain(`@livechatai/core  ${core.version} -> ${bump(core.version, 'minor')} (minor)`);
    expect(registry.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('version-packages bumps the changed packages and their dependents, writes changelogs, leaves private packages alone', () => {
    execFileSync(CHANGESET, ['version'], { cwd: dir, stdio: 'pipe' });
    expect(existsSync(join(dir, '.changeset', 'release-test-core.md'))).toBe(false);

    // Expected: core minor, contacts patch; then, repeatedly, every public package with a dependency whose new
    // version leaves the dependent's `workspace:^` range (caret on the old version) gets a patch bump. A dependency
    // bumped within range (e.g. 0.1.0 -> 0.1.1) needs no new release of its dependents; in 0.0.x no bump is within
    // range (^0.0.0 is 0.0.0 alone), so there the patch of contacts alone reaches server, react, livechatai and,
    // through livechatai, the CLI.
    const bumps = new Map<string, 'minor' | 'patch'>([
      ['@livechatai/core', 'minor'],
      ['@livechatai/contacts', 'patch'],
    ]);
    const byName = new Map(before.map((p) => [p.name, p]));
    const leavesRange = (dep: string) => {
      const kind = bumps.get(dep);
      const old = byName.get(dep)?.version;
      return kind !== undefined && old !== undefined && !inCaretRange(bump(old, kind), old);
    };
    for (let changed = true; changed;) {
      changed = false;
      for (const pkg of before.filter((p) => !p.private && !bumps.has(p.name))) {
        if (pkg.internalDependencies.some(leavesRange)) {
          bumps.set(pkg.name, 'patch');
          changed = true;
        }
      }
    }
    expect(bumps.size).toBeGreaterThan(2); // the resource packages depend on core

    for (const pkg of before) {
      const after = readManifest(dir, pkg.folder);
      const kind = pkg.private ? undefined : bumps.get(pkg.name);
      const version = kind === undefined ? pkg.version : bump(pkg.version, kind);
      expected.set(pkg.name, version);
      expect(`${pkg.name}@${after.version}`).toBe(`${pkg.name}@${version}`);
      const changelog = join(dir, 'packages', pkg.folder, 'CHANGELOG.md');
      expect(existsSync(changelog), `${pkg.name} CHANGELOG.md`).toBe(kind !== undefined);
      if (kind === undefined) continue;
      const text = readFileSync(changelog, 'utf8');
      expect(text).toContain(`## ${version}`);
      if (pkg.name === '@livechatai/core' || pkg.name === '@livechatai/contacts') {
        expect(text).toContain('Release-flow test: a new core option.');
      }
      // A package bumped for its dependencies lists each bumped workspace dependency at its new version under one
      // "Updated dependencies" line (.changeset/changelog.cjs), also when it was bumped one step further down (the
      // CLI through livechatai), where the stock generator wrote a bare list.
      const bumpedDeps = pkg.internalDependencies.filter((dep) => bumps.has(dep));
      if (kind === 'patch' && pkg.name !== '@livechatai/contacts')
        expect(bumpedDeps.length, pkg.name).toBeGreaterThan(0);
      if (bumpedDeps.length > 0)
        expect(text.match(/^- Updated dependencies/gm), `${pkg.name} CHANGELOG.md`).toHaveLength(1);
      for (const dep of bumpedDeps) {
        const line = `- ${dep}@${bump(byName.get(dep)!.version, bumps.get(dep)!)}`;
        expect(
          text.split('\n').map((l) => l.trim()),
          `${pkg.name} CHANGELOG.md lists ${line}`,
        ).toContain(line);
      }
      // workspace ranges stay workspace ranges in the repository; pnpm rewrites them when packing.
      for (const [dep, range] of Object.entries(after.dependencies ?? {})) {
        if (dep.startsWith('@livechatai/') || dep === 'livechatai') expect(range).toMatch(/^workspace:/);
      }
    }
  });

  it('a real release refuses uncommitted changes (the version bumps above) and a --registry other than npm config', async () => {
    const seen = registry.requests.length;
    const dirty = await release(['--skip-build', '--skip-checks', '--root', dir]);
    expect(dirty.status).toBe(1);
    expect(dirty.stderr).toMatch(/uncommitted changes \(packages\/[\w-]+\/(package\.json|CHANGELOG\.md)/);
    const registryFlag = await release(['--skip-build', '--skip-checks', '--root', dir, '--registry', registry.url]);
    expect(registryFlag.status).toBe(1);
    expect(registryFlag.stderr).toContain('--registry is for --dry-run only');
    expect(registry.requests.length).toBe(seen);
  });

  it('the dry run lists exactly the unpublished versions in dependency order and publishes nothing', async () => {
    // The registry already has the emulator at its current version and an older core.
    const emulator = before.find((p) => p.folder === 'emulator');
    const core = before.find((p) => p.folder === 'core')!;
    const publishedNow: Record<string, string[]> = { [core.name]: [core.version] };
    if (emulator !== undefined) publishedNow[emulator.name] = [expected.get(emulator.name)!];
    const reg = await startFakeRegistry(publishedNow);
    {
      try {
        const tarballs = join(dir, 'tarballs');
        const result = await release([
          '--dry-run',
          '--skip-build',
          '--skip-checks',
          '--root',
          dir,
          '--registry',
          reg.url,
          '--pack-destination',
          tarballs,
        ]);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        const listed = result.stdout
          .split('Would publish')[1]!
          .split('\n')
          .slice(1)
          .map((l) => l.trim())
          .filter((l) => /^\S+@\d/.test(l));
        const publicPackages = before.filter((p) => !p.private);
        const wanted = publicPackages
          .filter((p) => p.name !== emulator?.name)
          .map((p) => `${p.name}@${expected.get(p.name)!}`);
        expect([...listed].sort()).toEqual([...wanted].sort());
        // Dependency order: each package after the workspace packages it depends on.
        const position = new Map(listed.map((id, i) => [id.slice(0, id.lastIndexOf('@')), i]));
        for (const pkg of publicPackages) {
          for (const dep of pkg.internalDependencies) {
            if (position.has(pkg.name) && position.has(dep))
              expect(position.get(dep)!).toBeLessThan(position.get(pkg.name)!);
          }
        }
        expect(result.stdout).toContain(`${core.name}@${expected.get(core.name)!}`);
        expect(result.stdout).toContain(`(registry has ${core.version})`);
        if (emulator !== undefined)
          expect(result.stdout).toMatch(new RegExp(`${emulator.name}@\\S+\\s+already on the registry`));
        expect(result.stdout).toContain('nothing was published');
        // The registry was asked about every public package, and nothing was written to it.
        expect(new Set(reg.requests.map((r) => r.name))).toEqual(new Set(publicPackages.map((p) => p.name)));
        expect(reg.requests.filter((r) => r.method !== 'GET')).toEqual([]);
        // The packed manifests carry real ranges on the new versions instead of workspace: ranges.
        const contacts = before.find((p) => p.folder === 'contacts')!;
        const tarball = join(tarballs, `livechatai-contacts-${expected.get(contacts.name)!}.tgz`);
        const packed = JSON.parse(
          execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
        ) as {
          version: string;
          dependencies: Record<string, string>;
        };
        expect(packed.version).toBe(expected.get(contacts.name));
        expect(packed.dependencies[core.name]).toBe(`^${expected.get(core.name)!}`);
        // Nothing was versioned, tagged or committed by the dry run.
        expect(execFileSync('git', ['tag'], { cwd: dir, encoding: 'utf8' })).toBe('');
      } finally {
        await reg.close();
      }
    }
  });
});
