// `--json` takes an optional field list (`--json id,name`), yet `livechatai --json agents list` and
// `livechatai agents get --json <id>` must keep working. Before commander parses, each bare `--json` is
// rewritten: the next word becomes its field list (`--json=id,name`) only where no command or argument is
// still expected and the word looks like field names; otherwise it becomes `--json=` (every field).
import type { Command, Option } from 'commander';

const FIELD_LIST = /^[A-Za-z_$][\w$]*(\.[\w$]+)*(,\s*[A-Za-z_$][\w$]*(\.[\w$]+)*)*,?$/;

function findOption(options: readonly Option[], token: string): Option | undefined {
  const name = token.includes('=') ? token.slice(0, token.indexOf('=')) : token;
  return options.find((o) => o.long === name || o.short === name || (o.negate && o.long === name));
}

function subcommand(command: Command, name: string): Command | undefined {
  return command.commands.find((c) => c.name() === name || c.aliases().includes(name));
}

export function normalizeJsonFlag(program: Command, args: readonly string[]): string[] {
  const out: string[] = [];
  let command = program;
  let positionals = 0;
  for (let i = 0; i < args.length; i++) {
    const token = args[i] ?? '';
    if (token === '--') {
      out.push(...args.slice(i));
      break;
    }
    if (token === '--json') {
      const next = args[i + 1];
      const expected = command.registeredArguments;
      const wantsArgument = expected.some((a) => a.variadic) || positionals < expected.length;
      const wantsCommand = next !== undefined && subcommand(command, next) !== undefined;
      const takes =
        next !== undefined && FIELD_LIST.test(next) && !wantsCommand && (!wantsArgument || next.includes(','));
      if (takes) {
        out.push(`--json=${next}`);
        i += 1;
      } else out.push('--json=');
      continue;
    }
    if (token.startsWith('-') && token !== '-') {
      out.push(token);
      const option = findOption([...command.options, ...program.options], token);
      if (option === undefined || token.includes('=') || option.negate) continue;
      if (option.variadic) {
        while (i + 1 < args.length && !(args[i + 1] ?? '').startsWith('-')) out.push(args[++i] ?? '');
      } else if (option.required || (option.optional && i + 1 < args.length && !(args[i + 1] ?? '').startsWith('-'))) {
        if (i + 1 < args.length) out.push(args[++i] ?? '');
      }
      continue;
    }
    out.push(token);
    const sub = subcommand(command, token);
    if (sub !== undefined && positionals === 0) {
      command = sub;
      positionals = 0;
    } else positionals += 1;
  }
  return out;
}

/** Whether the command line asks for machine output (`--json` in any form, or `--jq`), before parsing. */
export function wantsJson(args: readonly string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (a === '--json' || a.startsWith('--json=') || a === '--jq' || a.startsWith('--jq=')) return true;
  }
  return false;
}
