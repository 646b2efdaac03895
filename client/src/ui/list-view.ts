/**
 * The accessible alternative to the canvas: tables of the visible nodes and
 * relationships, each name a button that selects the node.
 */
import { filtersOf, type Store } from '../state/app-state';
import type { GraphView } from '../view/graph-view';
import { LABEL_COLORS } from '../graph/palette';
import { isEdgeVisible } from '../graph/reducers';
import { nodeName, onLangChange, t } from '../i18n/index';
import { append, clear, h } from './dom';
import { evidenceMarks } from './evidence-badge';

const MAX_ROWS = 500;

export class ListView {
  readonly el = h('section', { class: 'list-view', hidden: true, 'aria-labelledby': 'list-heading' });

  constructor(
    private readonly store: Store,
    private readonly view: GraphView,
    private readonly select: (id: string) => void,
  ) {
    store.watch(['view', 'hideLabels', 'hideTypes', 'dateFrom', 'dateTo', 'hidden', 'statedOnly', 'lang', 'node'], () => this.render());
    onLangChange(() => this.render());
  }

  render(): void {
    const s = this.store.get();
    this.el.hidden = s.view !== 'list';
    if (this.el.hidden) return;
    clear(this.el);
    const g = this.view.graph;
    const f = filtersOf(s);
    const nodes = g.filterNodes((id) => this.view.isVisible(id)).sort((a, b) => g.degree(b) - g.degree(a));
    const edges = g.filterEdges((e, a, src, tgt) => isEdgeVisible(a, this.view.isVisible(src), this.view.isVisible(tgt), f));
    const btn = (id: string) => {
      const a = g.getNodeAttributes(id);
      return h(
        'button',
        { type: 'button', class: 'link', onclick: () => this.select(id), 'aria-current': s.node === id ? 'true' : null },
        h('span', { class: 'chip', style: `background:${LABEL_COLORS[a.nodeLabel]}`, 'aria-hidden': 'true' }),
        nodeName(a),
      );
    };
    const more = (n: number) => (n > MAX_ROWS ? h('p', { class: 'muted' }, t('list.more', { n: n - MAX_ROWS })) : null);
    append(
      this.el,
      h('h2', { id: 'list-heading' }, t('list.heading')),
      h('p', { class: 'muted' }, t('status.nodesShown', { nodes: nodes.length, edges: edges.length })),
      h(
        'table',
        { class: 'data-table' },
        h('caption', {}, t('list.nodes')),
        h('thead', {}, h('tr', {}, ['list.colName', 'list.colLabel', 'list.colDate', 'list.colDegree'].map((k) => h('th', { scope: 'col' }, t(k as 'list.colName'))))),
        h(
          'tbody',
          {},
          nodes.slice(0, MAX_ROWS).map((id) => {
            const a = g.getNodeAttributes(id);
            return h('tr', {}, h('th', { scope: 'row' }, btn(id)), h('td', {}, t(`label.${a.nodeLabel}`)), h('td', {}, a.date ?? ''), h('td', {}, String(g.degree(id))));
          }),
        ),
      ),
      more(nodes.length),
      h(
        'table',
        { class: 'data-table' },
        h('caption', {}, t('list.relationships')),
        h('thead', {}, h('tr', {}, ['list.colFrom', 'list.colType', 'list.colTo', 'list.colEvidence'].map((k) => h('th', { scope: 'col' }, t(k as 'list.colFrom'))))),
        h(
          'tbody',
          {},
          edges.slice(0, MAX_ROWS).map((e) => {
            const a = g.getEdgeAttributes(e);
            return h(
              'tr',
              {},
              h('td', {}, btn(g.source(e))),
              h('td', {}, t(`rel.${a.relType}`)),
              h('td', {}, btn(g.target(e))),
              h('td', {}, evidenceMarks(a.api.properties)),
            );
          }),
        ),
      ),
      more(edges.length),
    );
  }
}
