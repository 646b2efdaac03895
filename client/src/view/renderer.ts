/**
 * Sigma setup: settings, fonts and the reducers wired to the pure display rules.
 * The CJK font stack is set on the canvas labels so Chinese names render with a real
 * CJK face instead of a fallback that may lack glyphs.
 */
import Sigma from 'sigma';
import { NodeCircleProgram, NodePointProgram, type NodeProgramType } from 'sigma/rendering';
import type { RenderParams } from 'sigma/types';
import type { Settings } from 'sigma/settings';
import type { AtlasGraph, EdgeAttrs, NodeAttrs } from '../graph/build';
import { edgeDisplay, isNodeVisible, isPlainState, nodeDisplay, type HighlightState } from '../graph/reducers';
import { DIMMED_NODE_COLOR, EDGE_COLOR } from '../graph/palette';
import { BIG_GRAPH_NODES, isOverview } from '../graph/thresholds';
import type { AtlasSigma } from './sigma-types';

export const FONT_STACK = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

/**
 * `Base` drawing nothing while `draw()` is false: sigma keeps its index of the nodes, and its
 * picking layer is left blank (so no node can be hovered or clicked at a stale place), but no
 * node is sent to the GPU. Used while the layout preview (layout-preview.ts) stands in for
 * sigma's nodes.
 */
type ProgramClass = new (...args: any[]) => { render(params: RenderParams): void };
function pausable(Base: ProgramClass, draw: () => boolean): NodeProgramType<NodeAttrs, EdgeAttrs> {
  return class extends Base {
    override render(params: RenderParams): void {
      if (draw()) super.render(params);
    }
  } as unknown as NodeProgramType<NodeAttrs, EdgeAttrs>;
}

/**
 * `display`: the graph sigma draws, when it is not `graph` itself: its nodes and some of its
 * relationships (view/drawn-graph.ts). The reducers always read `graph`. `renderLabels`: off
 * while a big graph is being laid out. `drawNodes`: false while the layout preview stands in
 * for the nodes (drawn-graph.ts).
 */
export function createRenderer(
  container: HTMLElement,
  graph: AtlasGraph,
  getState: () => HighlightState,
  labelDensity: number,
  display: AtlasGraph = graph,
  renderLabels = true,
  drawNodes: () => boolean = () => true,
): AtlasSigma {
  // Above BIG_GRAPH_NODES (graph/thresholds.ts, which says why): WebGL points, nothing drawn but nodes while the camera moves.
  const big = graph.order > BIG_GRAPH_NODES;
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
    nodeProgramClasses: { circle: pausable(big ? NodePointProgram : NodeCircleProgram, drawNodes) },
    labelGridCellSize: 90,
    labelRenderedSizeThreshold: 7,
    zIndex: true,
    minCameraRatio: 0.03,
    maxCameraRatio: 6,
    stagePadding: 40,
    // The canvas is hidden (display:none) in the list view; refreshes must not throw there.
    allowInvalidContainer: true,
    // A node's display data is a fresh object of just the fields sigma reads, all set but
    // `type` (sigma's default), rather than sigma's copy of every attribute of the node
    // (names in two languages, the API record, ...) with the display fields written into
    // it: sigma keeps these objects, adds its defaults to them and reads them in process(),
    // and at 50k nodes a full refresh took half the time with the small objects (median
    // 0.3 s against 0.65 s, the two alternating in one headless Chromium page).
    nodeReducer: (node, data) => {
      const s = nodeDisplay(node, data, getState());
      const color = s.color ?? data.color;
      // In an overview (drawn-graph.ts) the nodes outside a highlight shrink to dots, so the
      // highlighted relationships, drawn beneath the nodes, are not hidden under thousands
      // of grey discs.
      const size = color === DIMMED_NODE_COLOR && isOverview(graph) ? Math.min(data.size, 2) : data.size;
      return {
        x: data.x,
        y: data.y,
        size,
        color,
        label: (s.label !== undefined ? s.label : data.label) ?? null,
        hidden: s.hidden ?? false,
        highlighted: s.highlighted ?? false,
        forceLabel: s.forceLabel ?? false,
        zIndex: s.zIndex ?? 0,
      };
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
