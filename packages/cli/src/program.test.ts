import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, EXAMPLES } from './program.js';

const program = buildProgram('0.0.0', () => {
  throw new Error('not used');
});

function all(command: Command, path = ''): [string, Command][] {
  return [
    [path, command],
    ...command.commands
      .filter((c) => !c.name().startsWith('__'))
      .flatMap((c) => all(c, path ? `${path} ${c.name()}` : c.name())),
  ];
}

function help(command: Command): string {
  let out = '';
  command.configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (out += s) });
  command.outputHelp();
  return out;
}

describe('--help', () => {
  it('ends with examples on every command', () => {
    for (const [path, command] of all(program)) {
      expect(EXAMPLES[path], `examples for "${path}"`).toBeDefined();
      const text = help(command);
      expect(text, path).toMatch(/\nExamples:\n {2}\$ livechatai/);
    }
  });

  it('marks required flags in the usage line and the option list', () => {
    const byPath = new Map(all(program));
    const get = (path: string): Command => {
      const command = byPath.get(path);
      if (command === undefined) throw new Error(`no command ${path}`);
      return command;
    };
    expect(help(get('contacts import'))).toContain(
      'Usage: livechatai contacts import --agent <agentId> [options] <file>',
    );
    expect(help(get('data-sources delete'))).toContain(
      'Usage: livechatai data-sources delete --agent <agentId> --source <type> [options]',
    );
    expect(help(get('analytics csat'))).toMatch(/--start-date <YYYY-MM-DD> +first day \(required\)/);
    for (const [path, command] of all(program)) {
      for (const option of command.options.filter((o) => o.mandatory))
        expect(help(command), path).toContain(option.flags.replace(/^-\w, /, ''));
    }
  });
});
