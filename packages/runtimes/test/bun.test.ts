// Bun (the npm `bun` package's binary), from the project's node_modules.
import { describe, expect, it } from 'vitest';
import { BIN, expectScenario, runScenario, TEST_TIMEOUT_MS, useMatrix } from './matrix.js';

const matrix = useMatrix();

describe('Bun', () => {
  it('runs the scenario with the packed packages', { timeout: TEST_TIMEOUT_MS }, async () => {
    const report = await runScenario(BIN('bun'), ['--no-install', 'bun.mjs', JSON.stringify(matrix.config())], {
      cwd: matrix.dir,
      env: { BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0', NO_COLOR: '1' },
    });
    expect(report.runtime).toMatchObject({ name: 'bun', version: '1.4.5' });
    expect(report.runtime.entry).toMatch(/node_modules\/livechatai\/dist\/index\.js$/);
    expectScenario(report, 'bun');
    expect(await matrix.activeStreams()).toBe(0);
    expect(report.output).not.toContain(matrix.apiKey());
  });
});
