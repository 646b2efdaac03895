/**
 * What the teaching views share: the actions they call (the app wires them, as it does the
 * panels' callbacks), the error box, client-side downloads. Citations are the explorer's
 * (`ui/citation.ts`); error texts are the status overlay's (`errorMessage`).
 */
import type { TourQuestion } from '../api/client';
import type { TeachState } from '../state/url-state';
import { h } from '../ui/dom';
import { errorMessage } from '../ui/status';
import { t } from '../i18n/index';

/** What a teaching view asks of the app. The date shown (`asOf`) is read from and written to the app state. */
export interface TeachActions {
  /** Display name of a node id in the current language (the id itself when unknown). */
  nameOf(id: string): string;
  selectNode(id: string): void;
  /** Focus the graph on these nodes (and what links them); none clears the focus. */
  showSubgraph(ids: string[]): void;
  askQuestion(q: TourQuestion): void;
  /** Show the landscape as of `date` (null: every date). */
  setAsOf(date: string | null): void;
  /** A link to the app in this teaching state (the rest of the URL unchanged). */
  urlFor(s: TeachState): string;
}

export function errorBlock(error: unknown, retry: () => void): HTMLElement {
  return h(
    'div',
    { class: 'teach-error', role: 'alert' },
    h('p', {}, t('teach.error', { message: errorMessage(error) })),
    h('button', { type: 'button', onclick: retry }, t('teach.retry')),
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
