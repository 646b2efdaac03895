/**
 * Display rules for sigma's node and edge reducers, as pure functions of (attributes,
 * state): filters hide, hover/selection highlight a node and its neighbours, a question's
 * answer is put in focus. The graph itself is never rewritten for any of this.
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { evidenceOf } from '../../../graph-seed/vocabulary';
import type { NodeLabel, RelType } from './model';
import { DATED_LABELS } from './model';
import { boundKeys, dateInRange } from '../../../graph-seed/dates';
import { DIMMED_EDGE_COLOR, DIMMED_NODE_COLOR, EDGE_HIGHLIGHT_COLOR } from './palette';

export interface Filters {
  hideLabels: ReadonlySet<NodeLabel>;
  hideTypes: ReadonlySet<RelType>;
  /** ISO prefixes (`2015`, `2016-07`); only dated labels are filtered. */
  dateFrom?: string | undefined;
  dateTo?: string | undefined;
  hidden: ReadonlySet<string>;
  /** Hide relationships the report does not state (attributed or inferred). */
  statedOnly?: boolean;
}

export interface HighlightState {
  lang: 'zh' | 'en';
  /** Hovered node, else the selected one: its neighbourhood is highlighted. */
  active: string | null;
  selected: string | null;
  neighbors: ReadonlySet<string>;
  /** The nodes and relationships of an answer (question, path) stay in colour. */
  focusNodes: ReadonlySet<string> | null;
  focusEdges: ReadonlySet<string> | null;
  filters: Filters;
  /** Relationship names in the current language, for labels on highlighted edges. */
  relNames: Readonly<Record<RelType, string>>;
  /**
   * Whether a hovered or selected node dims everything outside its neighbourhood (default
   * true). Off for big graphs (view/drawn-graph.ts): there a highlight changes only the
   * active node, its neighbours and its relationships, so moving it redraws those alone
   * instead of every node.
   */
  dimOthers?: boolean;
}

export interface NodeLike {
  nodeLabel: NodeLabel;
  date?: string | undefined;
  labelZh: string;
  labelEn: string;
}
export interface EdgeLike {
  relType: RelType;
  /** The relationship as the API sent it: its properties say how it rests on the report. */
  api?: { properties: Readonly<Record<string, unknown>> };
}

export const EMPTY_FILTERS: Filters = {
  hideLabels: new Set(),
  hideTypes: new Set(),
  hidden: new Set(),
};

/**
 * The graph's date rule, the same as `/api/graph?from=&to=` (graph-seed/dates.ts): a date
 * passes unless its span falls outside the range, so `2016` is within [2016-05, …] and an
 * undated record stays.
 */
export function inDateRange(date: string | undefined, from?: string, to?: string): boolean {
  return dateInRange(date, boundKeys(from, to));
}

export function isNodeVisible(id: string, a: Pick<NodeLike, 'nodeLabel' | 'date'>, f: Filters): boolean {
  if (f.hideLabels.has(a.nodeLabel)) return false;
  if (f.hidden.has(id)) return false;
  if (DATED_LABELS.includes(a.nodeLabel) && !inDateRange(a.date, f.dateFrom, f.dateTo)) return false;
  return true;
}

export function isEdgeVisible(a: EdgeLike, sourceVisible: boolean, targetVisible: boolean, f: Filters): boolean {
  if (f.statedOnly && evidenceOf(a.api?.properties) !== 'stated') return false;
  return sourceVisible && targetVisible && !f.hideTypes.has(a.relType);
}

/** No filter, no hovered or selected node, no answer in focus: relationships draw plain. */
export function isPlainState(s: HighlightState): boolean {
  const f = s.filters;
  return (
    !s.active &&
    !s.focusEdges &&
    f.hideLabels.size === 0 &&
    f.hideTypes.size === 0 &&
    f.hidden.size === 0 &&
    !f.statedOnly &&
    !f.dateFrom &&
    !f.dateTo
  );
}

export function nodeDisplay(id: string, a: NodeLike, s: HighlightState): Partial<NodeDisplayData> {
  if (!isNodeVisible(id, a, s.filters)) return { hidden: true };
  const label = s.lang === 'en' ? a.labelEn : a.labelZh;
  const out: Partial<NodeDisplayData> = { label, hidden: false };
  if (s.active) {
    if (id === s.active) return { ...out, highlighted: true, forceLabel: true, zIndex: 3 };
    if (s.neighbors.has(id)) return { ...out, forceLabel: true, zIndex: 2, highlighted: id === s.selected };
    // Without dimming, a node outside the neighbourhood looks as it would with no highlight.
    if (s.dimOthers !== false) return { ...out, color: DIMMED_NODE_COLOR, label: '', zIndex: 0 };
  }
  if (s.focusNodes) {
    if (s.focusNodes.has(id)) return { ...out, forceLabel: true, zIndex: 2 };
    return { ...out, color: DIMMED_NODE_COLOR, label: '', zIndex: 0 };
  }
  return out;
}

export function edgeDisplay(
  id: string,
  a: EdgeLike,
  source: string,
  target: string,
  sourceVisible: boolean,
  targetVisible: boolean,
  s: HighlightState,
): Partial<EdgeDisplayData> {
  if (!isEdgeVisible(a, sourceVisible, targetVisible, s.filters)) return { hidden: true };
  const strong: Partial<EdgeDisplayData> = {
    hidden: false,
    color: EDGE_HIGHLIGHT_COLOR,
    size: 2.5,
    zIndex: 2,
    label: s.relNames[a.relType],
  };
  if (s.active) {
    if (source === s.active || target === s.active) return strong;
    if (s.dimOthers !== false) return { hidden: false, color: DIMMED_EDGE_COLOR, zIndex: 0, label: '' };
  }
  if (s.focusEdges) {
    if (s.focusEdges.has(id)) return strong;
    return { hidden: false, color: DIMMED_EDGE_COLOR, zIndex: 0, label: '' };
  }
  return { hidden: false, label: '' };
}
