// Runs the BUILT binary (dist/bin.js) in a child process with an isolated HOME / XDG config folder,
// and remembers every byte it printed so tests can assert that no API key ever appears.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const binPath = join(packageDir, 'dist', 'bin.js');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  timeoutMs?: number;
  cwd?: string;
  /** Called with each stdout chunk, e.g. to send a signal once output has started. */
  onStdout?: (chunk: string, signal: (name: NodeJS.Signals) => void) => void;
  /** Receives a function that sends a signal to the running CLI process. */
  onSpawn?: (signal: (name: NodeJS.Signals) => void) => void;
}

/** Everything any CLI run printed, for the "key never printed" assertions. */
export const transcript: string[] = [];

export function isolatedHome(): string {
  return mkdtempSync(join(tmpdir(), 'lc-cli-home-'));
}

/** A clean environment: no inherited LIVECHATAI_* variables, config under `home`. */
export function baseEnv(home: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('LIVECHATAI_') && k !== 'NO_COLOR' && k !== 'FORCE_COLOR') env[k] = v;
  }
  env.HOME = home;
  env.XDG_CONFIG_HOME = join(home, '.config');
  return env;
}

export function runCli(args: readonly string[], home: string, options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...baseEnv(home), ...options.env };
    const child = spawn(process.execPath, [binPath, ...args], {
      env: env,
      cwd: options.cwd ?? packageDir,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    options.onSpawn?.((name) => child.kill(name));
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      options.onStdout?.(d, (name) => child.kill(name));
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      transcript.push(stdout, stderr);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the parsed shape
export function json<T = unknown>(result: RunResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${String(result.code)}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}

/** Asserts `secret` appears nowhere in what the CLI printed so far. */
export function assertNeverPrinted(secret: string): void {
  const hits = transcript.filter((t) => t.includes(secret));
  if (hits.length > 0) throw new Error(`the API key was printed:\n${hits[0] ?? ''}`);
}

export interface ApiClient {
  /** One request to the emulator with the key; resolves to the parsed body. */
  send: <T>(method: string, path: string, body?: unknown) => Promise<T>;
  /** The same, resolving to the envelope's `data`. */
  data: <T>(method: string, path: string, body?: unknown) => Promise<T>;
}

/** Direct API calls for test setup (what the CLI is not under test for). */
export function apiClient(baseURL: string, key: string): ApiClient {
  const send = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseURL}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return (await res.json()) as T;
  };
  return {
    send,
    data: async <T>(method: string, path: string, body?: unknown) => (await send<{ data: T }>(method, path, body)).data,
  };
}
