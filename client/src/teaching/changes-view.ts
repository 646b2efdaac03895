/**
 * "What changed between two dates": the rules and events dated in (from, to], the
 * relationships they brought and what they link to, each clickable; the whole change can
 * be shown in the graph.
 */
import { api, type ApiNode, type ChangesAnswer } from '../api/client';
import type { Store } from '../state/app-state';
import { append, clear, h } from '../ui/dom';
import { formatDate, getLang, nodeName, onLangChange, relNames, t } from '../i18n/index';
import { errorBlock, type TeachActions } from './common';
import { citation } from '../ui/citation';
import { CALENDAR_DATE_PATTERN, isIsoDate, isWindowInOrder } from '../../../graph-seed/dates';

export interface ChangesView {
  readonly el: HTMLElement;
  compare(from: string, to: string): Promise<void>;
  destroy(): void;
}


/** The two dates are the view's own inputs, not the app's date. */
export function changesView(_store: Store, actions: TeachActions, initial = { from: '2016-08-24', to: '2016-10-13' }): ChangesView {
  const root = h('section', { class: 'changes-view', 'aria-labelledby': 'changes-heading' });
  const fromInput = h('input', { type: 'text', id: 'changes-from', value: initial.from, inputmode: 'numeric', size: 10, pattern: CALENDAR_DATE_PATTERN, placeholder: '2016-08-24' });
  const toInput = h('input', { type: 'text', id: 'changes-to', value: initial.to, inputmode: 'numeric', size: 10, pattern: CALENDAR_DATE_PATTERN, placeholder: '2016-10-13' });
  const result = h('div', { class: 'changes-result', 'aria-live': 'polite' });
  let answer: ChangesAnswer | null = null;
  let error: unknown = null;
  let invalid = false;

  const form = h('form', { class: 'changes-form' });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void compare(fromInput.value.trim(), toInput.value.trim());
  });

  function nodeButton(n: ApiNode): HTMLElement {
    return h('button', { type: 'button', class: 'link-button', 'data-id': n.id, onclick: () => actions.selectNode(n.id) }, nodeName(n));
  }

  function renderResult(): void {
    clear(result);
    if (invalid) return void result.append(h('p', { class: 'form-msg', role: 'alert' }, t('changes.invalid')));
    if (error) return void result.append(errorBlock(error, () => void compare(fromInput.value, toInput.value)));
    if (!answer) return;
    if (answer.added.length === 0) return void result.append(h('p', { class: 'muted' }, t('changes.none')));
    const names = relNames(getLang());
    const byId = new Map([...answer.added, ...answer.linked].map((n) => [n.id, n]));
    append(
      result,
      h('p', {}, t('changes.summary', { added: answer.added.length, rels: answer.relationships.length })),
      h(
        'button',
        { type: 'button', class: 'primary changes-show', onclick: () => actions.showSubgraph([...answer!.added, ...answer!.linked].map((n) => n.id)) },
        t('teach.showInGraph'),
      ),
      h('h3', {}, t('changes.added')),
      h(
        'ul',
        { class: 'changes-list' },
        answer.added.map((n) => {
          const rels = answer!.relationships.filter((r) => r.source === n.id || r.target === n.id);
          return h(
            'li',
            { 'data-id': n.id },
            h('span', { class: 'changes-date' }, formatDate(n.date!)),
            ' ',
            nodeButton(n),
            h(
              'ul',
              { class: 'changes-rels' },
              rels.map((r) => {
                const other = byId.get(r.source === n.id ? r.target : r.source);
                const arrow = r.source === n.id ? `→ ${names[r.type]}` : `← ${names[r.type]}`;
                return h(
                  'li',
                  {},
                  h('span', { class: 'muted' }, arrow),
                  ' ',
                  other ? nodeButton(other) : r.source === n.id ? r.target : r.source,
                  // Where the report says so, folded: the list stays short.
                  r.sources.length ? h('details', { class: 'changes-cite' }, h('summary', {}, t('teach.sources')), r.sources.map((src) => citation(src))) : null,
                );
              }),
            ),
          );
        }),
      ),
    );
  }

  function render(): void {
    clear(root);
    clear(form);
    append(
      form,
      h('label', { for: 'changes-from' }, t('changes.from')),
      fromInput,
      h('label', { for: 'changes-to' }, t('changes.to')),
      toInput,
      h('button', { type: 'submit', class: 'primary' }, t('changes.show')),
    );
    append(root, h('h2', { id: 'changes-heading' }, t('changes.heading')), form, result);
    renderResult();
  }

  async function compare(from: string, to: string): Promise<void> {
    fromInput.value = from;
    toInput.value = to;
    invalid = !isIsoDate(from) || !isIsoDate(to) || !isWindowInOrder(from, to);
    error = null;
    answer = null;
    if (invalid) return renderResult();
    try {
      answer = await api.changes(from, to);
    } catch (e) {
      error = e;
    }
    renderResult();
  }

  const offLang = onLangChange(() => render());
  render();
  void compare(initial.from, initial.to);
  return {
    el: root,
    compare,
    destroy() {
      offLang();
      root.remove();
    },
  };
}
