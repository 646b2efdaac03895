/**
 * Client-side copies of the label and relationship-type lists. The schema module holds
 * them too, but importing it at runtime would pull zod into the bundle; the `satisfies`
 * checks below fail the type check if the two lists drift, and a unit test compares them.
 */
import type { NodeLabel, RelType } from '../../../graph-seed/schema';

export type { NodeLabel, RelType };

export const LABELS = ['Agency', 'Rule', 'Segment', 'Topic', 'Technology', 'Phase', 'Event'] as const satisfies readonly NodeLabel[];
export const REL_TYPES = [
  'ISSUED',
  'REGULATES',
  'PROHIBITS',
  'REQUIRES',
  'ADDRESSES',
  'IMPLEMENTS',
  'PART_OF',
  'APPLIED_IN',
  'EMERGED_IN',
  'MARKS',
  'PRECEDES',
  'INVOLVED',
] as const satisfies readonly RelType[];

// Exhaustiveness: every schema label/type must appear in the lists above.
type Missing<All, Listed> = Exclude<All, Listed>;
const labelsComplete: Missing<NodeLabel, (typeof LABELS)[number]> extends never ? true : false = true;
const typesComplete: Missing<RelType, (typeof REL_TYPES)[number]> extends never ? true : false = true;
void labelsComplete;
void typesComplete;

export function isLabel(v: string): v is NodeLabel {
  return (LABELS as readonly string[]).includes(v);
}
export function isRelType(v: string): v is RelType {
  return (REL_TYPES as readonly string[]).includes(v);
}

/** Labels that carry a `date` and take part in the date filter and the time axis. */
export const DATED_LABELS: readonly NodeLabel[] = ['Rule', 'Event'];
