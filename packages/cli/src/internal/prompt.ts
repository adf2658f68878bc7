// Reads a secret from the terminal without echoing it (raw mode), or all of stdin when it is not a TTY.
import { CliError, ExitCode } from './exit-codes.js';

export async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export function promptSecret(question: string, input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolve, reject) => {
    output.write(question);
    let value = '';
    const wasRaw = input.isRaw;
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const finish = (error?: Error): void => {
      input.off('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          return;
        }
        if (ch === '\u0003') {
          finish(new CliError('interrupted', ExitCode.interrupted));
          return;
        }
        if (ch === '\u0004' && value === '') {
          finish(new CliError('no API key entered', ExitCode.usage));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    input.on('data', onData);
  });
}

/**
 * Asks one question on a terminal and resolves to the line typed (echoed, trimmed). Ctrl-C rejects with an
 * interrupted CliError; Ctrl-D (end of input) resolves to ''.
 */
export async function promptLine(
  question: string,
  input: NodeJS.ReadStream,
  output: NodeJS.WriteStream,
): Promise<string> {
  const { createInterface } = await import('node:readline');
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input, output, terminal: input.isTTY });
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      rl.close();
      fn();
    };
    rl.on('SIGINT', () => {
      output.write('\n');
      settle(() => {
        reject(new CliError('interrupted', ExitCode.interrupted));
      });
    });
    rl.on('close', () => {
      settle(() => {
        resolve('');
      });
    });
    rl.question(question, (answer) => {
      settle(() => {
        resolve(answer.trim());
      });
    });
  });
}

/** Asks a yes/no question on a terminal; `defaultYes` decides what Enter alone means. */
export async function confirm(
  question: string,
  input: NodeJS.ReadStream,
  output: NodeJS.WriteStream,
  defaultYes = false,
): Promise<boolean> {
  const answer = (await promptLine(`${question} ${defaultYes ? '[Y/n]' : '[y/N]'} `, input, output)).toLowerCase();
  if (answer === '') return defaultYes;
  return answer === 'y' || answer === 'yes';
}

/**
 * A destructive command goes ahead with --yes (or --dry-run, which sends nothing); otherwise it asks on a
 * terminal, and off a terminal it refuses with exit 2 before anything is sent.
 */
export function requireConfirmation(
  ctx: { stdin: NodeJS.ReadStream; dryRun: boolean },
  opts: Record<string, unknown>,
  what: string,
): void {
  if (opts.yes === true || ctx.dryRun || ctx.stdin.isTTY) return;
  throw new CliError(
    `refusing to delete ${what} without --yes: stdin is not a terminal, so there is no one to ask`,
    ExitCode.usage,
  );
}
