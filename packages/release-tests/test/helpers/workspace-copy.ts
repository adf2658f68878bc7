// A temporary git repository holding the workspace's root files and every package.json (no sources), for the
// release-flow tests: `changeset version` and the release script's dry run run there, never in the workspace.
import { execFile, execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { discoverPackages, REPO_ROOT } from '../../src/workspace.js';

export const RELEASE = join(REPO_ROOT, 'packages', 'release-tests', 'src', 'release.js');
export const CHANGESET = join(REPO_ROOT, 'node_modules', '.bin', 'changeset');

export interface CopyOptions {
  /** Also copy the workspace's pending changesets; by default only the rest of `.changeset/` (config, README, changelog.cjs). */
  pendingChangesets?: boolean;
}

export function copyWorkspace(options: CopyOptions = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'livechatai-release-flow-'));
  const files = ['package.json', 'pnpm-workspace.yaml'];
  for (const file of readdirSync(join(REPO_ROOT, '.changeset'))) {
    const pending = file.endsWith('.md') && file !== 'README.md';
    if (!pending || options.pendingChangesets === true) files.push(`.changeset/${file}`);
  }
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(REPO_ROOT, file), join(dir, file));
  }
  const packages = discoverPackages();
  for (const pkg of packages) {
    mkdirSync(join(dir, 'packages', pkg.folder), { recursive: true });
    cpSync(join(pkg.dir, 'package.json'), join(dir, 'packages', pkg.folder, 'package.json'));
  }
  // The changelog generator named in .changeset/config.json resolves from the copy's node_modules. Link only
  // @changesets/cli (never the whole node_modules: a package manager run in the copy must not touch the workspace's).
  mkdirSync(join(dir, 'node_modules', '@changesets'), { recursive: true });
  symlinkSync(
    realpathSync(join(REPO_ROOT, 'node_modules', '@changesets', 'cli')),
    join(dir, 'node_modules', '@changesets', 'cli'),
    'dir',
  );
  // Link workspace dependencies the way `pnpm install` does (pnpm pack reads their versions from there).
  const folderOf = new Map(packages.map((p) => [p.name, p.folder]));
  for (const pkg of packages) {
    const m = pkg.manifest;
    const all = { ...m.dependencies, ...m.devDependencies, ...m.peerDependencies, ...m.optionalDependencies };
    for (const [dep, range] of Object.entries(all)) {
      const folder = folderOf.get(dep);
      if (folder === undefined || !range.startsWith('workspace:')) continue;
      const link = join(dir, 'packages', pkg.folder, 'node_modules', dep);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(dir, 'packages', folder), link, 'dir');
    }
  }
  // The changelog generator names the commit that added each changeset, so the copy is a repository with one commit.
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=release-test', '-c', 'user.email=release@test.invalid', ...args], {
      cwd: dir,
      stdio: 'pipe',
    });
  git('init', '-q', '-b', 'main');
  writeFileSync(join(dir, '.gitignore'), 'node_modules\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'workspace copy');
  return dir;
}

export interface ChangesetStatus {
  changesets: { id: string; summary: string; releases: { name: string; type: string }[] }[];
  releases: { name: string; type: string; oldVersion: string; newVersion: string; changesets: string[] }[];
}

/** The pending changesets and the release plan, parsed by changesets itself (`changeset status --output`). */
export function changesetStatus(dir: string): ChangesetStatus {
  const tmp = mkdtempSync(join(tmpdir(), 'livechatai-status-'));
  try {
    const output = join(tmp, 'status.json');
    execFileSync(CHANGESET, ['status', `--output=${output}`], { cwd: dir, stdio: 'pipe' });
    return JSON.parse(readFileSync(output, 'utf8')) as ChangesetStatus;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Run the release script asynchronously (a fake registry living in the test's process must keep answering). */
export function release(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', [RELEASE, ...args], { encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ status: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
  });
}
