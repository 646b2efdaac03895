/**
 * Two segments or two agencies (or one at two dates) side by side: for each facet (rules,
 * agencies or segments, what their rules prohibit, require, address) what both share and
 * what only one has. Opened by a link (`compare=a,b&compareAt=…`), by "Compare with…" in the
 * details panel, or from the matrix; the graph highlights both sides meanwhile.
 */
import type { ApiNode } from '../../../server/stores/types';
import type { Comparison } from '../../../server/contract/briefs';
import type { Store } from '../state/app-state';
import type { CompareUrl } from '../state/url-state';
import type { GraphView } from '../view/graph-view';
import { getLang, nodeName, onLangChange } from '../i18n/index';
import { clear, h, uid } from './dom';
import { ta, type AnswerKey } from './answer-i18n';
import { errorMessage } from './status';
import { COMPARE_EVENT, type CompareRequest } from './compare-open';

const FACET_KEYS: Record<string, AnswerKey> = {
  rules: 'compare.rules',
  agencies: 'compare.agencies',
  segments: 'compare.segments',
  prohibits: 'compare.prohibits',
  requires: 'compare.requires',
  addresses: 'compare.addresses',
};

export class CompareView {
  readonly el = h('section', { class: 'compare-view', hidden: true, 'aria-labelledby': 'compare-heading' });
  private data: Comparison | null = null;
  private error: unknown = null;
  private request: AbortController | null = null;
  private shown = '';

  constructor(
    private readonly store: Store,
    private readonly view: GraphView,
    private readonly select: (id: string) => void,
  ) {
    onLangChange(() => this.render());
  }

  start(): void {
    this.store.watch(['compare'], (s) => void this.load(s.compare ?? null));
    // "Compare with…" from views without the store (the matrix).
    document.addEventListener(COMPARE_EVENT, (e) => {
      const { a } = (e as CustomEvent<CompareRequest>).detail;
      this.store.set({ compare: { a, b: '', asOfA: null, asOfB: null } });
    });
  }

  private key(c: CompareUrl): string {
    return `${c.a}|${c.b}|${c.asOfA ?? ''}|${c.asOfB ?? ''}`;
  }

  private async load(c: CompareUrl | null): Promise<void> {
    if (!c) {
      this.request?.abort();
      this.shown = '';
      this.el.hidden = true;
      return;
    }
    if (this.key(c) === this.shown) return;
    this.shown = this.key(c);
    this.el.hidden = false;
    this.store.set({ startScreen: false });
    this.data = null;
    this.error = null;
    this.request?.abort();
    if (!c.b) {
      this.render();
      // Opened by "Compare with…": the reader's next step is the second pick.
      this.el.querySelector<HTMLSelectElement>('select[name=b]')?.focus();
      return;
    }
    const ctrl = new AbortController();
    this.request = ctrl;
    this.render();
    const p = new URLSearchParams({ a: c.a, b: c.b });
    if (c.asOfA) p.set('asOf', c.asOfA);
    if (c.asOfB) p.set('asOfB', c.asOfB);
    try {
      const res = await fetch(`/api/compare?${p}`, { signal: ctrl.signal, headers: { accept: 'application/json' } });
      const body = (await res.json()) as Comparison | { error: { message: string } };
      if (!res.ok || 'error' in body) throw new Error('error' in body ? body.error.message : String(res.status));
      this.data = body;
      // The graph beside it highlights both sides and what they touch.
      const nodes = new Set([c.a, c.b, ...body.facets.flatMap((f) => f.items.map((i) => i.node.id))].filter((id) => this.view.graph.hasNode(id)));
      const edges = new Set(this.view.graph.filterEdges((_e, _a, s, t) => nodes.has(s) && nodes.has(t)));
      this.store.set({ focus: nodes.size ? { nodes, edges } : null });
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      this.error = e;
    }
    this.render();
  }

  /** Segments or agencies of the loaded graph, for the pickers. */
  private choices(label: ApiNode['label']): ApiNode[] {
    const g = this.view.graph;
    return g
      .filterNodes((_id, a) => a.nodeLabel === label)
      .map((id) => g.getNodeAttribute(id, 'api'))
      .sort((x, y) => nodeName(x).localeCompare(nodeName(y), getLang() === 'zh' ? 'zh-CN' : 'en'));
  }

  private nameOf(id: string): string {
    return this.view.graph.hasNode(id) ? nodeName(this.view.graph.getNodeAttribute(id, 'api')) : id;
  }

  private render(): void {
    clear(this.el);
    const c = this.store.get().compare;
    if (!c) return;
    const label: ApiNode['label'] = this.view.graph.hasNode(c.a) ? this.view.graph.getNodeAttribute(c.a, 'api').label : c.a.startsWith('agency:') ? 'Agency' : 'Segment';
    const options = this.choices(label);
    const picker = (which: 'a' | 'b', key: AnswerKey, current: string) => {
      const id = uid('cmp');
      const sel = h('select', { id, name: which }, h('option', { value: '' }, '—'), options.map((n) => h('option', { value: n.id, selected: n.id === current }, nodeName(n))));
      return h('div', { class: 'compare-pick' }, h('label', { for: id }, ta(key)), sel);
    };
    const date = (which: 'asOfA' | 'asOfB', key: AnswerKey, current: string | null) => {
      const id = uid('cmp-date');
      return h('div', { class: 'compare-pick' }, h('label', { for: id }, ta(key)), h('input', { id, name: which, type: 'month', value: current ? current.slice(0, 7) : '' }));
    };
    const form = h(
      'form',
      { class: 'compare-form' },
      picker('a', 'compare.pickA', c.a),
      date('asOfA', 'compare.dateA', c.asOfA),
      picker('b', 'compare.pickB', c.b),
      date('asOfB', 'compare.dateB', c.asOfB),
      h('button', { type: 'submit', class: 'primary' }, ta('compare.go')),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const f = new FormData(form);
      const v = (k: string) => String(f.get(k) ?? '');
      const a = v('a') || c.a;
      this.store.set({ compare: { a, b: v('b'), asOfA: v('asOfA') || null, asOfB: v('asOfB') || null } });
    });
    const close = h('button', { type: 'button', class: 'icon-btn compare-close', 'aria-label': ta('compare.close'), title: ta('compare.close'), onclick: () => this.store.set({ compare: null, focus: null }) }, '×');
    const at = (d: string | null) => (d ? ta('compare.at', { date: d }) : ta('compare.atNow'));
    const heading = c.b
      ? ta('compare.heading', { a: `${this.nameOf(c.a)} (${at(c.asOfA)})`, b: `${this.nameOf(c.b)} (${at(c.asOfB)})` })
      : ta('compare.title');
    this.el.append(h('div', { class: 'answer-head' }, h('h2', { id: 'compare-heading' }, heading), close), form);
    if (this.error) {
      this.el.append(h('p', { class: 'error', role: 'alert' }, errorMessage(this.error)));
      return;
    }
    const d = this.data;
    if (!d) return;
    const an = nodeName(d.a);
    const bn = nodeName(d.b);
    for (const f of d.facets) {
      const rows = f.items.map((i) =>
        h(
          'tr',
          { class: i.inA && i.inB ? 'shared' : i.inA ? 'only-a' : 'only-b' },
          h('th', { scope: 'row' }, this.view.graph.hasNode(i.node.id) ? h('button', { type: 'button', class: 'link', onclick: () => this.select(i.node.id) }, nodeName(i.node)) : nodeName(i.node)),
          h('td', {}, i.inA && i.inB ? ta('compare.shared') : i.inA ? ta('compare.onlyIn', { name: an }) : ta('compare.onlyIn', { name: bn })),
        ),
      );
      this.el.append(
        h(
          'section',
          { class: 'compare-facet', 'data-facet': f.facet },
          h('h3', {}, `${ta(FACET_KEYS[f.facet] ?? 'compare.rules')} · ${ta('compare.shared')} ${f.shared} · ${ta('compare.onlyIn', { name: an })} ${f.onlyA} · ${ta('compare.onlyIn', { name: bn })} ${f.onlyB}`),
          rows.length
            ? h('table', { class: 'answer-table compare-table' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ta(FACET_KEYS[f.facet] ?? 'compare.rules')), h('th', { scope: 'col' }, ta('compare.title')))), h('tbody', {}, rows))
            : h('p', { class: 'muted' }, ta('compare.none')),
        ),
      );
    }
  }
}
