/**
 * Ask in your own words: a question box with suggestions, the reading the server took as a
 * sentence of chips (change one and the question is asked again as that reading), what
 * each part of the text matched, other readings, and the answer. A question it cannot read
 * gets a plain "I did not understand", the closest readings and search results.
 *
 * The question and the chosen reading live in the URL (`ask`, `reading`), so a question
 * is a link; the panel asks whenever they (or the language) change.
 */
import type { AskResponse } from '../../../server/contract/ask';
import { api } from '../api/client';
import { LABEL_COLORS } from '../graph/palette';
import { getLang, nodeName, onLangChange, t } from '../i18n/index';
import type { Store } from '../state/app-state';
import type { AskUrl } from '../state/url-state';
import { entitySuggestions, shapeSuggestions, type Suggestion } from './ask-suggest';
import { renderReading } from './ask-reading';
import { append, clear, debounce, h, uid } from './dom';
import { errorMessage } from './status';

export interface AskPanelActions {
  select: (id: string) => void;
  /** Show these nodes as the answer in the graph. */
  show: (ids: string[]) => void;
}

type Reading = AskResponse['reading'];

export class AskPanel {
  readonly el = h('section', { class: 'ask-panel', 'aria-labelledby': uid('ask-h') });
  private readonly heading = h('h2', { class: 'ask-heading' });
  private readonly input: HTMLInputElement;
  private readonly button = h('button', { type: 'submit', class: 'ask-submit' });
  private readonly list: HTMLUListElement;
  private readonly out = h('div', { class: 'ask-output', 'aria-live': 'polite', 'data-testid': 'ask-output' });
  private suggestions: Suggestion[] = [];
  private active = -1;
  private suggestRequest: AbortController | null = null;
  private askRequest: AbortController | null = null;

  constructor(
    private readonly store: Store,
    private readonly actions: AskPanelActions,
  ) {
    this.heading.id = this.el.getAttribute('aria-labelledby')!;
    const listId = uid('ask-list');
    this.input = h('input', {
      type: 'search',
      class: 'ask-input',
      'data-testid': 'ask-input',
      role: 'combobox',
      autocomplete: 'off',
      maxlength: 200,
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
    });
    this.list = h('ul', { id: listId, role: 'listbox', class: 'search-results ask-suggestions', hidden: true });
    const form = h('form', { class: 'ask-form', role: 'search' }, h('div', { class: 'ask-box' }, this.input, this.list), this.button);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit(this.input.value);
    });
    const suggest = debounce(() => void this.suggest(), 150);
    this.input.addEventListener('input', suggest);
    this.input.addEventListener('focus', suggest);
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    this.el.append(this.heading, form, this.out);
    this.renderText();
    onLangChange(() => this.renderText());
  }

  /** Start answering (once the graph is loaded, so answers can be shown in it). */
  start(): void {
    this.store.watch(['ask', 'lang'], (s) => void this.ask(s.ask ?? null));
  }

  focus(): void {
    this.input.focus();
  }

  private renderText(): void {
    this.heading.textContent = t('ask.heading');
    this.input.placeholder = t('ask.placeholder');
    this.input.setAttribute('aria-label', t('ask.heading'));
    this.button.textContent = t('ask.submit');
  }

  private submit(text: string): void {
    const q = text.trim();
    if (!q) return;
    this.close();
    this.store.set({ ask: { text: q, reading: null }, tab: 'questions', startScreen: false });
  }

  private setReading(kind: string, params: Record<string, string>): void {
    const text = this.store.get().ask?.text ?? null;
    this.store.set({ ask: { text, reading: { kind, params } }, startScreen: false });
  }

  // ---- asking --------------------------------------------------------------------------

  private async ask(ask: AskUrl | null): Promise<void> {
    this.askRequest?.abort();
    if (!ask) {
      clear(this.out);
      return;
    }
    if (ask.text !== null && document.activeElement !== this.input) this.input.value = ask.text;
    const ctrl = new AbortController();
    this.askRequest = ctrl;
    this.out.classList.add('loading');
    try {
      const query = ask.reading ? { kind: ask.reading.kind, params: ask.reading.params } : { q: ask.text ?? '' };
      const res = await api.ask(query, getLang(), ctrl.signal);
      if (ctrl.signal.aborted) return;
      this.render(res);
      if (res.answer) {
        if (res.answer.focus) this.actions.select(res.answer.focus);
        else this.actions.show(res.answer.highlight);
      }
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      clear(this.out);
      this.out.append(h('p', { class: 'ask-error', role: 'alert' }, errorMessage(e)));
    } finally {
      if (this.askRequest === ctrl) this.out.classList.remove('loading');
    }
  }

  private render(res: AskResponse): void {
    clear(this.out);
    const r = res.reading;
    if (r.kind === 'unknown') {
      append(
        this.out,
        h('p', { class: 'ask-unknown', 'data-testid': 'ask-unknown' }, t('ask.notUnderstood', { q: res.question ?? '' })),
        this.alternatives(r, 'ask.closest'),
        this.searchResults(res),
      );
      return;
    }
    const params = r.params as Record<string, string>;
    append(
      this.out,
      h('p', { class: 'ask-read-as' }, t('ask.readAs')),
      renderReading(r.sentence, params, (next) => this.setReading(r.kind, next)),
      this.matched(r),
      ...r.notes.map((n) => h('p', { class: 'ask-note' }, getLang() === 'zh' ? n.zh : n.en)),
      this.answer(res),
      this.alternatives(r, 'ask.otherReadings'),
    );
  }

  /** What each part of the question was taken for. */
  private matched(r: Reading): HTMLElement | null {
    const parts = r.parts.filter((p) => p.role !== 'cue');
    if (parts.length === 0) return null;
    const names = new Map(r.sentence.filter((p) => p.value).map((p) => [p.value!, p.text]));
    const items = parts.map((p) =>
      h('li', { class: `ask-part ask-part-${p.role}` }, h('q', {}, p.text), ' → ', p.corrected ? `(${p.corrected}) ` : '', names.get(p.value) ?? p.value.replace(/^[a-z]+:/, '')),
    );
    return h('ul', { class: 'ask-parts', 'aria-label': t('ask.matched') }, ...items);
  }

  private alternatives(r: Reading, key: 'ask.closest' | 'ask.otherReadings'): HTMLElement | null {
    if (r.alternatives.length === 0) return null;
    return h(
      'div',
      { class: 'ask-alternatives' },
      h('p', {}, t(key)),
      h('ul', {}, ...r.alternatives.map((a) => h('li', {}, h('button', { type: 'button', class: 'link-button ask-alternative', onclick: () => this.setReading(a.kind, a.params as Record<string, string>) }, a.sentence.map((p) => p.text).join(''))))),
    );
  }

  private searchResults(res: AskResponse): HTMLElement | null {
    if (res.search.length === 0) return h('p', { class: 'ask-hint' }, t('ask.hint'));
    return h(
      'div',
      { class: 'ask-search' },
      h('p', {}, t('ask.searchResults')),
      h('ul', {}, ...res.search.map((hit) => h('li', {}, this.nodeButton(hit)))),
    );
  }

  private nodeButton(n: { id: string; label: string; name: string; nameEn: string }): HTMLElement {
    return h(
      'button',
      { type: 'button', class: 'link-button ask-node', 'data-id': n.id, onclick: () => this.actions.select(n.id) },
      h('span', { class: 'chip', style: `background:${LABEL_COLORS[n.label as keyof typeof LABEL_COLORS] ?? '#888'}`, 'aria-hidden': 'true' }),
      nodeName(n),
    );
  }

  private answer(res: AskResponse): HTMLElement {
    const a = res.answer;
    if (!a) return h('p', { class: 'ask-empty' }, t('ask.noAnswer'));
    const zh = getLang() === 'zh';
    const rows = a.rows.map((row) =>
      h(
        'li',
        { class: 'ask-row' },
        this.nodeButton(row),
        row.date ? h('span', { class: 'ask-date' }, ` ${row.date}`) : null,
        row.detail ? h('span', { class: 'ask-detail' }, ` — ${zh ? row.detail.zh : row.detail.en}`) : null,
        row.quote ? h('blockquote', { class: 'ask-quote', lang: 'zh-CN' }, row.quote) : null,
      ),
    );
    return h(
      'div',
      { class: 'ask-answer', 'data-testid': 'ask-answer' },
      h('h3', {}, zh ? a.title.zh : a.title.en),
      a.note ? h('p', { class: 'ask-note' }, zh ? a.note.zh : a.note.en) : null,
      rows.length ? h('ol', { class: 'ask-rows' }, ...rows) : h('p', { class: 'ask-empty' }, t('ask.nothing')),
    );
  }

  // ---- suggestions -----------------------------------------------------------------------

  private async suggest(): Promise<void> {
    this.suggestRequest?.abort();
    const ctrl = new AbortController();
    this.suggestRequest = ctrl;
    const text = this.input.value;
    const lang = getLang();
    let entities: Suggestion[] = [];
    try {
      entities = await entitySuggestions(text, lang, ctrl.signal);
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
    }
    if (ctrl.signal.aborted) return;
    this.suggestions = [...entities, ...shapeSuggestions(text, lang)];
    this.active = -1;
    this.renderList();
  }

  private renderList(): void {
    clear(this.list);
    this.suggestions.forEach((s, i) => {
      const li = h(
        'li',
        { id: `${this.list.id}-${i}`, role: 'option', class: `search-option ask-suggestion ask-suggestion-${s.kind}`, 'aria-selected': String(i === this.active) },
        s.hit ? h('span', { class: 'chip', style: `background:${LABEL_COLORS[s.hit.label]}`, 'aria-hidden': 'true' }) : null,
        h('span', { class: 'opt-name' }, s.shown),
        s.hit ? h('span', { class: 'opt-label' }, t(`label.${s.hit.label}`)) : h('span', { class: 'opt-label' }, t('ask.shape')),
      );
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        this.choose(i);
      });
      this.list.append(li);
    });
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${this.list.id}-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
    const open = this.suggestions.length > 0 && document.activeElement === this.input;
    this.list.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
  }

  private choose(i: number): void {
    const s = this.suggestions[i];
    if (!s) return;
    this.input.value = s.text;
    this.input.focus();
    this.close();
    void this.suggest();
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }

  private onKey(e: KeyboardEvent): void {
    const n = this.suggestions.length;
    if (e.key === 'ArrowDown' && n) this.active = (this.active + 1) % n;
    else if (e.key === 'ArrowUp' && n) this.active = (this.active - 1 + n) % n;
    else if (e.key === 'Enter' && !this.list.hidden && this.active >= 0) this.choose(this.active);
    else if (e.key === 'Escape' && !this.list.hidden) this.close();
    else return;
    e.preventDefault();
    if (e.key.startsWith('Arrow')) this.renderList();
  }
}
