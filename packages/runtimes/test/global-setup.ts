// Once per run: pack `livechatai` and the workspace packages it depends on with the release tests' packing code
// (`pnpm pack`, as published), install those tarballs into a throw-away npm project outside the workspace (offline,
// from the local files only), copy the scenario and each runtime's entry into it, and bundle the worker and edge
// entries with esbuild (workerd and the edge runtime resolve no node_modules). The tests get the project's folder.
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';
import { createProject, installedPackages, run, type Packed } from '@livechatai/release-tests/test/helpers/projects.js';
// release-tests is a private, unbuilt tool package: its sources are its entry points (one packing code path)
// eslint-disable-next-line no-restricted-imports
import { packPackage } from '@livechatai/release-tests/src/release.js';
// eslint-disable-next-line no-restricted-imports
import { publishablePackages } from '@livechatai/release-tests/src/workspace.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const SCENARIO = join(import.meta.dirname, '..', 'src', 'scenario.js');

export interface MatrixProject {
  /** The npm project with the installed tarballs, the scenario and every runtime's entry. */
  dir: string;
  /** Which packages the install put in node_modules, and the versions of ours. */
  installed: string[];
  versions: Record<string, string>;
  /** What npm printed (with a registry nobody listens on and --offline: any registry fetch fails the install). */
  install: { code: number | null; stdout: string; stderr: string };
  tarballs: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    matrix: MatrixProject;
  }
}

/** `livechatai` and every workspace package it depends on, dependencies first. */
function packUmbrella(): Packed {
  const all = publishablePackages();
  const wanted = new Set<string>();
  const visit = (name: string) => {
    if (wanted.has(name)) return;
    wanted.add(name);
    const pkg = all.find((p) => p.name === name);
    if (pkg === undefined) throw new Error(`${name} is not a published package of the workspace`);
    for (const dep of pkg.internalDependencies) visit(dep);
  };
  visit('livechatai');
  const dir = mkdtempSync(join(tmpdir(), 'livechatai-runtimes-packed-'));
  const packages = all.filter((p) => wanted.has(p.name));
  const tarballs = new Map<string, string>();
  for (const pkg of packages) tarballs.set(pkg.name, packPackage(pkg, dir));
  return { dir, packages, tarballs };
}

export default async function setup(project: TestProject) {
  const packed = packUmbrella();
  const files: Record<string, string> = {
    'scenario.mjs': readFileSync(SCENARIO, 'utf8'),
    // Deno uses the node_modules npm made and resolves nothing itself.
    'deno.json': `${JSON.stringify({ nodeModulesDir: 'manual' }, null, 2)}\n`,
  };
  const matrix = createProject(packed, { name: 'runtimes', type: 'module', use: ['livechatai'], files });
  for (const entry of ['node-esm.mjs', 'node-cjs.cjs', 'bun.mjs', 'deno.mjs', 'workerd.mjs', 'edge-runtime.mjs']) {
    copyFileSync(join(FIXTURES, entry), join(matrix.dir, entry));
  }
  // Offline, and a registry on a port nobody listens on: the tarballs are the only source.
  const install = await run(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'],
    {
      cwd: matrix.dir,
      env: { npm_config_update_notifier: 'false', npm_config_registry: 'http://127.0.0.1:9/' },
      timeout: 240_000,
    },
  );
  if (install.code !== 0)
    throw new Error(
      `npm install of the tarballs failed (${String(install.code)}):\n${install.stdout}${install.stderr}`,
    );

  // workerd and the edge runtime load one file: bundle each entry with what it imports from node_modules.
  const bundle = (entry: string, outfile: string, format: 'esm' | 'iife', conditions: string[]) =>
    build({
      entryPoints: [join(matrix.dir, entry)],
      outfile: join(matrix.dir, outfile),
      bundle: true,
      format,
      platform: 'browser',
      conditions,
      target: 'es2022',
      logLevel: 'silent',
    });
  await bundle('workerd.mjs', 'dist/worker.mjs', 'esm', ['workerd', 'worker', 'browser']);
  await bundle('edge-runtime.mjs', 'dist/edge-runtime.js', 'iife', ['edge-light', 'worker', 'browser']);

  const installed = installedPackages(matrix.dir);
  const versions = Object.fromEntries(
    installed.map((name) => [
      name,
      (JSON.parse(readFileSync(join(matrix.dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
        .version,
    ]),
  );
  project.provide('matrix', {
    dir: matrix.dir,
    installed,
    versions,
    install,
    tarballs: Object.fromEntries(packed.tarballs),
  });
  return () => {
    matrix.cleanup();
    rmSync(packed.dir, { recursive: true, force: true });
  };
}
