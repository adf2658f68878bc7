// Helpers for the packed-package tests: pack the published packages once, create throw-away npm projects
// outside the workspace that install only those tarballs, and run the workspace's built emulator.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { packPackage } from '../../src/release.js';
import { publishablePackages, REPO_ROOT, type WorkspacePackage } from '../../src/workspace.js';

export interface Packed {
  dir: string;
  packages: WorkspacePackage[];
  tarballs: Map<string, string>;
}

/** `pnpm pack` every published package (pnpm rewrites workspace: ranges to real ones) into one temp folder. */
export function packAll(): Packed {
  const dir = mkdtempSync(join(tmpdir(), 'livechatai-packed-'));
  const packages = publishablePackages();
  const tarballs = new Map<string, string>();
  for (const pkg of packages) tarballs.set(pkg.name, packPackage(pkg, dir));
  return { dir, packages, tarballs };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a command asynchronously (never blocks the emulator or any server in this process). */
export function run(
  cmd: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number },
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        timeout: options.timeout ?? 120_000,
        maxBuffer: 32 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
      },
    );
  });
}

export interface Project {
  dir: string;
  install(): Promise<RunResult>;
  cleanup(): void;
}

/**
 * A fresh npm project under os.tmpdir() whose @livechatai dependencies are the packed tarballs.
 * `overrides` pins every @livechatai/* (and livechatai) package to its local tarball, so nothing of ours comes from the registry.
 */
export function createProject(
  packed: Packed,
  options: {
    name: string;
    type?: 'module' | 'commonjs';
    use: string[];
    thirdParty?: Record<string, string>;
    files?: Record<string, string>;
  },
): Project {
  const dir = mkdtempSync(join(tmpdir(), `livechatai-${options.name}-`));
  const spec = (name: string) => {
    const tarball = packed.tarballs.get(name);
    if (tarball === undefined) throw new Error(`${name} was not packed (is it a published package of the workspace?)`);
    return `file:${tarball}`;
  };
  const manifest = {
    name: `packed-test-${options.name}`,
    version: '0.0.0',
    private: true,
    type: options.type ?? 'module',
    dependencies: { ...Object.fromEntries(options.use.map((name) => [name, spec(name)])), ...options.thirdParty },
    overrides: Object.fromEntries([...packed.tarballs.keys()].map((name) => [name, spec(name)])),
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [file, text] of Object.entries(options.files ?? {})) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return {
    dir,
    install: () =>
      run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
        cwd: dir,
        env: { npm_config_update_notifier: 'false' },
        timeout: 240_000,
      }),
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every package folder in node_modules (scoped ones as @scope/name), sorted. */
export function installedPackages(projectDir: string): string[] {
  const base = join(projectDir, 'node_modules');
  const names: string[] = [];
  for (const entry of readdirSync(base)) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) for (const sub of readdirSync(join(base, entry))) names.push(`${entry}/${sub}`);
    else names.push(entry);
  }
  return names.sort();
}

export interface RunningEmulator {
  url: string;
  apiKey: string;
  agentId: string;
  stop(): Promise<void>;
}

/** Start the workspace's built emulator bin on a free port with the demo seed; parse the URL and key it prints. */
export async function startEmulatorBin(): Promise<RunningEmulator> {
  const bin = join(REPO_ROOT, 'packages', 'emulator', 'dist', 'bin.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, '--port', '0', '--db', ':memory:', '--seed', 'demo', '--quiet'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const { url, apiKey } = await new Promise<{ url: string; apiKey: string }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the emulator printed no URL and key within 30 s:\n${out}`));
    }, 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const urlMatch = /(https?:\/\/\S+\/api\/v2)/.exec(out);
      const keyMatch = /API key:\s*(\S+)/.exec(out);
      if (urlMatch?.[1] !== undefined && keyMatch?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ url: urlMatch[1], apiKey: keyMatch[1] });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited (code ${String(code)}) before it was ready:\n${out}`));
    });
  });
  const response = await fetch(`${url}/agents`, { headers: { authorization: `Bearer ${apiKey}` } });
  const body = (await response.json()) as { data?: { id?: string }[] };
  const agentId = body.data?.[0]?.id;
  if (typeof agentId !== 'string') throw new Error(`the demo seed has no agent: ${JSON.stringify(body).slice(0, 300)}`);
  return {
    url,
    apiKey,
    agentId,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => {
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export const TSC = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
