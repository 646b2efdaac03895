/** Messages between the main thread and `progressive-layout.worker.ts`. */
import type { LayoutBudget } from './layout-budget';

export type ProgressiveMessage =
  | {
      type: 'start';
      id: number;
      /** graphology FA2 node matrix (10 floats per node), transferred. */
      nodes: ArrayBuffer;
      /** graphology FA2 edge matrix (3 floats per edge), transferred. */
      edges: ArrayBuffer;
      settings: Record<string, unknown>;
      budget: LayoutBudget;
    }
  | { type: 'ack'; id: number }
  | { type: 'stop'; id: number };

export interface ProgressiveReply {
  type: 'positions';
  id: number;
  /** x, y per node, in the order of the node matrix. */
  xy: Float32Array;
  iterations: number;
  elapsedMs: number;
  /** The run ended (budget spent or stopped); no more positions follow. */
  done: boolean;
}
