import { describe, expect, it } from 'vitest';
import { buildProgram } from '../program.js';
import { normalizeJsonFlag, wantsJson } from './argv.js';

const program = buildProgram('0.0.0', () => {
  throw new Error('not used');
});
const norm = (line: string): string => normalizeJsonFlag(program, line.split(' ')).join(' ');

describe('normalizeJsonFlag', () => {
  it('takes the next word as the field list where nothing else is expected there', () => {
    expect(norm('agents list --json id,name')).toBe('agents list --json=id,name');
    expect(norm('agents list --json id')).toBe('agents list --json=id');
    expect(norm('agents get clx1 --json name')).toBe('agents get clx1 --json=name');
    expect(norm('contacts list --agent a --json id,email --limit 3')).toBe(
      'contacts list --agent a --json=id,email --limit 3',
    );
    expect(norm('agents list --json contact.name,id')).toBe('agents list --json=contact.name,id');
  });

  it('leaves a command, an expected argument or an option after a bare --json alone', () => {
    expect(norm('--json agents list')).toBe('--json= agents list');
    expect(norm('agents --json list')).toBe('agents --json= list');
    expect(norm('agents get --json clx1')).toBe('agents get --json= clx1');
    expect(norm('contacts import --json people.csv --agent a')).toBe('contacts import --json= people.csv --agent a');
    expect(norm('agents list --json --limit 2')).toBe('agents list --json= --limit 2');
    expect(norm('agents list --json')).toBe('agents list --json=');
    // a comma says it is a field list even where an argument could go
    expect(norm('agents get --json id,name clx1')).toBe('agents get --json=id,name clx1');
  });

  it('skips option values, variadic ones included, and stops at --', () => {
    expect(norm('contacts list --agent list --json id')).toBe('contacts list --agent list --json=id');
    expect(norm('data-sources delete --agent a --source TEXT --ids d1 d2 --json id')).toBe(
      'data-sources delete --agent a --source TEXT --ids d1 d2 --json=id',
    );
    expect(norm('chat a -- --json x')).toBe('chat a -- --json x');
  });

  it('tells whether machine output was asked for', () => {
    expect(wantsJson(['agents', 'list', '--json='])).toBe(true);
    expect(wantsJson(['agents', 'list', '--jq', '.[]'])).toBe(true);
    expect(wantsJson(['agents', 'list'])).toBe(false);
    expect(wantsJson(['chat', 'a', '--', '--json'])).toBe(false);
  });
});
