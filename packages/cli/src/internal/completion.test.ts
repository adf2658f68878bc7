import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../program.js';
import { bashCompletion, fishCompletion, powershellCompletion, zshCompletion } from './completion.js';

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
    expect(complete('livechatai ')).toEqual(
      expect.arrayContaining(['agents', 'chatbots', 'contacts', 'data-sources', 'chat', 'completion']),
    );
    expect(complete('livechatai con')).toEqual(['contacts', 'conversations', 'config']);
    expect(complete('livechatai conversations ')).toEqual(
      expect.arrayContaining(['list', 'get', 'reply', 'end', 'views', 'export']),
    );
    expect(complete('livechatai conversations export --f')).toEqual(['--format']);
    expect(complete('livechatai conversations export --format ')).toEqual(['csv', 'jsonl']);
    expect(complete('livechatai contacts list --agent abc --li')).toEqual(['--limit']);
    expect(complete('livechatai completion ')).toEqual(expect.arrayContaining(['bash', 'zsh', 'fish', 'powershell']));
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

const hasZsh = spawnSync('sh', ['-c', 'command -v zsh'], { stdio: 'ignore' }).status === 0;

/** Runs the generated zsh function with stand-ins for zsh's completion builtins that print candidates. */
function completeZsh(line: string): string[] {
  const words = line.split(' ');
  const cmd = `compdef() { :; }
_describe() { local name=\${@[-1]}; print -rl -- \${(P)name}; }
compadd() { shift; print -rl -- "$@"; }
${zshCompletion(program)}
words=(${words.map((w) => `'${w}'`).join(' ')})
CURRENT=${String(words.length)}
_livechatai`;
  return execFileSync('zsh', ['-f', '-c', cmd], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

describe.skipIf(!hasZsh)('zsh completion (run in zsh)', () => {
  it('is valid zsh and offers commands, flags and flag values', () => {
    execFileSync('zsh', ['-n', '-c', zshCompletion(program)]);
    expect(completeZsh('livechatai ')).toEqual(
      expect.arrayContaining([
        'agents:AI agents (chatbots) of the workspace',
        'chat:chat with an agent; answers stream as they arrive (Ctrl-C stops an answer, again exits)',
      ]),
    );
    expect(completeZsh('livechatai data-sources ')).toEqual(
      expect.arrayContaining(['add-file:extract the text of a .txt, .md, .html or .pdf file and add it']),
    );
    expect(completeZsh('livechatai conversations export --format ')).toEqual(['csv', 'jsonl']);
    expect(completeZsh('livechatai agents list --')).toEqual(
      expect.arrayContaining(['--limit:show this many items (default 30; pages are fetched as needed)']),
    );
  });
});

const hasFish = spawnSync('sh', ['-c', 'command -v fish'], { stdio: 'ignore' }).status === 0;

describe('fish completion', () => {
  const fish = fishCompletion(program);
  it('declares paths, subcommands per path, flags with choices and agent ids from the API', () => {
    expect(fish).toContain("complete -c livechatai -n '__livechatai_at \\'conversations\\'' -a 'export'");
    expect(fish).toContain(
      "complete -c livechatai -n '__livechatai_at \\'conversations export\\'' -l format -x -a 'csv jsonl'",
    );
    expect(fish).toContain(
      "complete -c livechatai -l agent -x -a '(livechatai __complete agents --shell fish 2>/dev/null)'",
    );
    expect(fish).toContain(
      "complete -c livechatai -n '__livechatai_at \\'chat\\'' -a '(livechatai __complete agents --shell fish 2>/dev/null)'",
    );
    expect(fish).toContain("complete -c livechatai -n '__livechatai_at \\'contacts import\\'' -F");
  });

  it.skipIf(!hasFish)('is valid fish and completes commands, flags and flag values (run in fish)', () => {
    const run = (line: string): string[] =>
      execFileSync('fish', ['--no-config', '-c', `${fish}\ncomplete -C ${JSON.stringify(line)}`], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0] ?? '');
    expect(run('livechatai con')).toEqual(['config', 'contacts', 'conversations']);
    expect(run('livechatai conversations ')).toEqual(
      expect.arrayContaining(['list', 'get', 'reply', 'end', 'views', 'export']),
    );
    expect(run('livechatai conversations export --format ')).toEqual(['csv', 'jsonl']);
    expect(run('livechatai chatbots list --li')).toEqual(['--limit']);
    expect(run('livechatai completion ')).toEqual(['bash', 'fish', 'powershell', 'zsh']);
  });
});

describe('PowerShell completion', () => {
  it('registers a native completer with candidates per command path, flag choices and agent ids', () => {
    const ps = powershellCompletion(program);
    expect(ps).toContain('Register-ArgumentCompleter -Native -CommandName livechatai -ScriptBlock {');
    expect(ps).toContain("    '--format' = @('csv\tcsv', 'jsonl\tjsonl')");
    expect(ps).toMatch(/^ {4}'conversations' = @\('list\tlist conversations', /m);
    expect(ps).toContain("$agentPaths = @('agents get', 'agents delete', 'chatbots get', 'chatbots delete', 'chat')");
    expect(ps).toContain('livechatai __complete agents --shell powershell 2>$null');
    // single quotes inside descriptions are doubled, as PowerShell wants
    expect(ps).toContain("team member''s reply");
  });
});
