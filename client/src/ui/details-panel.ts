/**
 * Details of the selected node: names in both languages, kind, dates, description,
 * figures and citations, and its neighbours grouped by relationship type and direction
 * ("issued by", "regulates"), each a button that selects the neighbour.
 */
import type { ApiNode, Source } from '../../../server/stores/types';
import type { Store } from '../state/app-state';
import type { GraphView } from '../view/graph-view';
import { LABEL_COLORS } from '../graph/palette';
import { REL_TYPES, type RelType } from '../graph/model';
import { getLang, nodeName, onLangChange, t, type MessageKey } from '../i18n/index';
import { clear, h } from './dom';
import { citation } from './citation';
import { answerActions } from './answer-actions';
import { ta } from './answer-i18n';
import { evidenceBadge, evidenceMarks, evidenceOf } from './evidence-badge';

export interface DetailsActions {
  expand(id: string): void;
  hide(id: string): void;
  select(id: string): void;
}

export class DetailsPanel {
  readonly el = h('section', { class: 'details', 'aria-live': 'polite' });

  constructor(
    private readonly store: Store,
    private readonly view: GraphView,
    private readonly actions: DetailsActions,
  ) {
    store.watch(['node', 'lang', 'hidden'], () => this.render());
    onLangChange(() => this.render());
  }

  /** Re-render after the graph changed (expansion adds neighbours). */
  refresh(): void {
    this.render();
  }

  private render(): void {
    clear(this.el);
    const id = this.store.get().node;
    if (!id) {
      this.el.append(h('h2', {}, t('details.heading')), h('p', { class: 'muted' }, t('details.empty')));
      return;
    }
    if (!this.view.graph.hasNode(id)) {
      this.el.append(h('p', { class: 'muted' }, t('details.loading')));
      return;
    }
    const n = this.view.graph.getNodeAttribute(id, 'api');
    this.el.append(...this.header(n), ...this.facts(n), ...this.figures(n), ...this.sources(n.sources), ...this.neighbours(id));
  }

  private header(n: ApiNode): HTMLElement[] {
    const lang = getLang();
    const other = lang === 'en' ? n.name : n.nameEn;
    return [
      h(
        'div',
        { class: 'details-head' },
        h('span', { class: 'badge', style: `--c:${LABEL_COLORS[n.label]}` }, t(`label.${n.label}`)),
        h('button', { type: 'button', class: 'icon-btn', 'aria-label': t('details.close'), title: t('details.close'), onclick: () => this.store.set({ node: null }) }, '×'),
      ),
      h('h2', { class: 'details-title', id: 'details-title' }, nodeName(n, lang)),
      h('p', { class: 'details-other', lang: lang === 'en' ? 'zh-CN' : 'en' }, other),
      h(
        'div',
        { class: 'button-row' },
        h('button', { type: 'button', onclick: () => this.actions.expand(n.id) }, t('details.expand')),
        h('button', { type: 'button', onclick: () => this.actions.hide(n.id) }, t('details.hide')),
        n.label === 'Segment' || n.label === 'Agency'
          ? h('button', { type: 'button', class: 'compare-with', onclick: () => this.store.set({ compare: { a: n.id, b: '', asOfA: null, asOfB: null } }) }, ta('compare.with'))
          : null,
      ),
      answerActions({ kind: 'node', id: n.id }),
    ];
  }

  private facts(n: ApiNode): HTMLElement[] {
    const lang = getLang();
    const rows: Array<[MessageKey, string]> = [];
    if (n.date) rows.push(['details.date', n.date]);
    if (n.startYear !== undefined) rows.push(['details.years', `${n.startYear} – ${n.endYear ?? t('details.openEnded')}`]);
    if (n.kind) rows.push(['details.kind', t(`kind.${n.kind}` as MessageKey) || n.kind]);
    if (n.issuerCount !== undefined) rows.push(['details.issuerCount', String(n.issuerCount)]);
    if (n.aliases.length) rows.push(['details.aliases', n.aliases.join('、')]);
    const primary = lang === 'en' ? n.descriptionEn : n.description;
    const secondary = lang === 'en' ? n.description : n.descriptionEn;
    return [
      h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)])),
      h('h3', {}, t('details.description')),
      h('p', {}, primary),
      h('p', { class: 'muted', lang: lang === 'en' ? 'zh-CN' : 'en' }, secondary),
    ];
  }

  private figures(n: ApiNode): HTMLElement[] {
    if (!n.figures.length) return [];
    const lang = getLang();
    return [
      h('h3', {}, t('details.figures')),
      h(
        'ul',
        { class: 'figures' },
        n.figures.map((f) =>
          h(
            'li',
            {},
            h('strong', {}, `${lang === 'en' ? f.metricEn : f.metric}: ${f.value.toLocaleString(lang === 'en' ? 'en' : 'zh-CN')} ${f.unit}`),
            ` (${f.year ?? t('evidence.noYear')}, ${f.region})`,
            evidenceBadge(evidenceOf(f), f.note),
            f.note ? h('p', { class: 'muted' }, f.note) : null,
            f.sources.map((s) => citation(s)),
          ),
        ),
      ),
    ];
  }

  private sources(sources: Source[]): HTMLElement[] {
    return [h('h3', {}, t('details.sources')), h('div', { class: 'sources' }, sources.map((s) => citation(s)))];
  }

  private neighbours(id: string): HTMLElement[] {
    const g = this.view.graph;
    type Item = { other: string; quote?: string | undefined; props: Record<string, unknown> };
    const groups = new Map<string, Item[]>();
    g.forEachOutEdge(id, (_e, a, _s, target) => {
      const k = `out:${a.relType}`;
      groups.set(k, [...(groups.get(k) ?? []), { other: target, quote: a.api.sources[0]?.quote, props: a.api.properties }]);
    });
    g.forEachInEdge(id, (_e, a, source) => {
      const k = `in:${a.relType}`;
      groups.set(k, [...(groups.get(k) ?? []), { other: source, quote: a.api.sources[0]?.quote, props: a.api.properties }]);
    });
    const out: HTMLElement[] = [h('h3', {}, t('details.neighbors'))];
    if (!groups.size) {
      out.push(h('p', { class: 'muted' }, t('details.noNeighbors')));
      return out;
    }
    const order = (k: string) => REL_TYPES.indexOf(k.split(':')[1] as RelType) * 2 + (k.startsWith('in') ? 1 : 0);
    for (const k of [...groups.keys()].sort((a, b) => order(a) - order(b))) {
      const [dir, type] = k.split(':') as ['in' | 'out', RelType];
      const title = t(dir === 'out' ? `rel.${type}` : `relIn.${type}`);
      const items = groups.get(k) ?? [];
      out.push(
        h(
          'section',
          { class: 'neighbour-group' },
          h('h4', {}, `${title} (${items.length})`),
          h(
            'ul',
            {},
            items.map(({ other, quote, props }) => {
              const a = g.getNodeAttributes(other);
              return h(
                'li',
                {},
                h(
                  'button',
                  { type: 'button', class: 'link', onclick: () => this.actions.select(other), title: quote ? `“${quote}”` : null },
                  h('span', { class: 'chip', style: `background:${LABEL_COLORS[a.nodeLabel]}`, 'aria-hidden': 'true' }),
                  nodeName(a),
                  this.view.isVisible(other) ? null : h('span', { class: 'muted' }, ' ⊘'),
                ),
                evidenceMarks(props),
              );
            }),
          ),
        ),
      );
    }
    return out;
  }
}
