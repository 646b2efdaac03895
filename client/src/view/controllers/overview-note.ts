/**
 * The note over the canvas of an overview (graph/thresholds.ts: `isOverview`), saying
 * that a big graph shows only some relationships, and which. Styled by `.graph-note` in
 * styles.css, like the tooltip.
 */
import type { AtlasGraph } from '../../graph/build';
import { isOverview } from '../../graph/thresholds';
import { formatNumber, t } from '../../i18n/index';
import { h } from '../../ui/dom';

export class OverviewNote {
  readonly el = h('p', { class: 'graph-note', role: 'note', hidden: true });

  constructor(private readonly graph: AtlasGraph) {}

  update(): void {
    const on = isOverview(this.graph);
    this.el.hidden = !on;
    if (on) this.el.textContent = t('graph.overview', { edges: formatNumber(this.graph.size) });
  }
}
