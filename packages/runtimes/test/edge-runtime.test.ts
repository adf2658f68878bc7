// The Vercel edge runtime (the npm `edge-runtime` CLI, which evaluates a script in its EdgeRuntime VM): the esbuild
// bundle of the packed packages as one script.
import { describe, expect, it } from 'vitest';
import { BIN, expectScenario, runScenario, TEST_TIMEOUT_MS, useMatrix, writeEdgeScript } from './matrix.js';

const matrix = useMatrix();

describe('Vercel edge runtime', () => {
  it('runs the scenario in the edge runtime', { timeout: TEST_TIMEOUT_MS }, async () => {
    const script = writeEdgeScript(matrix.dir, matrix.config());
    const report = await runScenario(BIN('edge-runtime'), [script], { cwd: matrix.dir });
    expect(report.runtime).toMatchObject({ name: 'edge-runtime', version: 'edge-runtime' });
    expectScenario(report, 'edge-runtime');
    expect(await matrix.activeStreams()).toBe(0);
  });
});
