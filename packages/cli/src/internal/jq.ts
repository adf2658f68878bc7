// `--jq <expr>`: jq itself, compiled to WebAssembly (the jq-wasm package), loaded only when the flag is given.
import { CliError, ExitCode, usageError } from './exit-codes.js';

import type * as JqWasm from 'jq-wasm';

type JqModule = typeof JqWasm;
let loaded: Promise<JqModule> | undefined;
const load = (): Promise<JqModule> => (loaded ??= import('jq-wasm'));

function jqMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .replace(/^Failed to execute raw query: /, '')
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^jq: \d+ compile errors?$/.test(l.trim()))
    .join(' ');
}

/** Compiles `expr` once on `null`, so a syntax error is a usage error (exit 2) before any request is sent. */
export async function checkJq(expr: string): Promise<void> {
  const jq = await load();
  try {
    await jq.raw('null', expr, ['-r']);
  } catch (error) {
    const message = jqMessage(error);
    if (/compile error|syntax error/.test(error instanceof Error ? error.message : ''))
      throw usageError(`invalid --jq expression: ${message}`);
    // a runtime error on null (e.g. iterating over it) is fine: the real input is not null
  }
}

/** Runs `expr` on `value` like `jq -r` (strings unquoted, one result per line; `compact`: one line each). */
export async function runJq(value: unknown, expr: string, compact = false): Promise<string> {
  const jq = await load();
  let out: string;
  try {
    out = await jq.raw(value === undefined ? 'null' : JSON.stringify(value), expr, compact ? ['-r', '-c'] : ['-r']);
  } catch (error) {
    throw new CliError(jqMessage(error), ExitCode.other);
  }
  return out === '' ? '' : out.endsWith('\n') ? out : `${out}\n`;
}
