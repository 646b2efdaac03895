/**
 * Taking an answer away: "Copy with citations" (the Markdown brief on the clipboard), the
 * brief as a Markdown file, and its print page. Every brief comes from `GET /api/briefs`,
 * so the clipboard, the file and the print page say the same thing.
 */
import { getLang } from '../i18n/index';
import { h } from './dom';
import { ta } from './answer-i18n';

export type BriefTarget =
  | { kind: 'regulators'; segment: string; asOf?: string | null }
  | { kind: 'rules'; topic: string; asOf?: string | null }
  | { kind: 'path'; a: string; b: string }
  | { kind: 'node'; id: string }
  | { kind: 'tour'; tour: string };

export function briefUrl(target: BriefTarget, format: 'md' | 'html'): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(target)) if (typeof v === 'string' && v) p.set(k, v);
  p.set('lang', getLang());
  p.set('format', format);
  return `/api/briefs?${p.toString().replace(/%3A/g, ':')}`;
}

/** The three ways out of an answer, as a small toolbar. */
export function answerActions(target: BriefTarget): HTMLElement {
  const msg = h('span', { class: 'brief-msg', role: 'status' });
  const copy = h('button', { type: 'button', class: 'brief-copy' }, ta('brief.copy'));
  copy.addEventListener('click', () => {
    void (async () => {
      try {
        const res = await fetch(briefUrl(target, 'md'));
        if (!res.ok) throw new Error(String(res.status));
        await navigator.clipboard.writeText(await res.text());
        msg.textContent = ta('brief.copied');
      } catch {
        msg.textContent = ta('brief.copyFailed');
        window.open(briefUrl(target, 'md'), '_blank', 'noopener');
      }
    })();
  });
  return h(
    'div',
    { class: 'brief-actions' },
    copy,
    h('a', { class: 'brief-md', href: briefUrl(target, 'md'), download: 'finreg-brief.md' }, ta('brief.md')),
    h('a', { class: 'brief-print', href: briefUrl(target, 'html'), target: '_blank', rel: 'noopener' }, ta('brief.print')),
    msg,
  );
}
