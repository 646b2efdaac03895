/**
 * The graph's labels and relationship types as the client uses them: the one vocabulary
 * of `graph-seed/vocabulary.ts` (zod-free, so importing it keeps zod out of the bundle).
 */
import { NODE_LABELS, REL_TYPES, type NodeLabel, type RelType } from '../../../graph-seed/vocabulary';

export type { NodeLabel, RelType };
export { REL_TYPES };
export const LABELS = NODE_LABELS;

export function isLabel(v: string): v is NodeLabel {
  return (LABELS as readonly string[]).includes(v);
}
export function isRelType(v: string): v is RelType {
  return (REL_TYPES as readonly string[]).includes(v);
}

/** Labels that carry a `date` and take part in the date filter and the time axis. */
export const DATED_LABELS: readonly NodeLabel[] = ['Rule', 'Event'];
