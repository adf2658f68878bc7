import { describe, expect, it } from 'vitest';
import { FaultRegistry, MAX_FAULT_RULES } from './faults.js';

describe('FaultRegistry', () => {
  it('keeps at most MAX_FAULT_RULES distinct header values (60k distinct values do not grow it)', () => {
    const registry = new FaultRegistry();
    for (let i = 0; i < 60_000; i++) registry.take(`key GET /agents`, `status=503;id=${i}`);
    expect(MAX_FAULT_RULES).toBe(1000);
    expect(registry.size).toBeLessThanOrEqual(MAX_FAULT_RULES);
    expect(registry.size).toBeGreaterThan(0);
  });

  it('evicts spent rules before armed ones, so a rule with requests left keeps working', () => {
    const registry = new FaultRegistry();
    expect(registry.take('k GET /a', 'status=500;count=3;id=keep')?.status).toBe(500);
    for (let i = 0; i < 5000; i++) registry.take('k GET /b', `status=502;id=${i}`);
    expect(registry.take('k GET /a', undefined)?.status).toBe(500);
    expect(registry.take('k GET /a', undefined)?.status).toBe(500);
    expect(registry.take('k GET /a', undefined)).toBeUndefined();
    // the same header value again does not re-arm while it is remembered
    expect(registry.take('k GET /a', 'status=500;count=3;id=keep')).toBeUndefined();
  });
});
