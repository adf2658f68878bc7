import type { Context } from '../internal/context.js';
import { bashCompletion, fishCompletion, powershellCompletion, zshCompletion } from '../internal/completion.js';
import { write } from '../internal/output.js';
import { buildProgram } from '../program.js';

const generators = { bash: bashCompletion, zsh: zshCompletion, fish: fishCompletion, powershell: powershellCompletion };

export async function completion(ctx: Context, [shell]: string[]): Promise<void> {
  const program = buildProgram('0.0.0', () => ctx);
  const generate = generators[(shell ?? 'bash') as keyof typeof generators];
  await write(ctx.stdout, generate(program));
}
