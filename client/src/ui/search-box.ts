/**
 * Autocomplete over Chinese and English names and aliases, following the ARIA 1.2
 * combobox pattern: ArrowDown/ArrowUp move through the options, Enter picks, Escape
 * closes (and a second Escape clears). Requests are debounced and stale ones aborted.
 */
import type { SearchHit } from '../../../server/stores/types';
import type { NodeLabel } from '../graph/model';
import { api, ApiError } from '../api/client';
import { LABEL_COLORS } from '../graph/palette';
import { getLang, nodeName, onLangChange, t, type MessageKey } from '../i18n/index';
import { clear, debounce, h, uid } from './dom';

export interface SearchBoxOptions {
  labelKey: MessageKey;
  placeholderKey?: MessageKey;
  labels?: readonly NodeLabel[];
  onChoose: (hit: SearchHit) => void;
  /** Show the chosen name in the box after choosing (pickers) instead of clearing it. */
  keepChoice?: boolean;
  className?: string;
}

export class SearchBox {
  readonly el: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly status: HTMLElement;
  private readonly labelEl: HTMLLabelElement;
  private hits: SearchHit[] = [];
  private active = -1;
  private controller: AbortController | null = null;
  private chosen: SearchHit | null = null;

  constructor(private readonly opts: SearchBoxOptions) {
    const inputId = uid('search');
    const listId = uid('listbox');
    this.labelEl = h('label', { for: inputId, class: 'search-label' });
    this.input = h('input', {
      id: inputId,
      type: 'search',
      role: 'combobox',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
    });
    this.list = h('ul', { id: listId, role: 'listbox', class: 'search-results', hidden: true });
    this.status = h('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
    this.el = h('div', { class: `search-box ${opts.className ?? ''}` }, this.labelEl, this.input, this.list, this.status);
    this.list.setAttribute('aria-label', t(opts.labelKey));

    const run = debounce(() => void this.query(), 180);
    this.input.addEventListener('input', () => {
      this.chosen = null;
      run();
    });
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    this.input.addEventListener('focus', () => {
      if (this.hits.length && !this.chosen) this.open();
    });
    this.renderText();
    onLangChange(() => {
      this.renderText();
      if (this.chosen && opts.keepChoice) this.input.value = nodeName(this.chosen);
      this.renderList();
    });
  }

  private renderText(): void {
    this.labelEl.textContent = t(this.opts.labelKey);
    this.input.placeholder = t(this.opts.placeholderKey ?? 'search.placeholder');
    this.list.setAttribute('aria-label', t(this.opts.labelKey));
  }

  /** Fill the box with a choice made elsewhere (URL, start screen). */
  setChoice(hit: { id: string; name: string; nameEn: string; label: NodeLabel } | null): void {
    this.chosen = hit ? { ...hit, score: 0 } : null;
    this.input.value = hit ? nodeName(hit) : '';
  }

  get value(): SearchHit | null {
    return this.chosen;
  }

  private async query(): Promise<void> {
    const q = this.input.value.trim();
    this.controller?.abort();
    if (!q) {
      this.hits = [];
      this.close();
      return;
    }
    const ctrl = new AbortController();
    this.controller = ctrl;
    try {
      const res = await api.search(q, { labels: this.opts.labels, limit: 10 }, ctrl.signal);
      if (ctrl.signal.aborted) return;
      this.hits = res.results;
      this.active = this.hits.length ? 0 : -1;
      this.status.textContent = this.hits.length ? t('search.results', { n: this.hits.length }) : t('search.noResults');
      this.renderList();
      this.open();
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      this.hits = [];
      this.active = -1;
      const msg = e instanceof ApiError && e.code === 'unreachable' ? t('status.unreachable') : t('error.generic');
      this.status.textContent = msg;
      clear(this.list);
      this.list.append(h('li', { class: 'search-empty', role: 'presentation' }, msg));
      this.open();
    }
  }

  private renderList(): void {
    clear(this.list);
    if (!this.hits.length) {
      if (this.input.value.trim()) this.list.append(h('li', { class: 'search-empty', role: 'presentation' }, t('search.noResults')));
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    const lang = getLang();
    this.hits.forEach((hit, i) => {
      const other = lang === 'en' ? hit.name : hit.nameEn;
      const li = h(
        'li',
        {
          id: `${this.list.id}-${i}`,
          role: 'option',
          class: 'search-option',
          'aria-selected': String(i === this.active),
          'data-id': hit.id,
        },
        h('span', { class: 'chip', style: `background:${LABEL_COLORS[hit.label]}`, 'aria-hidden': 'true' }),
        h('span', { class: 'opt-name' }, nodeName(hit, lang)),
        h('span', { class: 'opt-other' }, other),
        h('span', { class: 'opt-label' }, t(`label.${hit.label}`)),
      );
      li.addEventListener('mousedown', (e) => {
        e.preventDefault(); // keep focus in the input
        this.choose(i);
      });
      this.list.append(li);
    });
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${this.list.id}-${this.active}`);
  }

  private open(): void {
    if (!this.list.childElementCount) return;
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  private choose(i: number): void {
    const hit = this.hits[i];
    if (!hit) return;
    this.close();
    this.chosen = hit;
    this.input.value = this.opts.keepChoice ? nodeName(hit) : '';
    if (!this.opts.keepChoice) this.hits = [];
    this.opts.onChoose(hit);
  }

  private onKey(e: KeyboardEvent): void {
    const n = this.hits.length;
    switch (e.key) {
      case 'ArrowDown':
        if (this.list.hidden) this.open();
        else if (n) this.active = (this.active + 1) % n;
        this.renderList();
        this.open();
        break;
      case 'ArrowUp':
        if (n) this.active = (this.active - 1 + n) % n;
        this.renderList();
        this.open();
        break;
      case 'Enter':
        if (!this.list.hidden && this.active >= 0) this.choose(this.active);
        else return;
        break;
      case 'Escape':
        if (!this.list.hidden) this.close();
        else {
          this.input.value = '';
          this.chosen = null;
          this.hits = [];
        }
        break;
      default:
        return;
    }
    e.preventDefault();
  }
}
