import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isProgressive, layoutBudget } from '../../client/src/graph/layout-budget';
import { PROGRESSIVE_MIN_NODES } from '../../client/src/graph/thresholds';

describe('layout budget by graph size', () => {
  it('keeps the deterministic pass for the seed-sized graphs and goes progressive above the threshold', () => {
    expect(isProgressive(111)).toBe(false);
    expect(isProgressive(PROGRESSIVE_MIN_NODES)).toBe(false);
    expect(isProgressive(PROGRESSIVE_MIN_NODES + 1)).toBe(true);
    expect(isProgressive(50_000)).toBe(true);
  });

  it('gives bigger graphs more time and fewer iterations, within fixed bounds', () => {
    const small = layoutBudget(3_000, 15_000);
    const mid = layoutBudget(10_000, 50_000);
    const big = layoutBudget(50_000, 253_000);
    expect(small.maxMs).toBeLessThan(mid.maxMs);
    expect(mid.maxMs).toBeLessThan(big.maxMs);
    expect(big.maxMs).toBe(20_000);
    expect(small.maxIterations).toBeGreaterThan(mid.maxIterations);
    expect(mid.maxIterations).toBeGreaterThanOrEqual(big.maxIterations);
    expect(big.updateEveryMs).toBeGreaterThan(small.updateEveryMs);
  });

  it('stays within its bounds and grows monotonically for any size', () => {
    fc.assert(
      fc.property(fc.nat(2_000_000), fc.nat(10_000_000), fc.nat(1000), (order, size, extra) => {
        const a = layoutBudget(order, size);
        const b = layoutBudget(order + extra, size + extra);
        for (const x of [a, b]) {
          expect(x.maxMs).toBeGreaterThanOrEqual(3000);
          expect(x.maxMs).toBeLessThanOrEqual(20000);
          expect(x.maxIterations).toBeGreaterThanOrEqual(60);
          expect(x.maxIterations).toBeLessThanOrEqual(1000);
          expect(x.updateEveryMs).toBeGreaterThanOrEqual(50);
          expect(x.updateEveryMs).toBeLessThanOrEqual(250);
        }
        expect(b.maxMs).toBeGreaterThanOrEqual(a.maxMs);
        expect(b.maxIterations).toBeLessThanOrEqual(a.maxIterations);
      }),
    );
  });

  it('rejects sizes that are not counts', () => {
    expect(() => layoutBudget(-1, 0)).toThrow(/non-negative/);
    expect(() => layoutBudget(10, Number.NaN)).toThrow(/non-negative/);
  });
});
