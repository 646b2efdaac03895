/** Colour legend over the canvas; each entry is a toggle button (aria-pressed) for its label. */
import type { Store } from '../state/app-state';
import { LABELS, type NodeLabel } from '../graph/model';
import { LABEL_COLORS } from '../graph/palette';
import { onLangChange, t } from '../i18n/index';
import { clear, h } from './dom';

export function toggleLabel(store: Store, label: NodeLabel): void {
  const hide = store.get().hideLabels;
  store.set({ hideLabels: hide.includes(label) ? hide.filter((l) => l !== label) : [...hide, label] });
}

export class Legend {
  readonly el = h('section', { class: 'legend' });
  private counts: Partial<Record<NodeLabel, number>> = {};

  constructor(private readonly store: Store) {
    store.watch(['hideLabels', 'lang'], () => this.render());
    onLangChange(() => this.render());
  }

  setCounts(counts: Partial<Record<NodeLabel, number>>): void {
    this.counts = counts;
    this.render();
  }

  private render(): void {
    clear(this.el);
    this.el.setAttribute('aria-label', t('legend.heading'));
    const hidden = this.store.get().hideLabels;
    const items = LABELS.filter((l) => (this.counts[l] ?? 0) > 0).map((l) => {
      const off = hidden.includes(l);
      return h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: `legend-item${off ? ' off' : ''}`,
            'aria-pressed': String(!off),
            title: t('legend.toggle', { label: t(`label.${l}`) }),
            'data-label': l,
            onclick: () => toggleLabel(this.store, l),
          },
          h('span', { class: 'dot', style: `background:${LABEL_COLORS[l]}`, 'aria-hidden': 'true' }),
          `${t(`label.${l}`)} `,
          h('span', { class: 'count' }, String(this.counts[l] ?? 0)),
        ),
      );
    });
    this.el.append(h('h2', { class: 'sr-only' }, t('legend.heading')), h('ul', {}, items), h('p', { class: 'legend-hint' }, t('legend.hint')));
  }
}
