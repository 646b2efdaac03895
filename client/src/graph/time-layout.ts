/**
 * Time-axis layout: x is the date for rules, events and phases; every other node sits at
 * the mean date of the dated nodes it is linked to (undated and unlinked ones at the left
 * edge). Each label gets its own horizontal lane so the kinds read as rows.
 */
import type { NodeLabel } from './model';

export interface TimeNode {
  id: string;
  nodeLabel: NodeLabel;
  date?: string | undefined;
  startYear?: number | undefined;
  endYear?: number | undefined;
}

/** Lane order, top to bottom. */
export const LANES: readonly NodeLabel[] = ['Phase', 'Event', 'Rule', 'Agency', 'Segment', 'Topic', 'Technology'];

/** `2016-07-18` → 2016.54…; `2016` → 2016.5 (middle of the year when only the year is known). */
export function dateToYear(date: string): number | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!m) return undefined;
  const y = Number(m[1]);
  if (m[2] === undefined) return y + 0.5;
  const month = Number(m[2]);
  const day = m[3] === undefined ? 15 : Number(m[3]);
  return y + (month - 1) / 12 + (day - 1) / 365;
}

export function ownYear(n: TimeNode): number | undefined {
  if (n.date) return dateToYear(n.date);
  if (n.nodeLabel === 'Phase' && n.startYear !== undefined) {
    // Open phases (no end year) are drawn a year wide.
    const end = n.endYear ?? n.startYear + 1;
    return (n.startYear + end) / 2;
  }
  return undefined;
}

export interface TimeLayoutOptions {
  /** Screen-independent units per year. */
  xPerYear?: number;
  laneHeight?: number;
  /** Rows inside a lane, so nodes at the same date do not overlap. */
  rowsPerLane?: number;
}

export function timeLayout(
  nodes: readonly TimeNode[],
  neighbors: (id: string) => readonly string[],
  opts: TimeLayoutOptions = {},
): Map<string, { x: number; y: number }> {
  const xPerYear = opts.xPerYear ?? 40;
  const laneHeight = opts.laneHeight ?? 60;
  const rows = opts.rowsPerLane ?? 6;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const year = new Map<string, number>();
  for (const n of nodes) {
    const y = ownYear(n);
    if (y !== undefined) year.set(n.id, y);
  }
  // Undated nodes: mean of their dated neighbours.
  const derived = new Map<string, number>();
  for (const n of nodes) {
    if (year.has(n.id)) continue;
    const ys = neighbors(n.id)
      .filter((m) => byId.has(m))
      .map((m) => year.get(m))
      .filter((v): v is number => v !== undefined);
    if (ys.length) derived.set(n.id, ys.reduce((a, b) => a + b, 0) / ys.length);
  }
  const all = [...year.values(), ...derived.values()];
  const minYear = all.length ? Math.min(...all) : 2000;
  const undatedYear = minYear - 2;

  const out = new Map<string, { x: number; y: number }>();
  for (const label of LANES) {
    const lane = nodes
      .filter((n) => n.nodeLabel === label)
      .map((n) => ({ id: n.id, yr: year.get(n.id) ?? derived.get(n.id) ?? undatedYear }))
      .sort((a, b) => a.yr - b.yr || (a.id < b.id ? -1 : 1));
    const laneIndex = LANES.indexOf(label);
    lane.forEach((n, i) => {
      const row = i % rows;
      // Graph y grows upwards in sigma, so lanes go down with a negative sign.
      out.set(n.id, { x: (n.yr - minYear) * xPerYear, y: -(laneIndex * laneHeight + (row * laneHeight) / rows) });
    });
  }
  return out;
}
