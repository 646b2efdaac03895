/**
 * Sigma setup: settings, fonts and the reducers wired to the pure display rules.
 * The CJK font stack is set on the canvas labels so Chinese names render with a real
 * CJK face instead of a fallback that may lack glyphs.
 */
import Sigma from 'sigma';
import { NodePointProgram } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { AtlasGraph, EdgeAttrs, NodeAttrs } from '../graph/build';
import { edgeDisplay, isNodeVisible, isPlainState, nodeDisplay, type HighlightState } from '../graph/reducers';
import { DIMMED_NODE_COLOR, EDGE_COLOR } from '../graph/palette';
import { isOverview } from './drawn-graph';

export const FONT_STACK = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

/**
 * Above this many nodes, edges and labels are hidden while the camera moves, and nodes are
 * drawn as WebGL points instead of sigma's default circle program. Both draw the same
 * antialiased disc of the same size; the point program draws one vertex per node where the
 * circle program draws an instanced triangle, and with software WebGL (SwiftShader) that was
 * ~4× cheaper per frame at 50k nodes (0.8 s against 3.5 s of main-thread waiting).
 */
export const BIG_GRAPH = 1500;

export type AtlasSigma = Sigma<NodeAttrs, EdgeAttrs>;

/**
 * `display`: the graph sigma draws, when it is not `graph` itself: its nodes and some of its
 * relationships (view/drawn-graph.ts). The reducers always read `graph`. `renderLabels`: off
 * while a big graph is being laid out.
 */
export function createRenderer(
  container: HTMLElement,
  graph: AtlasGraph,
  getState: () => HighlightState,
  labelDensity: number,
  display: AtlasGraph = graph,
  renderLabels = true,
): AtlasSigma {
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
    renderLabels,
    ...(big ? { nodeProgramClasses: { circle: NodePointProgram as never } } : {}),
    labelGridCellSize: 90,
    labelRenderedSizeThreshold: 7,
    zIndex: true,
    minCameraRatio: 0.03,
    maxCameraRatio: 6,
    stagePadding: 40,
    // The canvas is hidden (display:none) in the list view; refreshes must not throw there.
    allowInvalidContainer: true,
    // sigma hands the reducers a fresh copy of the attributes, so they may write into it;
    // that saves one object per node and relationship on every full refresh.
    nodeReducer: (node, data) => {
      const d = Object.assign(data, nodeDisplay(node, data, getState()));
      // In an overview (drawn-graph.ts) the nodes outside a highlight shrink to dots, so the
      // highlighted relationships, drawn beneath the nodes, are not hidden under thousands
      // of grey discs.
      if (d.color === DIMMED_NODE_COLOR && isOverview(graph)) d.size = Math.min(d.size, 2);
      return d;
    },
    edgeReducer: (edge, data) => {
      const d = data as EdgeAttrs & { hidden?: boolean };
      const s = getState();
      // Nothing filtered, hovered or in focus: every relationship is drawn plain. This is
      // the common case and skips two visibility checks per relationship.
      if (isPlainState(s)) {
        d.hidden = false;
        return d;
      }
      const [src, tgt] = graph.extremities(edge);
      const sv = isNodeVisible(src, graph.getNodeAttributes(src), s.filters);
      const tv = isNodeVisible(tgt, graph.getNodeAttributes(tgt), s.filters);
      return { ...data, ...edgeDisplay(edge, data, src, tgt, sv, tv, s) };
    },
  };
  return new Sigma<NodeAttrs, EdgeAttrs>(display, container, settings);
}
