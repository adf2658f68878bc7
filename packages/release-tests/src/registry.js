// @ts-check
// Which versions of a package the registry already has, through the ordinary npm client (`npm view`).
// The registry is injectable (an explicit URL, else npm's own configuration such as npm_config_registry),
// so tests point it at a local server instead of the public registry.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * @typedef {(name: string) => Promise<string[]>} VersionLookup  published versions; [] when the package is unknown
 */

/**
 * @param {{ registry?: string | undefined, cwd?: string | undefined }} [options]
 * @returns {VersionLookup}
 */
export function npmVersionLookup(options = {}) {
  return async (name) => {
    const args = ['view', name, 'versions', '--json', '--prefer-online'];
    if (options.registry !== undefined) args.push('--registry', options.registry);
    try {
      const { stdout } = await run('npm', args, { cwd: options.cwd, maxBuffer: 16 * 1024 * 1024 });
      if (stdout.trim() === '') return [];
      /** @type {unknown} */
      const parsed = JSON.parse(stdout);
      if (typeof parsed === 'string') return [parsed];
      if (Array.isArray(parsed)) return parsed.map(String);
      throw new Error(`unexpected npm view output for ${name}: ${stdout.slice(0, 200)}`);
    } catch (error) {
      const output =
        error && typeof error === 'object' && 'stdout' in error
          ? `${String(error.stdout)}${String(/** @type {{ stderr?: unknown }} */ (error).stderr)}`
          : '';
      if (/E404|404 Not Found|is not in this registry/.test(output)) return [];
      throw new Error(`npm view ${name} failed: ${output.trim() || String(error)}`, { cause: error });
    }
  };
}
