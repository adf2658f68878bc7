#!/usr/bin/env node
// @ts-check
// The release flow behind `pnpm release` / `pnpm release:dry` (see CONTRIBUTING.md):
//   1. refuse when changesets are pending (run `pnpm version-packages` first; a dry run only warns),
//   2. build every package, 3. run every check (typecheck, lint, test, check:package; size and the
//   packed-package tests run inside `test`), 4. compare each public package's version with the registry,
//   5. dry run: pack what would be published and print it, publish nothing;
//      real run: `changeset publish`, which publishes the unpublished versions in dependency order.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { npmVersionLookup } from './registry.js';
import { publishablePackages, REPO_ROOT } from './workspace.js';
import process from 'node:process';

/** @typedef {import('./workspace.js').WorkspacePackage} WorkspacePackage */
/** @typedef {import('./registry.js').VersionLookup} VersionLookup */
/**
 * @typedef {object} PlanItem
 * @property {WorkspacePackage} pkg
 * @property {boolean} publish           the local version is not on the registry yet
 * @property {string | null} latestPublished
 */

/**
 * Public packages in dependency order, each marked with whether its version still needs publishing.
 * @param {string} root
 * @param {VersionLookup} lookup
 * @returns {Promise<PlanItem[]>}
 */
export async function releasePlan(root, lookup) {
  const packages = publishablePackages(root);
  const versions = await Promise.all(packages.map((pkg) => lookup(pkg.name)));
  return packages.map((pkg, i) => {
    const published = versions[i] ?? [];
    return { pkg, publish: !published.includes(pkg.version), latestPublished: published.at(-1) ?? null };
  });
}

/** @param {PlanItem[]} plan @returns {string} */
export function formatPlan(plan) {
  const width = Math.max(...plan.map((item) => `${item.pkg.name}@${item.pkg.version}`.length));
  return plan
    .map((item) => {
      const id = `${item.pkg.name}@${item.pkg.version}`.padEnd(width);
      if (!item.publish) return `  ${id}  already on the registry`;
      return `  ${id}  publish${item.latestPublished === null ? ' (first release)' : ` (registry has ${item.latestPublished})`}`;
    })
    .join('\n');
}

/** Pending changeset files (.changeset/*.md other than README.md). @param {string} root */
export function pendingChangesets(root) {
  const dir = join(root, '.changeset');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort();
}

/**
 * What the pending changesets would release (`changeset status --output`); [] when the status cannot be computed.
 * @param {string} root
 * @returns {Array<{ name: string, type: string, oldVersion: string, newVersion: string }>}
 */
export function pendingReleasePlan(root) {
  const dir = mkdtempSync(join(tmpdir(), 'livechatai-release-status-'));
  try {
    const output = join(dir, 'status.json');
    const result = spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'changeset'), ['status', `--output=${output}`], {
      cwd: root,
      encoding: 'utf8',
    });
    if (result.status !== 0 || !existsSync(output)) return [];
    const status =
      /** @type {{ releases?: Array<{ name: string, type: string, oldVersion: string, newVersion: string }> }} */ (
        JSON.parse(readFileSync(output, 'utf8'))
      );
    return (status.releases ?? []).filter((r) => r.type !== 'none');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Paths `git status` reports as changed or untracked (none outside a git work tree). @param {string} root */
export function uncommittedChanges(root) {
  const result = spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) return [];
  return result.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.slice(3));
}

/** Run a command with inherited output; throw when it fails. @param {string} cmd @param {string[]} args @param {string} cwd @param {NodeJS.ProcessEnv} [env] */
function step(cmd, args, cwd, env = process.env) {
  process.stdout.write(`\n$ ${[cmd, ...args].join(' ')}\n`);
  const result = spawnSync(cmd, args, { cwd, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${String(result.status)})`);
}

/**
 * Pack a package the way publishing does (pnpm rewrites workspace: ranges) and return the tarball path.
 * @param {WorkspacePackage} pkg @param {string} destination
 */
export function packPackage(pkg, destination) {
  const before = new Set(readdirSync(destination));
  execFileSync('pnpm', ['pack', '--pack-destination', destination], { cwd: pkg.dir, stdio: 'pipe' });
  const created = readdirSync(destination).filter((f) => f.endsWith('.tgz') && !before.has(f));
  if (created.length !== 1 || created[0] === undefined)
    throw new Error(`pnpm pack in ${pkg.dir} produced ${String(created.length)} tarballs`);
  const tarball = join(destination, created[0]);
  const manifest = execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' });
  if (manifest.includes('workspace:'))
    throw new Error(`${pkg.name}: the packed package.json still contains a workspace: range`);
  return tarball;
}

/** @param {string[]} argv @returns {Promise<number>} the exit code */
export async function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      'dry-run': { type: 'boolean', default: false },
      'skip-build': { type: 'boolean', default: false },
      'skip-checks': { type: 'boolean', default: false },
      registry: { type: 'string' },
      root: { type: 'string' },
      'pack-destination': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      'Usage: release [--dry-run [--pack-destination DIR]] [--registry URL] [--skip-build] [--skip-checks] [--root DIR]\n' +
        'Builds, checks and publishes (changeset publish) every public package whose version is not on the registry.\n',
    );
    return 0;
  }
  const dryRun = values['dry-run'];
  const root = resolve(values.root ?? REPO_ROOT);
  if (!dryRun && values.registry !== undefined) {
    // A real release compares with and publishes to the registry of npm's configuration (.npmrc), never two different ones.
    process.stderr.write('release: --registry is for --dry-run only; configure the registry to publish to in .npmrc\n');
    return 1;
  }
  const env = values.registry === undefined ? process.env : { ...process.env, npm_config_registry: values.registry };

  const pending = pendingChangesets(root);
  if (pending.length > 0) {
    const message = `${String(pending.length)} pending changeset(s) (${pending.join(', ')}): run \`pnpm version-packages\` and commit before releasing.`;
    if (!dryRun) {
      process.stderr.write(`release: ${message}\n`);
      return 1;
    }
    process.stdout.write(`warning: ${message}\n`);
    const pendingReleases = pendingReleasePlan(root);
    if (pendingReleases.length > 0) {
      process.stdout.write('After `pnpm version-packages`, these versions would be released:\n');
      for (const r of pendingReleases)
        process.stdout.write(`  ${r.name}  ${r.oldVersion} -> ${r.newVersion} (${r.type})\n`);
    }
  }

  const dirty = uncommittedChanges(root);
  if (dirty.length > 0) {
    const message = `uncommitted changes (${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? ', …' : ''}): commit them first, so what is published is what is tagged.`;
    if (!dryRun) {
      process.stderr.write(`release: ${message}\n`);
      return 1;
    }
    process.stdout.write(`warning: ${message}\n`);
  }

  if (!values['skip-build']) step('pnpm', ['turbo', 'run', 'build', '--filter=./packages/*'], root, env);
  if (!values['skip-checks']) {
    step(
      'pnpm',
      ['turbo', 'run', 'typecheck', 'lint', 'test', 'check:package', '--filter=./packages/*', '--filter=./apps/*'],
      root,
      env,
    );
  }

  const lookup = npmVersionLookup({ registry: values.registry, cwd: root });
  const plan = await releasePlan(root, lookup);
  const toPublish = plan.filter((item) => item.publish);
  process.stdout.write(`\nRelease plan (dependency order):\n${formatPlan(plan)}\n`);

  if (dryRun) {
    const keep = values['pack-destination'];
    const destination = keep === undefined ? mkdtempSync(join(tmpdir(), 'livechatai-release-dry-')) : resolve(keep);
    if (keep !== undefined) mkdirSync(destination, { recursive: true });
    try {
      for (const item of toPublish) packPackage(item.pkg, destination);
    } finally {
      if (keep === undefined) rmSync(destination, { recursive: true, force: true });
    }
    if (keep !== undefined) process.stdout.write(`\nTarballs written to ${destination}\n`);
    process.stdout.write(`\nWould publish ${String(toPublish.length)} package(s):\n`);
    for (const item of toPublish) process.stdout.write(`  ${item.pkg.name}@${item.pkg.version}\n`);
    process.stdout.write('\nDry run: every package packed cleanly; nothing was published.\n');
    return 0;
  }

  if (toPublish.length === 0) {
    process.stdout.write('\nNothing to publish.\n');
    return 0;
  }
  // The changesets CLI of the workspace this script belongs to, run in the released workspace.
  step(join(REPO_ROOT, 'node_modules', '.bin', 'changeset'), ['publish'], root, env);
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (/** @type {unknown} */ error) => {
      process.stderr.write(`release: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
