/** Loading and error states: a clear message and a retry button, never a silent blank. */
import { ApiError } from '../api/client';
import { t } from '../i18n/index';
import { append, clear, h } from './dom';

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === 'unreachable') return t('status.unreachable');
    const base =
      e.status === 404 ? t('error.notFound') : e.status === 400 ? t('error.badRequest') : e.status === 429 ? t('error.rateLimited') : e.status === 503 ? t('error.unavailable') : t('error.generic');
    return e.message ? `${base} (${e.message})` : base;
  }
  return `${t('error.generic')} ${(e as Error)?.message ?? ''}`.trim();
}

export class StatusOverlay {
  readonly el = h('div', { class: 'status-overlay', role: 'status', 'aria-live': 'polite', hidden: true });

  loading(): void {
    clear(this.el);
    this.el.className = 'status-overlay';
    this.el.append(h('div', { class: 'spinner', 'aria-hidden': 'true' }), h('p', {}, t('status.loading')));
    this.el.hidden = false;
  }

  error(e: unknown, retry: () => void): void {
    clear(this.el);
    this.el.className = 'status-overlay error';
    const btn = h('button', { type: 'button', class: 'primary', onclick: retry }, t('status.retry'));
    this.el.append(h('p', { role: 'alert' }, h('strong', {}, t('status.error')), ' ', errorMessage(e)), btn);
    this.el.hidden = false;
    btn.focus();
  }

  message(text: string, action?: { label: string; run: () => void }): void {
    clear(this.el);
    this.el.className = 'status-overlay note';
    append(this.el, h('p', {}, text), action ? h('button', { type: 'button', onclick: action.run }, action.label) : null);
    this.el.hidden = false;
  }

  hide(): void {
    this.el.hidden = true;
  }
}
