// @ts-check
// Discovers the workspace's packages from packages/*/package.json (no hard-coded list) and orders them so
// that every package comes after the workspace packages it depends on.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {object} Manifest
 * @property {string} name
 * @property {string} version
 * @property {boolean} [private]
 * @property {Record<string, string>} [dependencies]
 * @property {Record<string, string>} [peerDependencies]
 * @property {Record<string, string>} [optionalDependencies]
 * @property {Record<string, string>} [devDependencies]
 * @property {Record<string, string>} [bin]
 */
/**
 * @typedef {object} WorkspacePackage
 * @property {string} name
 * @property {string} version
 * @property {string} dir        absolute folder
 * @property {string} folder     folder name under packages/
 * @property {boolean} private
 * @property {string[]} internalDependencies  workspace packages in dependencies / peer / optional
 * @property {Manifest} manifest
 */

/** The repository root (two levels above this package's src folder). */
export const REPO_ROOT = dirname(dirname(dirname(dirname(fileURLToPath(import.meta.url)))));

/**
 * All packages under `<root>/packages`, sorted by folder name.
 * @param {string} [root]
 * @returns {WorkspacePackage[]}
 */
export function discoverPackages(root = REPO_ROOT) {
  const base = join(root, 'packages');
  /** @type {Array<{ folder: string, dir: string, manifest: Manifest }>} */
  const found = [];
  for (const folder of readdirSync(base).sort()) {
    const file = join(base, folder, 'package.json');
    if (!existsSync(file)) continue;
    found.push({
      folder,
      dir: join(base, folder),
      manifest: /** @type {Manifest} */ (JSON.parse(readFileSync(file, 'utf8'))),
    });
  }
  const names = new Set(found.map((p) => p.manifest.name));
  return found.map(({ folder, dir, manifest }) => ({
    name: manifest.name,
    version: manifest.version,
    dir,
    folder,
    private: manifest.private === true,
    internalDependencies: Object.keys({
      ...manifest.dependencies,
      ...manifest.peerDependencies,
      ...manifest.optionalDependencies,
    }).filter((dep) => names.has(dep)),
    manifest,
  }));
}

/**
 * The packages that get published: not private.
 * @param {string} [root]
 */
export function publishablePackages(root = REPO_ROOT) {
  return topologicalOrder(discoverPackages(root).filter((p) => !p.private));
}

/**
 * Dependencies first; ties broken by name so the order is stable. Throws on a dependency cycle.
 * @param {WorkspacePackage[]} packages
 * @returns {WorkspacePackage[]}
 */
export function topologicalOrder(packages) {
  const byName = new Map(packages.map((p) => [p.name, p]));
  /** @type {WorkspacePackage[]} */
  const ordered = [];
  const done = new Set();
  const visiting = new Set();
  /** @param {WorkspacePackage} pkg @param {string[]} trail */
  const visit = (pkg, trail) => {
    if (done.has(pkg.name)) return;
    if (visiting.has(pkg.name)) throw new Error(`dependency cycle: ${[...trail, pkg.name].join(' -> ')}`);
    visiting.add(pkg.name);
    for (const dep of [...pkg.internalDependencies].sort()) {
      const target = byName.get(dep);
      if (target !== undefined) visit(target, [...trail, pkg.name]);
    }
    visiting.delete(pkg.name);
    done.add(pkg.name);
    ordered.push(pkg);
  };
  for (const pkg of [...packages].sort((a, b) => a.name.localeCompare(b.name))) visit(pkg, []);
  return ordered;
}
