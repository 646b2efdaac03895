/**
 * The reading of a question as a sentence of chips: each parameter (an entity, a date, a
 * choice) is a button; activating it opens an editor in place (a search limited to the
 * right label, a date field, a list of choices). A change gives the new parameters to
 * `onChange`, which asks again.
 */
import type { SentencePiece } from '../../../server/ask/sentence';
import { getLang, t } from '../i18n/index';
import { h } from './dom';
import { SearchBox } from './search-box';

const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export function renderReading(
  pieces: readonly SentencePiece[],
  params: Readonly<Record<string, string>>,
  onChange: (params: Record<string, string>) => void,
): HTMLElement {
  const sentence = h('p', { class: 'ask-sentence', 'data-testid': 'ask-sentence' });
  const change = (param: string, value: string | null): void => {
    const next = { ...params };
    if (value === null || value === '') delete next[param];
    else next[param] = value;
    onChange(next);
  };
  for (const piece of pieces) {
    if (!piece.param) {
      sentence.append(piece.text);
      continue;
    }
    const chip = h(
      'button',
      { type: 'button', class: `ask-chip ask-chip-${piece.type ?? 'node'}${piece.value ? '' : ' empty'}`, 'data-param': piece.param, title: t('ask.change') },
      piece.text,
    );
    chip.addEventListener('click', () => chip.replaceWith(editor(piece, chip, (value) => change(piece.param!, value))));
    sentence.append(chip);
  }
  return sentence;
}

function editor(piece: SentencePiece, chip: HTMLElement, done: (value: string | null) => void): HTMLElement {
  const cancel = (el: HTMLElement) => el.replaceWith(chip);
  if (piece.type === 'choice') {
    const select = h('select', { class: 'ask-editor', 'data-param': piece.param!, 'aria-label': t('ask.change') });
    for (const o of piece.options ?? []) select.append(h('option', { value: o.value, selected: o.value === (piece.value ?? '') }, o.text));
    select.addEventListener('change', () => done(select.value));
    select.addEventListener('blur', () => cancel(select));
    queueMicrotask(() => select.focus());
    return select;
  }
  if (piece.type === 'date') {
    const input = h('input', { class: 'ask-editor', 'data-param': piece.param!, value: piece.value ?? '', placeholder: '2016-09', size: 10, 'aria-label': t('ask.changeDate') });
    const commit = (): void => {
      const v = input.value.trim();
      if (v === '' || ISO_DATE.test(v)) done(v === '' ? null : v);
      else input.setCustomValidity(t('ask.badDate'));
      input.reportValidity();
    };
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') commit();
      if (e.key === 'Escape') cancel(input);
    });
    input.addEventListener('blur', () => cancel(input));
    queueMicrotask(() => input.focus());
    return input;
  }
  const box = new SearchBox({
    labelKey: 'ask.change',
    labels: piece.label ? [piece.label] : undefined,
    keepChoice: true,
    className: 'ask-editor ask-node-editor',
    onChoose: (hit) => done(hit.id),
  });
  box.input.value = getLang() === 'zh' ? piece.text : piece.text;
  box.input.setAttribute('data-param', piece.param!);
  box.input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') cancel(box.el);
  });
  queueMicrotask(() => {
    box.input.focus();
    box.input.select();
  });
  return box.el;
}
