import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../program.js';
import { bashCompletion, zshCompletion } from './completion.js';

const program = buildProgram('0.0.0', () => {
  throw new Error('not used');
});
const script = bashCompletion(program);

/** Runs the generated bash function for a command line and returns the candidates. */
function complete(line: string): string[] {
  const words = line.split(' ');
  const cmd = `${script}
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})
COMP_CWORD=${String(words.length - 1)}
_livechatai
printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync('bash', ['-c', cmd], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

describe('bash completion', () => {
  it('completes command groups, subcommands, flags and flag values', () => {
    expect(complete('livechatai ')).toEqual(expect.arrayContaining(['agents', 'chatbots', 'contacts', 'data-sources', 'chat', 'completion']));
    expect(complete('livechatai con')).toEqual(['contacts', 'conversations', 'config']);
    expect(complete('livechatai conversations ')).toEqual(
      expect.arrayContaining(['list', 'get', 'reply', 'end', 'views', 'export']),
    );
    expect(complete('livechatai conversations export --f')).toEqual(['--format']);
    expect(complete('livechatai conversations export --format ')).toEqual(['csv', 'jsonl']);
    expect(complete('livechatai contacts list --agent abc --li')).toEqual(['--limit']);
    expect(complete('livechatai completion ')).toEqual(expect.arrayContaining(['bash', 'zsh']));
    expect(complete('livechatai chatbots ')).toEqual(expect.arrayContaining(['list', 'get', 'create', 'delete']));
  });
});

describe('zsh completion', () => {
  it('declares the function for compdef with every command path', () => {
    const zsh = zshCompletion(program);
    expect(zsh.startsWith('#compdef livechatai\n')).toBe(true);
    expect(zsh).toContain(`'data-sources add-file')`);
    expect(zsh).toContain(`'--file-type:file type to record`);
    expect(zsh).toContain('(--format) compadd -- csv jsonl');
  });
});
