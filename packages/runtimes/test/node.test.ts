// Node 20: the packed packages through require() (CommonJS build) and import (ESM build), and the install itself.
import { describe, expect, inject, it } from 'vitest';
import { expectScenario, runScenario, TEST_TIMEOUT_MS, useMatrix, type Report } from './matrix.js';

const matrix = useMatrix();

describe('the installed tarballs', () => {
  it('are livechatai and the workspace packages it depends on, nothing else, installed offline from the packed files', () => {
    const { installed, versions, install, tarballs } = inject('matrix');
    expect(installed).toEqual(Object.keys(tarballs).sort());
    expect(installed).toContain('livechatai');
    expect(installed).toContain('@livechatai/core');
    for (const name of installed) expect(name === 'livechatai' || name.startsWith('@livechatai/'), name).toBe(true);
    for (const [name, tarball] of Object.entries(tarballs))
      expect(tarball, name).toContain(`-${versions[name] ?? 'missing'}.tgz`);
    expect(install.code).toBe(0);
  });
});

describe('Node 20, CommonJS (require)', () => {
  it('runs the scenario with the CommonJS build', { timeout: TEST_TIMEOUT_MS }, async () => {
    const report = await runScenario(process.execPath, ['node-cjs.cjs', JSON.stringify(matrix.config())], {
      cwd: matrix.dir,
    });
    expect(report.runtime).toMatchObject({ name: 'node', module: 'cjs', version: expect.stringMatching(/^20\./) });
    expect(report.runtime.entry).toMatch(/node_modules\/livechatai\/dist\/index\.cjs$/);
    expectScenario(report, 'node-cjs');
    expect(await matrix.activeStreams()).toBe(0);
    expect(report.output).not.toContain(matrix.apiKey());
  });
});

describe('Node 20, ESM (import)', () => {
  let report: Report | undefined;
  it('runs the scenario with the ESM build', { timeout: TEST_TIMEOUT_MS }, async () => {
    const ran = await runScenario(process.execPath, ['node-esm.mjs', JSON.stringify(matrix.config())], {
      cwd: matrix.dir,
    });
    report = ran;
    expect(ran.runtime).toMatchObject({ name: 'node', module: 'esm', version: expect.stringMatching(/^20\./) });
    expect(ran.runtime.entry).toMatch(/node_modules\/livechatai\/dist\/index\.js$/);
    expectScenario(ran, 'node-esm');
    expect(await matrix.activeStreams()).toBe(0);
    expect(ran.output).not.toContain(matrix.apiKey());
  });

  it('the shared expectations reject a run that went wrong in any one step', () => {
    if (report === undefined) throw new Error('the ESM run above produced no report');
    const good = report;
    const broken = (edit: (r: Report['result']) => void): Report => {
      const copy = structuredClone(good);
      edit(copy.result);
      return copy;
    };
    expect(() => {
      expectScenario(good, 'node-esm');
    }).not.toThrow();
    const cases: ((r: Report['result']) => void)[] = [
      (r) => (r.write.retrievedAgent.name = 'someone else'),
      (r) => (r.list.walked = r.list.walked.slice(0, 2)),
      (r) => (r.list.firstPageHasNext = false),
      (r) => (r.stream.abortError = { name: 'Error', isLiveChatAIError: false, isAPIUserAbortError: false }),
      (r) => (r.stream.activeAfter = 1),
      (r) => (r.stream.activeDuring = 0),
      (r) => (r.notFound = { name: 'APIError', status: 404, isLiveChatAIError: true, isNotFoundError: false }),
    ];
    for (const edit of cases) {
      expect(() => {
        expectScenario(broken(edit), 'node-esm');
      }).toThrow();
    }
  });
});
