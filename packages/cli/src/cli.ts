// The CLI entry: builds the program, runs it, maps every error to one stderr line and an exit code.
import { type Command, CommanderError } from 'commander';
import { normalizeJsonFlag, wantsJson } from './internal/argv.js';
import { createContext } from './internal/context.js';
import { isDryRunStop } from './internal/dry-run.js';
import { CliError, ExitCode, type ExitCodeValue } from './internal/exit-codes.js';
import { connectionMessage, hintFor } from './internal/hints.js';
import { rememberSecret, scrubSecrets } from './internal/secrets.js';
import { buildProgram } from './program.js';

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  status?: unknown;
  code?: unknown;
  requestId?: unknown;
}

/** Maps an error to an exit code without importing the SDK (its errors are recognised by name/status). */
export function exitCodeFor(error: unknown, interrupted: boolean): ExitCodeValue {
  if (error instanceof CliError) return error.exitCode;
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  if (e.name === 'APIUserAbortError' || e.name === 'AbortError' || interrupted) return ExitCode.interrupted;
  if (e.name === 'InvalidParameterError') return ExitCode.usage;
  if (e.status === 401 || e.status === 403) return ExitCode.auth;
  if (e.status === 404) return ExitCode.notFound;
  if (e.status === 429) return ExitCode.rateLimited;
  return ExitCode.other;
}

export function errorLine(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const e = error as ErrorLike & Error;
  if (e.name === 'APIUserAbortError' || e.name === 'AbortError') return 'interrupted';
  const connection = connectionMessage(error);
  if (connection !== undefined) return connection;
  const extras: string[] = [];
  const message = error.message.replace(/\s*\n\s*/g, ' ').trim();
  if (typeof e.status === 'number' && !message.startsWith(String(e.status))) extras.push(`status ${String(e.status)}`);
  if (typeof e.code === 'string' && e.code !== '' && e.name !== 'CliError' && !/^http_\d+$/.test(e.code))
    extras.push(`code ${e.code}`);
  if (typeof e.requestId === 'string') extras.push(`request ${e.requestId}`);
  return extras.length > 0 ? `${message} (${extras.join(', ')})` : message;
}

export async function main(argv: readonly string[], version: string): Promise<number> {
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = (): void => {
    interrupts += 1;
    if (interrupts === 1) controller.abort(new Error('interrupted'));
    else process.exit(ExitCode.interrupted);
  };
  // Commands that handle Ctrl-C themselves (chat) remove this listener.
  process.on('SIGINT', onSigint);

  rememberSecret(process.env.LIVECHATAI_API_KEY);
  const keyFlag = argv.findIndex((a) => a === '--api-key' || a.startsWith('--api-key='));
  if (keyFlag >= 0) {
    const flag = argv[keyFlag] ?? '';
    const value = flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : argv[keyFlag + 1];
    rememberSecret(value);
  }

  const program = buildProgram(version, (globals) => createContext(globals, controller.signal));
  const args = normalizeJsonFlag(program, argv.slice(2));
  const json = wantsJson(args);
  const output = {
    writeErr: (text: string) => process.stderr.write(scrubSecrets(text)),
    outputError: (text: string, write: (s: string) => void) => {
      const oneLine = text
        .replace(/^error: /, '')
        .replace(/\s*\n\s*(?=\S)/g, ' ')
        .trimEnd();
      write(
        json ? errorJson({ message: oneLine, code: 'usage', exitCode: ExitCode.usage }) : `livechatai: ${oneLine}\n`,
      );
    },
  };
  const configure = (command: Command): void => {
    command.exitOverride();
    command.configureOutput(output);
    command.commands.forEach(configure);
  };
  configure(program);

  try {
    await program.parseAsync(args, { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help, --version and `help <command>` exit 0; a group without its command shows help and exits 2.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
      if (error.code === 'commander.executeSubCommandAsync') return ExitCode.ok;
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (isDryRunStop(error)) return ExitCode.ok;
    const code = exitCodeFor(error, controller.signal.aborted);
    const line = scrubSecrets(code === ExitCode.interrupted ? 'interrupted' : errorLine(error));
    const hint = code === ExitCode.interrupted ? undefined : hintFor(error);
    const bug = code === ExitCode.other && !(error instanceof CliError) && !isSdkError(error) && !isSystemError(error);
    if (json) {
      const e = error as ErrorLike;
      process.stderr.write(
        errorJson({
          message: line,
          code:
            code === ExitCode.interrupted
              ? 'interrupted'
              : typeof e.code === 'string' && e.code !== ''
                ? e.code
                : (CODE_NAMES[code] ?? 'error'),
          ...(typeof e.status === 'number' ? { status: e.status } : {}),
          ...(typeof e.requestId === 'string' ? { requestId: e.requestId } : {}),
          ...(hint !== undefined ? { hint: scrubSecrets(hint) } : {}),
          exitCode: code,
        }),
      );
      return code;
    }
    process.stderr.write(`livechatai: ${line}\n`);
    if (hint !== undefined) process.stderr.write(`livechatai: hint: ${scrubSecrets(hint)}\n`);
    if (bug)
      process.stderr.write(
        'livechatai: this looks like a bug; please report it at https://github.com/livechatai/livechatai-typescript/issues\n',
      );
    return code;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** The `code` of a JSON error the CLI raised itself, by exit code. */
const CODE_NAMES: Partial<Record<number, string>> = {
  [ExitCode.usage]: 'usage',
  [ExitCode.auth]: 'unauthorized',
  [ExitCode.notFound]: 'not_found',
  [ExitCode.rateLimited]: 'rate_limited',
  [ExitCode.interrupted]: 'interrupted',
};

/** With --json, an error is one JSON object on stderr: `{"error":{"message","code","status"?,"requestId"?,"hint"?,"exitCode"}}`. */
function errorJson(error: {
  message: string;
  code: string;
  status?: number;
  requestId?: string;
  hint?: string;
  exitCode: number;
}): string {
  return `${JSON.stringify({ error })}\n`;
}

function isSdkError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && Symbol.for('livechatai.error') in error;
}

/** A Node.js system error (ENOENT, EACCES, EPIPE…): the environment's problem, not a bug. */
function isSystemError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && typeof (error as { syscall?: unknown }).syscall === 'string';
}
