/**
 * The count under the canvas ("111 nodes, 262 relationships shown"), and the note with a
 * reset button when the filters leave nothing to show.
 */
import { filtersOf, type Store } from '../state/app-state';
import { isEdgeVisible } from '../graph/reducers';
import { t } from '../i18n/index';
import { h } from '../ui/dom';
import type { StatusOverlay } from '../ui/status';
import type { GraphView } from './graph-view';

export class GraphCounter {
  readonly el = h('p', { class: 'counter', 'aria-live': 'polite' });

  constructor(
    private readonly store: Store,
    private readonly view: GraphView,
    private readonly status: StatusOverlay,
    /** The canvas's description for screen readers, which repeats the counts. */
    private readonly description?: { setCounts(nodes: number, edges: number): void },
  ) {
    store.watch(['hideLabels', 'hideTypes', 'dateFrom', 'dateTo', 'hidden', 'statedOnly', 'lang'], () => this.update());
  }

  update(): void {
    const { view, status } = this;
    if (!view.graph.order) return;
    const f = filtersOf(this.store.get());
    const nodes = view.graph.filterNodes((id) => view.isVisible(id)).length;
    const edges = view.graph.filterEdges((_e, a, src, tgt) => isEdgeVisible(a, view.isVisible(src), view.isVisible(tgt), f)).length;
    // In an overview the canvas draws only some relationships: the count is of the view (and the list).
    this.el.textContent = t(view.overview ? 'status.nodesInOverview' : 'status.nodesShown', { nodes, edges });
    this.description?.setCounts(nodes, edges);
    if (nodes === 0) status.message(t('status.empty'), { label: t('filters.reset'), run: () => this.store.set({ hideLabels: [], hideTypes: [], dateFrom: null, dateTo: null, hidden: [] }) });
    else if (status.el.classList.contains('note') && status.el.textContent?.startsWith(t('status.empty').slice(0, 8))) status.hide();
  }
}
