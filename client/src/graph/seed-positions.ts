/**
 * Deterministic start positions: the same id always lands on the same spot, so the
 * same data gives the same picture after a fixed number of layout iterations.
 */

import { hashString, mulberry32 } from '../../../graph-seed/random';

export { hashString, mulberry32 };

/** A point in a disc of the given radius, chosen by the id. */
export function seededPosition(id: string, radius = 100): { x: number; y: number } {
  const rnd = mulberry32(hashString(id));
  const angle = rnd() * Math.PI * 2;
  const r = Math.sqrt(rnd()) * radius;
  return { x: Math.cos(angle) * r, y: Math.sin(angle) * r };
}
