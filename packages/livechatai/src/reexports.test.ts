// `livechatai` is meant to be the one import a user needs: every public export of core's root entry and of the
// seven resource packages must be reachable from it. Runtime values are compared on the real (built) modules; types
// through the TypeScript compiler over the packages' published `.d.ts` entries and this package's index.ts.
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as umbrella from './index.js';

const packages = [
  '@livechatai/core',
  '@livechatai/agents',
  '@livechatai/ai-suggestions',
  '@livechatai/analytics',
  '@livechatai/contacts',
  '@livechatai/conversations',
  '@livechatai/data-sources',
  '@livechatai/messages',
] as const;
type PackageName = (typeof packages)[number];

/** Names deliberately not re-exported, each with the reason. Keep this list short. */
const exceptions: Partial<Record<PackageName, Record<string, string>>> = {
  '@livechatai/core': {
    VERSION: "the version of @livechatai/core, not of livechatai: under the umbrella's name it would be misread",
  },
};

const except = (pkg: PackageName, name: string): boolean => Object.hasOwn(exceptions[pkg] ?? {}, name);

const load = {
  '@livechatai/core': () => import('@livechatai/core'),
  '@livechatai/agents': () => import('@livechatai/agents'),
  '@livechatai/ai-suggestions': () => import('@livechatai/ai-suggestions'),
  '@livechatai/analytics': () => import('@livechatai/analytics'),
  '@livechatai/contacts': () => import('@livechatai/contacts'),
  '@livechatai/conversations': () => import('@livechatai/conversations'),
  '@livechatai/data-sources': () => import('@livechatai/data-sources'),
  '@livechatai/messages': () => import('@livechatai/messages'),
} satisfies Record<PackageName, () => Promise<object>>;

describe('livechatai re-exports', () => {
  it.each(packages)('every runtime export of %s, the same value', async (pkg) => {
    const mod = (await load[pkg]()) as Record<string, unknown>;
    const names = Object.keys(mod).filter((name) => !except(pkg, name));
    expect(names.length).toBeGreaterThan(0);
    const exported = umbrella as Record<string, unknown>;
    expect(names.filter((name) => !(name in exported))).toEqual([]);
    for (const name of names) expect(exported[name], name).toBe(mod[name]);
  });

  describe('every exported type and value name, by the TypeScript compiler', () => {
    const entry = join(import.meta.dirname, 'index.ts');
    const configPath = join(import.meta.dirname, '..', 'tsconfig.json');
    const config = ts.getParsedCommandLineOfConfigFile(
      configPath,
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        },
      },
    );
    if (!config) throw new Error(`cannot read ${configPath}`);
    const options = { ...config.options, noEmit: true };
    const program = ts.createProgram({ rootNames: [entry], options });
    const checker = program.getTypeChecker();

    /** Exported names of a module file, and for each the declaration it finally stands for. */
    const exportsOf = (fileName: string): Map<string, ts.Symbol> => {
      const file = program.getSourceFile(fileName);
      if (!file) throw new Error(`${fileName} is not in the program`);
      const moduleSymbol = checker.getSymbolAtLocation(file);
      if (!moduleSymbol) throw new Error(`${fileName} is not a module`);
      return new Map(
        checker.getExportsOfModule(moduleSymbol).map((symbol) => {
          const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
          return [symbol.name, target];
        }),
      );
    };

    const umbrellaExports = exportsOf(entry);

    it.each(packages)('%s', (pkg) => {
      const resolved = ts.resolveModuleName(pkg, entry, options, ts.sys).resolvedModule;
      if (!resolved) throw new Error(`${pkg} does not resolve from ${dirname(entry)} (is it built?)`);
      expect(resolved.resolvedFileName).toMatch(/\.d\.ts$/);
      const own = exportsOf(resolved.resolvedFileName);
      expect(own.size).toBeGreaterThan(0);
      const names = [...own.keys()].filter((name) => !except(pkg, name));
      expect(names.filter((name) => !umbrellaExports.has(name))).toEqual([]);
      // the same declaration, not just a type of the same name
      const different = names.filter((name) => umbrellaExports.get(name) !== own.get(name));
      expect(different).toEqual([]);
    });

    it('the listed exceptions exist and really are not re-exported', () => {
      for (const [pkg, names] of Object.entries(exceptions)) {
        const resolved = ts.resolveModuleName(pkg, entry, options, ts.sys).resolvedModule;
        if (!resolved) throw new Error(`${pkg} does not resolve`);
        const own = exportsOf(resolved.resolvedFileName);
        for (const name of Object.keys(names)) {
          expect(own.has(name), `${pkg} exports ${name}`).toBe(true);
          expect(umbrellaExports.has(name), `livechatai exports ${name}: drop the exception`).toBe(false);
        }
      }
    });
  });
});
