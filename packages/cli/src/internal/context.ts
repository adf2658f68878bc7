// What every command receives: global flags, output helpers, the SIGINT-driven abort signal and the
// resolved settings. Nothing here imports the SDK (commands load it lazily through ./sdk.js).
import type { Writable } from 'node:stream';
import type { ConfigFile, ResolvedSettings } from './config.js';
import { configPath, readConfig, resolveSettings } from './config.js';
import type { Column, Paint, TableMode } from './output.js';
import {
  colorEnabled,
  hasField,
  JsonArrayWriter,
  paint,
  project,
  renderRecord,
  TableWriter,
  toJson,
  toNdjsonLine,
  write,
} from './output.js';

export interface GlobalOptions {
  /** `true` (bare `--json`), or the comma-separated field list (`''` when given as `--json=`). */
  json?: boolean | string;
  jq?: string;
  apiKey?: string;
  baseUrl?: string;
  profile?: string;
  dryRun?: boolean;
  color?: boolean;
  timeout?: number;
  maxRetries?: number;
}

export type TTYWritable = Writable & { isTTY?: boolean; columns?: number };

/** Items of a list: an array, or batches (pages) printed as they arrive. */
export type ListSource<T> = readonly T[] | AsyncIterable<readonly T[]>;

export interface Context {
  readonly globals: GlobalOptions;
  /** Machine output: `--json` or `--jq`. */
  readonly json: boolean;
  /** The `--json` field list, if one was given. */
  readonly fields: readonly string[] | undefined;
  readonly dryRun: boolean;
  readonly stdout: TTYWritable;
  readonly stderr: TTYWritable;
  readonly stdin: NodeJS.ReadStream;
  readonly env: NodeJS.ProcessEnv;
  readonly paint: Paint;
  readonly errPaint: Paint;
  /** `tty`: aligned tables fitted to the terminal; `tsv`: tab-separated (stdout is not a terminal). */
  readonly tableMode: TableMode;
  /** Aborted on the first Ctrl-C (SIGINT). */
  readonly signal: AbortSignal;
  readonly configFile: string;
  readConfig: () => Promise<ConfigFile>;
  settings: () => Promise<ResolvedSettings>;
  /** Prints a list: a JSON array (`--json`, streamed), the `--jq` result, or a table; returns the row count. */
  printList: <T>(items: ListSource<T>, columns: readonly Column<T>[]) => Promise<number>;
  /** Prints one object: JSON (`--json` fields and `--jq` applied), else "key  value" lines. */
  printRecord: (value: unknown) => Promise<void>;
  /** Prints a value as JSON whatever the flags (`--json` fields and `--jq` applied). */
  printJson: (value: unknown) => Promise<void>;
  /** Writes one NDJSON value (exports, streams), with the `--json` fields and `--jq` applied. */
  emit: (value: unknown, out?: Writable) => Promise<void>;
  /** Prints a short human line on stdout (not in `--json` mode). */
  say: (text: string) => Promise<void>;
  /** Prints a note on stderr (always; never data). */
  note: (text: string) => void;
}

export function parseFields(json: GlobalOptions['json']): string[] | undefined {
  if (typeof json !== 'string') return undefined;
  const fields = json
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  return fields.length > 0 ? fields : undefined;
}

async function jqText(value: unknown, expr: string, compact: boolean): Promise<string> {
  const { runJq } = await import('./jq.js');
  return runJq(value, expr, compact);
}

export function createContext(globals: GlobalOptions, signal: AbortSignal): Context {
  const env = process.env;
  const stdout = process.stdout;
  const stderr = process.stderr;
  const jq = globals.jq;
  const json = (globals.json !== undefined && globals.json !== false) || jq !== undefined;
  const fields = parseFields(globals.json);
  const p = paint(colorEnabled(stdout, env, globals.color));
  const errPaint = paint(colorEnabled(stderr, env, globals.color));
  const tableMode: TableMode = stdout.isTTY ? 'tty' : 'tsv';
  const file = configPath(env);
  let settings: Promise<ResolvedSettings> | undefined;
  const warned = new Set<string>();

  /** Warns once about requested fields that none of `sample` has. */
  const checkFields = (sample: readonly unknown[]): void => {
    if (fields === undefined || sample.length === 0) return;
    for (const field of fields) {
      if (!warned.has(field) && !sample.some((item) => hasField(item, field))) {
        warned.add(field);
        stderr.write(`livechatai: warning: no field "${field}" in the output (printed as null)\n`);
      }
    }
  };
  const shape = (value: unknown): unknown => (fields ? project(value, fields) : value);

  const ctx: Context = {
    globals,
    json,
    fields,
    dryRun: globals.dryRun === true,
    stdout,
    stderr,
    stdin: process.stdin,
    env,
    paint: p,
    errPaint,
    tableMode,
    signal,
    configFile: file,
    readConfig: () => readConfig(file),
    settings: () => {
      settings ??= readConfig(file).then((config) =>
        resolveSettings({ apiKey: globals.apiKey, baseUrl: globals.baseUrl, profile: globals.profile }, env, config),
      );
      return settings;
    },
    printList: async <T>(source: ListSource<T>, columns: readonly Column<T>[]) => {
      const batches: AsyncIterable<readonly T[]> | (readonly T[])[] = isBatches(source) ? source : [source];
      let count = 0;
      if (jq !== undefined) {
        const all: T[] = [];
        for await (const batch of batches) all.push(...batch);
        checkFields(all);
        await write(stdout, await jqText(shape(all), jq, false));
        return all.length;
      }
      if (json) {
        const array = new JsonArrayWriter();
        for await (const batch of batches) {
          if (count === 0) checkFields(batch);
          for (const item of batch) await write(stdout, array.item(shape(item)));
          count += batch.length;
        }
        await write(stdout, array.end());
        return count;
      }
      const table = new TableWriter(columns, {
        mode: tableMode,
        width: (stdout as TTYWritable).columns ?? 80,
        paint: p,
        now: Date.now(),
      });
      for await (const batch of batches) {
        if (batch.length === 0) continue;
        await write(stdout, table.format(batch));
        count += batch.length;
      }
      if (count === 0 && tableMode === 'tty') await write(stdout, p.dim('(no results)') + '\n');
      return count;
    },
    printJson: async (value) => {
      checkFields([value]);
      await write(stdout, jq !== undefined ? await jqText(shape(value), jq, false) : toJson(shape(value)));
    },
    printRecord: async (value) => {
      if (json) await ctx.printJson(value);
      else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        await write(stdout, renderRecord(value as Record<string, unknown>, p, { mode: tableMode, now: Date.now() }));
      } else await write(stdout, toJson(value));
    },
    emit: async (value, out = stdout) => {
      if (fields !== undefined && warned.size === 0) checkFields([value]);
      await write(out, jq !== undefined ? await jqText(shape(value), jq, true) : toNdjsonLine(shape(value)));
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

function isBatches<T>(source: ListSource<T>): source is AsyncIterable<readonly T[]> {
  return !Array.isArray(source) && typeof (source as AsyncIterable<readonly T[]>)[Symbol.asyncIterator] === 'function';
}
