/**
 * Guided tour player: the list of tours, then one step at a time with progress, the
 * step's text and citations, its entities (focused in the graph), its "as of" date and an
 * optional question. ← / → (or the buttons) move between steps; every step has a link.
 *
 * Self-contained: it talks to the shell only through the callbacks it is given.
 */
import type { Tour, TourSummary, TeachingApi } from './api';
import type { TourQuestion } from '../../../graph-seed/tour-schema';
import { append, clear, h } from '../ui/dom';
import { onLangChange } from '../i18n/index';
import { formatDate, pick, tt } from './i18n';
import { citationBlock, errorBlock } from './common';
import { answerActions } from '../ui/answer-actions';

export interface TourPlayerDeps {
  api: TeachingApi;
  /** Display name of a node id in the current language (the id itself when unknown). */
  nameOf(id: string): string;
  onSelectNode(id: string): void;
  /** Focus the graph on these nodes (and what links them). */
  onShowSubgraph(ids: string[]): void;
  /** The step's date, or null for "all dates". */
  onAsOfChange(date: string | null): void;
  onAskQuestion(q: TourQuestion): void;
  /** The open tour and step changed (for the URL); null when back at the list. */
  onStepChange(tourId: string | null, step: number): void;
  /** A shareable link to a step. */
  stepUrl(tourId: string, step: number): string;
}

export interface TourPlayer {
  /** Open a tour at a step (0-based), or the list when `tourId` is null. */
  show(tourId: string | null, step?: number): Promise<void>;
  destroy(): void;
}

export function questionText(q: TourQuestion, nameOf: (id: string) => string): string {
  if (q.kind === 'regulators') return tt('tour.q.regulators', { name: nameOf(q.segment) });
  if (q.kind === 'rules') return tt('tour.q.rules', { name: nameOf(q.topic) });
  return tt('tour.q.path', { a: nameOf(q.from), b: nameOf(q.to) });
}

export function mountTourPlayer(container: HTMLElement, deps: TourPlayerDeps): TourPlayer {
  const root = h('section', { class: 'tour-player', 'aria-labelledby': 'tour-heading' });
  container.append(root);
  let tours: TourSummary[] | null = null;
  let tour: Tour | null = null;
  let step = 0;
  let error: unknown = null;
  let request: AbortController | null = null;

  const onKey = (e: KeyboardEvent): void => {
    if (!tour || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    if (target.closest('input, select, textarea')) return;
    if (e.key === 'ArrowRight' && step < tour.steps.length - 1) go(step + 1, true);
    else if (e.key === 'ArrowLeft' && step > 0) go(step - 1, true);
    else return;
    e.preventDefault();
  };
  root.addEventListener('keydown', onKey);

  function go(i: number, focus = false): void {
    if (!tour) return;
    step = Math.max(0, Math.min(tour.steps.length - 1, i));
    deps.onStepChange(tour.id, step);
    applyStep();
    render();
    if (focus) {
      // Keyboard focus on the step, but show it from its heading (on a phone the sheet is short).
      root.querySelector<HTMLElement>('.tour-step')?.focus({ preventScroll: true });
      root.querySelector<HTMLElement>('.tour-head')?.scrollIntoView({ block: 'nearest' });
    }
  }

  function applyStep(): void {
    const s = tour?.steps[step];
    if (!s) return;
    deps.onAsOfChange(s.asOf ?? null);
    deps.onShowSubgraph(s.entities);
  }

  function renderList(): void {
    append(root, h('h2', { id: 'tour-heading' }, tt('tour.choose')));
    if (!tours) {
      append(root, h('p', { class: 'muted' }, tt('teach.loading')));
      return;
    }
    append(
      root,
      h(
        'ul',
        { class: 'tour-list' },
        tours.map((t) =>
          h(
            'li',
            { class: 'tour-card', 'data-tour': t.id },
            h('h3', {}, pick(t.title)),
            h('p', {}, pick(t.summary)),
            h(
              'p',
              { class: 'tour-card-foot' },
              h('span', { class: 'muted' }, tt('tour.steps', { n: t.steps })),
              h('button', { type: 'button', class: 'primary', onclick: () => void show(t.id, 0, true) }, tt('tour.start')),
            ),
          ),
        ),
      ),
    );
  }

  function renderStep(t: Tour): void {
    const s = t.steps[step]!;
    const total = t.steps.length;
    const url = deps.stepUrl(t.id, step);
    const copied = h('span', { class: 'muted', 'aria-live': 'polite' });
    append(
      root,
      h(
        'div',
        { class: 'tour-head' },
        h('button', { type: 'button', class: 'link-button tour-back', onclick: () => void show(null) }, `← ${tt('tour.back')}`),
        h('h2', { id: 'tour-heading' }, pick(t.title)),
        answerActions({ kind: 'tour', tour: t.id }),
        h('progress', { class: 'tour-progress', max: total, value: step + 1, 'aria-label': tt('tour.progress', { n: step + 1, total }) }),
        h('p', { class: 'tour-count' }, tt('tour.progress', { n: step + 1, total })),
      ),
      h(
        'article',
        { class: 'tour-step', tabindex: '-1', 'aria-live': 'polite', 'data-step': s.id },
        h('h3', {}, pick(s.title)),
        h('p', { class: 'tour-text' }, pick(s.text)),
        s.asOf ? h('p', { class: 'tour-asof' }, tt('tour.asOf', { date: formatDate(s.asOf) })) : null,
        s.question
          ? h('p', {}, h('button', { type: 'button', class: 'tour-question', onclick: () => deps.onAskQuestion(s.question!) }, tt('tour.ask', { question: questionText(s.question, deps.nameOf) })))
          : null,
        h('h4', {}, tt('tour.entities')),
        h(
          'ul',
          { class: 'chip-list' },
          s.entities.map((id) => h('li', {}, h('button', { type: 'button', class: 'tour-chip', 'data-id': id, onclick: () => deps.onSelectNode(id) }, deps.nameOf(id)))),
          h('li', {}, h('button', { type: 'button', class: 'tour-chip tour-chip-all', onclick: () => deps.onShowSubgraph(s.entities) }, tt('teach.showInGraph'))),
        ),
        h('h4', {}, tt('teach.sources')),
        h('div', { class: 'sources' }, s.sources.map(citationBlock)),
      ),
      h(
        'nav',
        { class: 'tour-nav', 'aria-label': tt('tour.progress', { n: step + 1, total }) },
        h('button', { type: 'button', class: 'tour-prev', disabled: step === 0, onclick: () => go(step - 1, true) }, `← ${tt('tour.prev')}`),
        step < total - 1
          ? h('button', { type: 'button', class: 'primary tour-next', onclick: () => go(step + 1, true) }, `${tt('tour.next')} →`)
          : h('button', { type: 'button', class: 'primary tour-finish', onclick: () => void show(null) }, tt('tour.finish')),
      ),
      h(
        'p',
        { class: 'tour-link' },
        h('a', { href: url, class: 'step-link' }, tt('tour.link')),
        ' ',
        h(
          'button',
          {
            type: 'button',
            class: 'link-button',
            onclick: () => {
              const abs = new URL(url, location.href).href;
              void navigator.clipboard?.writeText(abs).then(() => (copied.textContent = tt('tour.copied')), () => undefined);
            },
          },
          '⧉',
        ),
        ' ',
        copied,
      ),
      h('p', { class: 'muted small' }, tt('tour.keys')),
    );
  }

  function render(): void {
    clear(root);
    if (error) {
      root.append(errorBlock(error, () => void show(tour?.id ?? null, step)));
      return;
    }
    if (tour) renderStep(tour);
    else renderList();
  }

  async function show(tourId: string | null, i = 0, focus = false): Promise<void> {
    request?.abort();
    const ctrl = (request = new AbortController());
    error = null;
    try {
      if (tourId === null) {
        // Back at the list: the graph leaves the last step's focus and date.
        if (tour) {
          deps.onShowSubgraph([]);
          deps.onAsOfChange(null);
        }
        tour = null;
        deps.onStepChange(null, 0);
        render();
        tours ??= (await deps.api.tours(ctrl.signal)).tours;
        if (ctrl.signal.aborted) return;
        render();
        return;
      }
      if (tour?.id !== tourId) {
        render();
        tour = (await deps.api.tour(tourId, ctrl.signal)).tour;
        if (ctrl.signal.aborted) return;
      }
      go(i, focus);
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      error = e;
      render();
    }
  }

  const offLang = onLangChange(() => render());
  render();
  return {
    show: (id, i) => show(id, i ?? 0),
    destroy: () => {
      request?.abort();
      offLang();
      root.remove();
    },
  };
}
