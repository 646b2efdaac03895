/**
 * Sigma setup: settings, fonts and the reducers wired to the pure display rules.
 * The CJK font stack is set on the canvas labels so Chinese names render with a real
 * CJK face instead of a fallback that may lack glyphs.
 */
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { AtlasGraph, EdgeAttrs, NodeAttrs } from '../graph/build';
import { edgeDisplay, isNodeVisible, nodeDisplay, type HighlightState } from '../graph/reducers';
import { EDGE_COLOR } from '../graph/palette';

export const FONT_STACK = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

/** Above this many nodes, edges and labels are hidden while the camera moves. */
export const BIG_GRAPH = 1500;

export type AtlasSigma = Sigma<NodeAttrs, EdgeAttrs>;

export function createRenderer(container: HTMLElement, graph: AtlasGraph, getState: () => HighlightState, labelDensity: number): AtlasSigma {
  const big = graph.order > BIG_GRAPH;
  const settings: Partial<Settings<NodeAttrs, EdgeAttrs>> = {
    labelFont: FONT_STACK,
    labelSize: 13,
    labelWeight: '500',
    labelColor: { color: '#1a1a1a' },
    edgeLabelFont: FONT_STACK,
    edgeLabelSize: 11,
    edgeLabelColor: { color: '#333333' },
    renderEdgeLabels: true,
    defaultEdgeType: 'arrow',
    defaultEdgeColor: EDGE_COLOR,
    hideEdgesOnMove: big,
    hideLabelsOnMove: big,
    labelDensity,
    labelGridCellSize: 90,
    labelRenderedSizeThreshold: 7,
    zIndex: true,
    minCameraRatio: 0.03,
    maxCameraRatio: 6,
    stagePadding: 40,
    // The canvas is hidden (display:none) in the list view; refreshes must not throw there.
    allowInvalidContainer: true,
    nodeReducer: (node, data) => ({ ...data, ...nodeDisplay(node, data, getState()) }),
    edgeReducer: (edge, data) => {
      const s = getState();
      const [src, tgt] = graph.extremities(edge);
      const sv = isNodeVisible(src, graph.getNodeAttributes(src), s.filters);
      const tv = isNodeVisible(tgt, graph.getNodeAttributes(tgt), s.filters);
      return { ...data, ...edgeDisplay(edge, data, src, tgt, sv, tv, s) };
    },
  };
  return new Sigma<NodeAttrs, EdgeAttrs>(graph, container, settings);
}
