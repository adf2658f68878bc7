// Cloudflare's workerd (the npm `workerd` binary; miniflare needs Node 22): the esbuild bundle of the packed packages
// as an ES module worker without nodejs_compat, run by `workerd test`, reaching the emulator on loopback.
import { describe, expect, it } from 'vitest';
import { BIN, expectScenario, runScenario, TEST_TIMEOUT_MS, useMatrix, writeWorkerdConfig } from './matrix.js';

const matrix = useMatrix();

describe('workerd', () => {
  it('runs the scenario in a worker', { timeout: TEST_TIMEOUT_MS }, async () => {
    const config = writeWorkerdConfig(matrix.dir, matrix.config());
    const report = await runScenario(BIN('workerd'), ['test', config], { cwd: matrix.dir });
    expect(report.runtime).toMatchObject({ name: 'workerd', version: 'Cloudflare-Workers' });
    expectScenario(report, 'workerd');
    expect(await matrix.activeStreams()).toBe(0);
  });
});
