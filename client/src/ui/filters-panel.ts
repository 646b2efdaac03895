/** Filters by label, relationship type and date range; they only change reducer input. */
import type { Store } from '../state/app-state';
import { LABELS, REL_TYPES, type NodeLabel, type RelType } from '../graph/model';
import { LABEL_COLORS } from '../graph/palette';
import { onLangChange, t } from '../i18n/index';
import { append, clear, h, uid } from './dom';

export class FiltersPanel {
  readonly el = h('section', { class: 'filters' });
  private years: number[] = [];
  private present = { labels: new Set<NodeLabel>(), types: new Set<RelType>() };

  constructor(private readonly store: Store) {
    store.watch(['hideLabels', 'hideTypes', 'dateFrom', 'dateTo', 'hidden', 'statedOnly', 'lang'], () => this.render());
    onLangChange(() => this.render());
  }

  /** Which labels, types and years exist in the loaded graph. */
  setDomain(labels: Set<NodeLabel>, types: Set<RelType>, years: number[]): void {
    this.present = { labels, types };
    this.years = years;
    this.render();
  }

  private render(): void {
    const s = this.store.get();
    const focused = document.activeElement instanceof HTMLElement && this.el.contains(document.activeElement) ? document.activeElement.dataset['key'] : undefined;
    clear(this.el);
    const labelBoxes = LABELS.filter((l) => this.present.labels.has(l)).map((l) =>
      this.checkbox(`l:${l}`, t(`label.${l}`), !s.hideLabels.includes(l), (on) =>
        this.store.set({ hideLabels: on ? s.hideLabels.filter((x) => x !== l) : [...s.hideLabels, l] }), LABEL_COLORS[l]),
    );
    const typeBoxes = REL_TYPES.filter((r) => this.present.types.has(r)).map((r) =>
      this.checkbox(`t:${r}`, t(`rel.${r}`), !s.hideTypes.includes(r), (on) =>
        this.store.set({ hideTypes: on ? s.hideTypes.filter((x) => x !== r) : [...s.hideTypes, r] })),
    );
    const yearSelect = (key: 'dateFrom' | 'dateTo', labelKey: 'filters.from' | 'filters.to') => {
      const id = uid('year');
      const current = s[key]?.slice(0, 4) ?? '';
      const sel = h('select', { id, 'data-key': key }, h('option', { value: '' }, t('filters.any')), this.years.map((y) => h('option', { value: String(y), selected: String(y) === current }, String(y))));
      sel.addEventListener('change', () => this.store.set({ [key]: sel.value || null }));
      return h('div', { class: 'field' }, h('label', { for: id }, t(labelKey)), sel);
    };
    append(
      this.el,
      h('h2', {}, t('filters.heading')),
      h('fieldset', {}, h('legend', {}, t('filters.labels')), labelBoxes),
      h('fieldset', {}, h('legend', {}, t('filters.types')), typeBoxes),
      h('fieldset', { class: 'dates' }, h('legend', {}, t('filters.dates')), yearSelect('dateFrom', 'filters.from'), yearSelect('dateTo', 'filters.to')),
      h('fieldset', {}, h('legend', {}, t('filters.evidence')), this.checkbox('statedOnly', t('filters.statedOnly'), s.statedOnly, (on) => this.store.set({ statedOnly: on }))),
      s.hidden.length
        ? h('p', {}, t('filters.hiddenNodes', { n: s.hidden.length }), ' ', h('button', { type: 'button', 'data-key': 'showHidden', onclick: () => this.store.set({ hidden: [] }) }, t('filters.showHidden')))
        : null,
      h('button', { type: 'button', 'data-key': 'reset', onclick: () => this.store.set({ hideLabels: [], hideTypes: [], dateFrom: null, dateTo: null, hidden: [], statedOnly: false }) }, t('filters.reset')),
    );
    // Re-rendering replaces the controls; put keyboard focus back where it was.
    if (focused) this.el.querySelector<HTMLElement>(`[data-key="${CSS.escape(focused)}"]`)?.focus();
  }

  private checkbox(key: string, text: string, checked: boolean, onChange: (on: boolean) => void, color?: string): HTMLElement {
    const id = uid('cb');
    const input = h('input', { type: 'checkbox', id, checked, 'data-key': key });
    input.addEventListener('change', () => onChange(input.checked));
    return h('div', { class: 'check' }, input, h('label', { for: id }, color ? h('span', { class: 'dot', style: `background:${color}`, 'aria-hidden': 'true' }) : null, text));
  }
}
