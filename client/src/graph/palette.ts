/**
 * Okabe–Ito colour-blind-safe palette. Yellow (#F0E442) is left out: it vanishes on the
 * light background; black takes its place for the rare Event nodes.
 */
import type { NodeLabel } from './model';

export const LABEL_COLORS: Record<NodeLabel, string> = {
  Agency: '#0072B2', // blue
  Rule: '#D55E00', // vermillion
  Segment: '#009E73', // bluish green
  Topic: '#E69F00', // orange
  Technology: '#56B4E9', // sky blue
  Phase: '#CC79A7', // reddish purple
  Event: '#000000', // black
};

export const DIMMED_NODE_COLOR = '#e2e2e2';
export const EDGE_COLOR = '#b8b8b8';
export const EDGE_HIGHLIGHT_COLOR = '#444444';
export const DIMMED_EDGE_COLOR = '#f0f0f0';
