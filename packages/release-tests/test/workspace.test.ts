import { describe, expect, it } from 'vitest';
import { discoverPackages, publishablePackages, topologicalOrder, type WorkspacePackage } from '../src/workspace.js';

const pkg = (name: string, internalDependencies: string[] = []): WorkspacePackage => ({
  name,
  version: '1.0.0',
  dir: `/x/${name}`,
  folder: name,
  private: false,
  internalDependencies,
  manifest: { name, version: '1.0.0' },
});

describe('workspace discovery', () => {
  it('finds the packages under packages/ and publishes only the public ones, dependencies first', () => {
    const all = discoverPackages();
    expect(all.find((p) => p.name === '@livechatai/release-tests')?.private).toBe(true);
    const publishable = publishablePackages();
    expect(publishable.every((p) => !p.private)).toBe(true);
    expect(publishable[0]?.name).toBe('@livechatai/core');
    const position = new Map(publishable.map((p, i) => [p.name, i]));
    for (const p of publishable)
      for (const dep of p.internalDependencies) expect(position.get(dep)!).toBeLessThan(position.get(p.name)!);
  });

  it('orders dependencies first, ties by name, ignoring dependencies outside the set', () => {
    const order = topologicalOrder([pkg('c', ['a', 'b']), pkg('b', ['a', 'external']), pkg('a'), pkg('d')]);
    expect(order.map((p) => p.name)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reports a dependency cycle with its path', () => {
    expect(() => topologicalOrder([pkg('a', ['b']), pkg('b', ['c']), pkg('c', ['a'])])).toThrow(
      'dependency cycle: a -> b -> c -> a',
    );
  });
});
