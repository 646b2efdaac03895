/**
 * "Compare with…" for views that do not hold the store (the matrix): the button sends a
 * bubbling `atlas:compare` event that the app turns into an open comparison.
 */
import { nodeName } from '../i18n/index';
import { h } from './dom';
import { ta } from './answer-i18n';

export const COMPARE_EVENT = 'atlas:compare';

export interface CompareRequest {
  a: string;
}

export function compareWithButton(current: () => { id: string; name: string; nameEn: string } | undefined): HTMLElement {
  const btn = h('button', { type: 'button', class: 'compare-with' }, ta('compare.with'));
  btn.addEventListener('click', () => {
    const n = current();
    if (n) btn.dispatchEvent(new CustomEvent<CompareRequest>(COMPARE_EVENT, { bubbles: true, detail: { a: n.id } }));
  });
  // Says which segment it compares once the reader points at it.
  btn.addEventListener('pointerenter', () => {
    const n = current();
    btn.title = n ? `${ta('compare.with')} (${nodeName(n)})` : '';
  });
  return btn;
}
