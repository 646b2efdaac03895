/** Graph tools: layout, zoom, fit/reset, list view, label density, PNG and data export. */
import type { Store } from '../state/app-state';
import type { ExportFormat } from '../api/client';
import { onLangChange, t, type MessageKey } from '../i18n/index';
import { clear, h, uid } from './dom';
import { icon, type IconName } from './icons';

export interface ToolbarActions {
  toggleLayout(): void;
  zoom(dir: 1 | -1): void;
  fit(): void;
  reset(): void;
  exportPng(): void;
  exportData(format: ExportFormat): void;
}

export class Toolbar {
  readonly el = h('div', { class: 'toolbar', role: 'toolbar' });

  constructor(
    private readonly store: Store,
    private readonly actions: ToolbarActions,
  ) {
    store.watch(['layoutRunning', 'layout', 'view', 'labelDensity'], () => this.render());
    onLangChange(() => this.render());
  }

  private button(key: MessageKey, name: IconName, run: () => void, extra: Record<string, string> = {}): HTMLButtonElement {
    return h('button', { type: 'button', class: 'tool', 'aria-label': t(key), title: t(key), onclick: run, ...extra }, icon(name));
  }

  private render(): void {
    const s = this.store.get();
    const focusedKey = document.activeElement instanceof HTMLElement && this.el.contains(document.activeElement) ? document.activeElement.dataset['tool'] : undefined;
    clear(this.el);
    this.el.setAttribute('aria-label', t('toolbar.label'));
    const densityId = uid('density');
    const density = h('input', { id: densityId, type: 'range', min: '0.3', max: '3', step: '0.1', value: String(s.labelDensity), 'data-tool': 'density' });
    density.addEventListener('input', () => this.store.set({ labelDensity: Number(density.value) }));
    const formatId = uid('fmt');
    const format = h(
      'select',
      { id: formatId, 'aria-label': t('toolbar.exportFormat'), 'data-tool': 'format' },
      (['gexf', 'graphml', 'json', 'csv'] as const).map((f) => h('option', { value: f }, f.toUpperCase())),
    );
    const list = s.view === 'list';
    this.el.append(
      h(
        'div',
        { class: 'tool-group' },
        this.button(s.layoutRunning ? 'toolbar.layoutStop' : 'toolbar.layoutStart', s.layoutRunning ? 'pause' : 'play', () => this.actions.toggleLayout(), { 'data-tool': 'run', 'aria-pressed': String(s.layoutRunning) }),
        this.button(s.layout === 'time' ? 'toolbar.layoutForce' : 'toolbar.layoutTime', s.layout === 'time' ? 'network' : 'timeline', () => this.store.set({ layout: s.layout === 'time' ? 'force' : 'time' }), { 'data-tool': 'layout' }),
      ),
      h(
        'div',
        { class: 'tool-group' },
        this.button('toolbar.zoomIn', 'plus', () => this.actions.zoom(1), { 'data-tool': 'zoomin' }),
        this.button('toolbar.zoomOut', 'minus', () => this.actions.zoom(-1), { 'data-tool': 'zoomout' }),
        this.button('toolbar.fit', 'fit', () => this.actions.fit(), { 'data-tool': 'fit' }),
        this.button('toolbar.reset', 'reset', () => this.actions.reset(), { 'data-tool': 'reset' }),
      ),
      h(
        'div',
        { class: 'tool-group' },
        this.button(list ? 'toolbar.showGraph' : 'toolbar.showList', list ? 'network' : 'list', () => this.store.set({ view: list ? 'graph' : 'list' }), { 'data-tool': 'list', 'aria-pressed': String(list) }),
        this.button('toolbar.exportPng', 'image', () => this.actions.exportPng(), { 'data-tool': 'png' }),
      ),
      h(
        'div',
        { class: 'tool-group export' },
        format,
        h('button', { type: 'button', class: 'tool wide', 'data-tool': 'export', onclick: () => this.actions.exportData(format.value as ExportFormat) }, t('toolbar.export')),
      ),
      h('div', { class: 'tool-group density' }, h('label', { for: densityId }, t('toolbar.labelDensity')), density),
    );
    if (focusedKey) this.el.querySelector<HTMLElement>(`[data-tool="${focusedKey}"]`)?.focus();
  }
}
