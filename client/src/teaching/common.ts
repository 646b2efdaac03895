/** Small pieces the teaching modules share: citations, error boxes, client-side downloads. */
import type { Source } from '../../../server/stores/types';
import { ApiError } from '../api/client';
import { h } from '../ui/dom';
import { tt } from './i18n';

/** The same markup as the explorer's citations (`.citation`), so both look alike. */
export function citationBlock(s: Source): HTMLElement {
  return h('blockquote', { class: 'citation' }, h('p', {}, `“${s.quote}”`), h('footer', {}, `— ${s.section}`));
}

export function errorBlock(error: unknown, retry: () => void): HTMLElement {
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  return h(
    'div',
    { class: 'teach-error', role: 'alert' },
    h('p', {}, tt('teach.error', { message })),
    h('button', { type: 'button', onclick: retry }, tt('teach.retry')),
  );
}

/** Saves text as a file without a server round trip. */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** One CSV field: quoted when it holds a comma, quote or line break; formula-looking text defused. */
export function csvField(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
