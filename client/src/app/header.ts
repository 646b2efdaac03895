/** The page header: title, subtitle, the skip link, the search box's place and the language switch. */
import type { Store } from '../state/app-state';
import { getLang, onLangChange, t } from '../i18n/index';
import { h } from '../ui/dom';

export class Header {
  readonly el: HTMLElement;
  readonly skip = h('a', { class: 'skip-link', href: '#graph' });
  private readonly title = h('h1', { class: 'app-title' });
  private readonly subtitle = h('p', { class: 'app-subtitle' });
  private readonly langBtn: HTMLButtonElement;

  /** `graphEl`: the canvas, whose label names the keys it takes. */
  constructor(
    store: Store,
    search: HTMLElement,
    private readonly graphEl: HTMLElement,
  ) {
    this.langBtn = h('button', { type: 'button', class: 'lang-switch', onclick: () => store.set({ lang: getLang() === 'zh' ? 'en' : 'zh' }) });
    this.el = h('header', { class: 'app-header' }, h('div', { class: 'brand' }, this.title, this.subtitle), search, this.langBtn);
    this.render();
    onLangChange(() => this.render());
  }

  private render(): void {
    this.title.textContent = t('app.title');
    this.subtitle.textContent = t('app.subtitle');
    this.skip.textContent = t('app.skip');
    this.langBtn.textContent = t('lang.switch');
    this.langBtn.setAttribute('aria-label', t('lang.switchLabel'));
    this.langBtn.lang = getLang() === 'zh' ? 'en' : 'zh-CN';
    this.graphEl.setAttribute('aria-label', `${t('app.title')} — ${t('toolbar.label')}: ← → ↑ ↓, +, −, 0, Esc`);
    document.title = t('app.title');
  }
}
