/** Small pieces the teaching modules share: error boxes, client-side downloads (citations: `../ui/citation`). */
import { ApiError } from '../api/client';
import { h } from '../ui/dom';
import { tt } from './i18n';

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
