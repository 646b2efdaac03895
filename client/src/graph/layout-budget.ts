/**
 * How the network layout runs, by graph size. Small graphs (the seed) get the
 * deterministic fixed-iteration pass before the first picture, so the same data always
 * gives the same picture; bigger ones are drawn at once from their start positions and
 * ForceAtlas2 then refines them progressively in a worker, for a bounded time.
 */

import { PROGRESSIVE_MIN_NODES } from './thresholds';

export interface LayoutBudget {
  /** Wall-clock limit of one run, in ms. */
  maxMs: number;
  /** Iteration limit of one run. */
  maxIterations: number;
  /** The worker sends positions at most this often (and only once the last ones were drawn). */
  updateEveryMs: number;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/**
 * The run budget grows with nodes + relationships (the cost of one Barnes-Hut
 * iteration grows a little faster than that): 3 s for a few thousand elements, ~8 s at
 * 10k nodes / 50k relationships, capped at 20 s. Iterations are capped too, so a fast
 * machine stops once the picture has settled instead of running the full time.
 */
export function layoutBudget(order: number, size: number): LayoutBudget {
  if (!Number.isFinite(order) || !Number.isFinite(size) || order < 0 || size < 0) {
    throw new Error(`layoutBudget: order and size must be non-negative numbers (got ${order}, ${size})`);
  }
  const elements = order + size;
  return {
    maxMs: Math.round(clamp(3000 + elements * 0.08, 3000, 20000)),
    maxIterations: Math.round(clamp(2e7 / (elements + 1), 60, 1000)),
    updateEveryMs: Math.round(clamp(elements / 1500, 50, 250)),
  };
}

/** Whether the graph is laid out progressively (after the first frame) rather than before it. */
export function isProgressive(order: number): boolean {
  return order > PROGRESSIVE_MIN_NODES;
}
