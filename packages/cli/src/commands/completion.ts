import type { Context } from '../internal/context.js';
import { bashCompletion, zshCompletion } from '../internal/completion.js';
import { write } from '../internal/output.js';
import { buildProgram } from '../program.js';

export async function completion(ctx: Context, [shell]: string[]): Promise<void> {
  const program = buildProgram('0.0.0', () => ctx);
  await write(ctx.stdout, shell === 'zsh' ? zshCompletion(program) : bashCompletion(program));
}
