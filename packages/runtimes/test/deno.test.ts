// Deno (the npm `deno` package's binary), from the project's node_modules, with network access to loopback only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, expectScenario, runScenario, TEST_TIMEOUT_MS, useMatrix } from './matrix.js';

const matrix = useMatrix();
const denoDir = mkdtempSync(join(tmpdir(), 'livechatai-deno-cache-'));
afterAll(() => {
  rmSync(denoDir, { recursive: true, force: true });
});

describe('Deno', () => {
  it(
    'runs the scenario with the packed packages (no env, no write permission)',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const report = await runScenario(
        BIN('deno'),
        [
          'run',
          '--no-prompt',
          '--no-lock',
          '--allow-net=127.0.0.1',
          `--allow-read=${matrix.dir}`,
          'deno.mjs',
          JSON.stringify(matrix.config()),
        ],
        { cwd: matrix.dir, env: { DENO_DIR: denoDir, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' } },
      );
      expect(report.runtime).toMatchObject({ name: 'deno', version: '2.9.6' });
      expect(report.runtime.entry).toMatch(/node_modules\/livechatai\/dist\/index\.js$/);
      expectScenario(report, 'deno');
      expect(await matrix.activeStreams()).toBe(0);
      expect(report.output).not.toContain(matrix.apiKey());
    },
  );
});
