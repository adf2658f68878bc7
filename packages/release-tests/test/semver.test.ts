// The release-flow test predicts changesets' bumps with these helpers, so they must get caret ranges right,
// 0.x and 0.0.x included (the packages start at 0.0.0, where ^0.0.0 matches 0.0.0 alone).
import { describe, expect, it } from 'vitest';
import { bump, inCaretRange } from './helpers/semver.js';

describe('the release tests’ semver model', () => {
  it('bumps', () => {
    expect(bump('0.0.0', 'minor')).toBe('0.1.0');
    expect(bump('0.0.0', 'patch')).toBe('0.0.1');
    expect(bump('0.1.3', 'minor')).toBe('0.2.0');
    expect(bump('1.2.3', 'major')).toBe('2.0.0');
    expect(() => bump('1.0.0-beta.0', 'patch')).toThrow('not a plain x.y.z version');
  });

  it('matches caret ranges like semver: same major; in 0.x the same minor; in 0.0.x the same version', () => {
    const cases: [string, string, boolean][] = [
      ['1.2.3', '1.2.3', true],
      ['1.9.0', '1.2.3', true],
      ['1.2.2', '1.2.3', false],
      ['2.0.0', '1.2.3', false],
      ['0.2.9', '0.2.3', true],
      ['0.3.0', '0.2.3', false],
      ['0.2.2', '0.2.3', false],
      ['0.0.0', '0.0.0', true],
      ['0.0.1', '0.0.0', false],
      ['0.1.0', '0.0.0', false],
      ['0.0.3', '0.0.3', true],
      ['0.0.4', '0.0.3', false],
    ];
    for (const [version, base, expected] of cases)
      expect(`${version} ^${base} ${String(inCaretRange(version, base))}`).toBe(
        `${version} ^${base} ${String(expected)}`,
      );
  });
});
