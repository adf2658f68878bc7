// What every command receives: global flags, output helpers, the SIGINT-driven abort signal and the
// resolved settings. Nothing here imports the SDK (commands load it lazily through ./sdk.js).
import type { Writable } from 'node:stream';
import type { ConfigFile, ResolvedSettings } from './config.js';
import { configPath, readConfig, resolveSettings } from './config.js';
import type { Column, Paint } from './output.js';
import { colorEnabled, paint, renderRecord, renderTable, toJson, write } from './output.js';

export interface GlobalOptions {
  json?: boolean;
  apiKey?: string;
  baseUrl?: string;
  profile?: string;
  dryRun?: boolean;
  color?: boolean;
  timeout?: number;
  maxRetries?: number;
}

export type TTYWritable = Writable & { isTTY?: boolean; columns?: number };

export interface Context {
  readonly globals: GlobalOptions;
  readonly json: boolean;
  readonly dryRun: boolean;
  readonly stdout: TTYWritable;
  readonly stderr: TTYWritable;
  readonly stdin: NodeJS.ReadStream;
  readonly env: NodeJS.ProcessEnv;
  readonly paint: Paint;
  readonly errPaint: Paint;
  /** Aborted on the first Ctrl-C (SIGINT). */
  readonly signal: AbortSignal;
  readonly configFile: string;
  readConfig: () => Promise<ConfigFile>;
  settings: () => Promise<ResolvedSettings>;
  /** Prints machine output (`--json`) or a table of `items`. */
  printList: <T>(items: readonly T[], columns: readonly Column<T>[]) => Promise<void>;
  /** Prints one object: JSON with `--json`, else "key  value" lines. */
  printRecord: (value: unknown) => Promise<void>;
  /** Prints a short human line on stdout (not in `--json` mode). */
  say: (text: string) => Promise<void>;
  /** Prints a note on stderr (always; never data). */
  note: (text: string) => void;
}

export function createContext(globals: GlobalOptions, signal: AbortSignal): Context {
  const env = process.env;
  const stdout = process.stdout;
  const stderr = process.stderr;
  const json = globals.json === true;
  const p = paint(colorEnabled(stdout, env, globals.color));
  const errPaint = paint(colorEnabled(stderr, env, globals.color));
  const file = configPath(env);
  let settings: Promise<ResolvedSettings> | undefined;
  const ctx: Context = {
    globals,
    json,
    dryRun: globals.dryRun === true,
    stdout,
    stderr,
    stdin: process.stdin,
    env,
    paint: p,
    errPaint,
    signal,
    configFile: file,
    readConfig: () => readConfig(file),
    settings: () => {
      settings ??= readConfig(file).then((config) =>
        resolveSettings({ apiKey: globals.apiKey, baseUrl: globals.baseUrl, profile: globals.profile }, env, config),
      );
      return settings;
    },
    printList: async (items, columns) => {
      if (json) await write(stdout, toJson(items));
      else if (items.length === 0) await write(stdout, p.dim('(no results)') + '\n');
      else await write(stdout, renderTable(items, columns, p));
    },
    printRecord: async (value) => {
      if (json) await write(stdout, toJson(value));
      else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        await write(stdout, renderRecord(value as Record<string, unknown>, p));
      } else await write(stdout, toJson(value));
    },
    say: async (text) => {
      if (!json) await write(stdout, `${text}\n`);
    },
    note: (text) => {
      stderr.write(`${text}\n`);
    },
  };
  return ctx;
}
