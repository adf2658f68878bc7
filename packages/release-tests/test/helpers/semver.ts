// The bits of semver the release tests predict changesets with (plain x.y.z versions; no prereleases).

export type BumpType = 'major' | 'minor' | 'patch';

function parse(version: string): [number, number, number] {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (match === null) throw new Error(`not a plain x.y.z version: ${version}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

export function bump(version: string, kind: BumpType): string {
  const [major, minor, patch] = parse(version);
  if (kind === 'major') return `${major + 1}.0.0`;
  if (kind === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/**
 * Whether `version` satisfies `^base`, which is what a `workspace:^` range on `base` means. Semver's caret keeps
 * the leftmost non-zero part: `^1.2.3` is `>=1.2.3 <2.0.0`, `^0.2.3` is `>=0.2.3 <0.3.0`, and `^0.0.3` (also
 * `^0.0.0`) matches that version only — so in 0.0.x every bump of a dependency leaves its dependents' ranges.
 */
export function inCaretRange(version: string, base: string): boolean {
  const [a, b, c] = parse(version);
  const [x, y, z] = parse(base);
  if (x > 0) return a === x && (b > y || (b === y && c >= z));
  if (y > 0) return a === 0 && b === y && c >= z;
  return a === 0 && b === 0 && c === z;
}
