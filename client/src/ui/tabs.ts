/**
 * Side-panel tabs (ARIA tabs pattern, arrow keys move between tabs). On a wide screen
 * the panel is a column beside the graph; on a phone it is a bottom sheet.
 */
import type { PanelTab, Store } from '../state/app-state';
import { onLangChange, t } from '../i18n/index';
import { h } from './dom';
import { rt } from './report-i18n';

const TABS: Array<{ id: PanelTab; key: 'tabs.details' | 'tabs.questions' | 'tabs.filters' | 'teach.tab' | null }> = [
  { id: 'details', key: 'tabs.details' },
  { id: 'questions', key: 'tabs.questions' },
  { id: 'filters', key: 'tabs.filters' },
  { id: 'teach', key: 'teach.tab' },
  // The report reader's label lives in its own dictionary.
  { id: 'report', key: null },
];

export class Tabs {
  readonly el: HTMLElement;
  private readonly buttons = new Map<PanelTab, HTMLButtonElement>();
  private readonly panels = new Map<PanelTab, HTMLElement>();

  constructor(
    private readonly store: Store,
    content: Record<PanelTab, HTMLElement>,
  ) {
    const list = h('div', { role: 'tablist', class: 'tablist' });
    this.el = h('aside', { class: 'side-panel' }, list);
    for (const { id } of TABS) {
      const btn = h('button', { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': `panel-${id}`, 'data-tab': id });
      btn.addEventListener('click', () => store.set({ tab: id }));
      btn.addEventListener('keydown', (e) => this.onKey(e, id));
      list.append(btn);
      this.buttons.set(id, btn);
      const panel = h('div', { role: 'tabpanel', id: `panel-${id}`, 'aria-labelledby': `tab-${id}`, tabindex: '0', class: 'tabpanel' }, content[id]);
      this.el.append(panel);
      this.panels.set(id, panel);
    }
    store.watch(['tab'], () => this.render());
    onLangChange(() => this.render());
  }

  private render(): void {
    const tab = this.store.get().tab;
    this.el.querySelector('[role=tablist]')?.setAttribute('aria-label', t('tabs.label'));
    for (const { id, key } of TABS) {
      const btn = this.buttons.get(id)!;
      btn.textContent = key ? t(key) : rt('report.tab');
      btn.setAttribute('aria-selected', String(id === tab));
      btn.tabIndex = id === tab ? 0 : -1;
      this.panels.get(id)!.hidden = id !== tab;
    }
  }

  private onKey(e: KeyboardEvent, id: PanelTab): void {
    const i = TABS.findIndex((x) => x.id === id);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const tab = TABS[(next + TABS.length) % TABS.length]!.id;
    this.store.set({ tab });
    this.buttons.get(tab)?.focus();
  }
}
