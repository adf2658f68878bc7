// What every runtime's test shares: the project global-setup.ts made, an emulator (the built bin, demo seed, on
// loopback), running one runtime's entry with a bounded timeout, and the expectations every run must meet.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { run, startEmulatorBin, type RunningEmulator } from '@livechatai/release-tests/test/helpers/projects.js';
import { CONTACTS, PAGE_SIZE } from '../src/scenario.js';

/** A runtime gets this long for the whole scenario (about twenty requests): generous, for a loaded 2-core machine. */
export const RUN_TIMEOUT_MS = 120_000;
/** vitest's limit for one runtime's test: the run, plus room to report. */
export const TEST_TIMEOUT_MS = RUN_TIMEOUT_MS + 30_000;

export const BIN = (name: string) => join(import.meta.dirname, '..', 'node_modules', '.bin', name);

export interface ScenarioConfig {
  baseURL: string;
  apiKey: string;
}

export interface Report {
  runtime: { name: string; version: string; module: string; entry?: string };
  result: {
    write: {
      agentName: string;
      retrievedAgent: { id: boolean; name: string };
      contact: { id: boolean; name: string; attributes: Record<string, unknown> };
    };
    list: { upserted: string[]; firstPage: number; firstPageHasNext: boolean; walked: string[] };
    stream: {
      deltas: number;
      activeDuring: number | null;
      finished: boolean;
      abortError: Record<string, unknown> | null;
      activeAfter: number;
    };
    notFound: Record<string, unknown> | null;
  };
}

/** The matrix project and an emulator for this file's tests (one file's runtime at a time against it). */
export function useMatrix() {
  const matrix = inject('matrix');
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulatorBin();
  });
  afterAll(async () => {
    await emulator?.stop();
  });
  const need = () => {
    if (emulator === undefined) throw new Error('the emulator runs only inside tests');
    return emulator;
  };
  return {
    dir: matrix.dir,
    config: (): ScenarioConfig => ({ baseURL: need().url, apiKey: need().apiKey }),
    apiKey: () => need().apiKey,
    /** The emulator's open streams, asked from the test process. */
    activeStreams: async (): Promise<number> => {
      const response = await fetch(new URL('/_emulator/health', need().url));
      return ((await response.json()) as { activeStreams: number }).activeStreams;
    },
  };
}

/**
 * Runs one runtime's entry and returns its report (the line starting with `RESULT `). Fails with everything the
 * runtime printed when it exits non-zero, times out or prints no report.
 */
export async function runScenario(
  cmd: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Report & { output: string }> {
  const result = await run(cmd, args, { cwd: options.cwd, env: options.env ?? {}, timeout: RUN_TIMEOUT_MS });
  const output = `${result.stdout}${result.stderr}`;
  const line = result.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (result.code !== 0 || line === undefined) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${String(result.code)} without a report:\n${output.slice(-4000)}`);
  }
  return { ...(JSON.parse(line.slice('RESULT '.length)) as Report), output };
}

/** What every runtime must have done: the same for all of them. */
export function expectScenario(report: Report, runtime: string) {
  const { write, list, stream, notFound } = report.result;
  const name = `Runtime matrix on ${runtime}`;
  // The write, read back.
  expect(write).toEqual({
    agentName: name,
    retrievedAgent: { id: true, name },
    contact: { id: true, name: `Visitor 1 on ${runtime}`, attributes: { runtime } },
  });
  // The list walk: a first page of PAGE_SIZE with more after it, then every contact exactly once across the pages.
  expect(list.upserted).toHaveLength(CONTACTS);
  expect(new Set(list.upserted).size).toBe(CONTACTS);
  expect(list.firstPage).toBe(PAGE_SIZE);
  expect(list.firstPageHasNext).toBe(true);
  expect([...list.walked].sort()).toEqual([...list.upserted].sort());
  // The stream: open on the emulator while the first delta was read, aborted with the typed error, and closed after.
  expect(stream.deltas).toBe(1);
  expect(stream.activeDuring).toBe(1);
  expect(stream.finished).toBe(false);
  expect(stream.abortError).toMatchObject({
    name: 'APIUserAbortError',
    isLiveChatAIError: true,
    isAPIUserAbortError: true,
  });
  expect(stream.activeAfter).toBe(0);
  // The typed 404 (the deleted agent).
  expect(notFound).toMatchObject({
    name: 'NotFoundError',
    status: 404,
    isLiveChatAIError: true,
    isNotFoundError: true,
  });
}

/** The workerd config for one run: the bundled worker, its CONFIG binding, and an outbound network that may reach loopback. */
export function writeWorkerdConfig(dir: string, config: ScenarioConfig): string {
  const file = join(dir, `workerd-${String(Date.now())}.capnp`);
  const text = `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    # workerd's default outbound ("internet") refuses private and loopback addresses; the emulator is on 127.0.0.1.
    (name = "loopback", network = (allow = ["local"])),
  ],
);

const worker :Workerd.Worker = (
  modules = [(name = "worker.mjs", esModule = embed "dist/worker.mjs")],
  compatibilityDate = "2025-01-01",
  globalOutbound = "loopback",
  bindings = [(name = "CONFIG", text = ${JSON.stringify(JSON.stringify(config))})],
);
`;
  writeFileSync(file, text);
  return file;
}

/** The edge-runtime script for one run: a line with the config, then the bundle. */
export function writeEdgeScript(dir: string, config: ScenarioConfig): string {
  const file = join(dir, `edge-runtime-${String(Date.now())}.js`);
  writeFileSync(
    file,
    `globalThis.SCENARIO_CONFIG = ${JSON.stringify(config)};\n${readFileSync(join(dir, 'dist', 'edge-runtime.js'), 'utf8')}`,
  );
  return file;
}
