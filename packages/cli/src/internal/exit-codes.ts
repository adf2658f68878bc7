/** Process exit codes of the livechatai command (also listed in `--help` and the README). */
export const ExitCode = {
  ok: 0,
  /** Anything else: server errors, network failures, rows that failed in an import. */
  other: 1,
  /**
   * Bad command-line usage or a parameter the SDK rejected before sending; also a delete that was not
   * confirmed (declined on a terminal, or no `--yes` when stdin is not a terminal).
   */
  usage: 2,
  /** No API key, or the key was refused (401) or lacks permission (403). */
  auth: 3,
  /** The resource does not exist (404). */
  notFound: 4,
  /** Still rate limited (429) after the retries. */
  rateLimited: 5,
  /** Stopped with Ctrl-C (SIGINT). */
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export const EXIT_CODES_HELP = `Exit codes:
  0    success
  1    other error (server error, network failure, failed import rows)
  2    usage error (bad flags or parameters; nothing was sent), or a delete not confirmed (no --yes off a terminal)
  3    authentication (no API key, key refused or not permitted)
  4    not found
  5    rate limited (after retries)
  130  interrupted (Ctrl-C)`;

/** An error the CLI raises itself, carrying the exit code to use. */
export class CliError extends Error {
  readonly exitCode: ExitCodeValue;
  constructor(message: string, exitCode: ExitCodeValue = ExitCode.other) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

export function usageError(message: string): CliError {
  return new CliError(message, ExitCode.usage);
}
