/**
 * Guided tour player: the list of tours, then one step at a time with progress, the
 * step's text and citations, its entities (focused in the graph), its "as of" date and an
 * optional question. ← / → (or the buttons) move between steps; every step has a link.
 A step sets the app's date
 * (its `asOf`, or every date) and focus; the open tour and step go into the app state's
 * Teach place (and so into the URL).
 */
import { api, type Tour, type TourQuestion, type TourSummary } from '../api/client';
import { setTeach, teachState, type Store } from '../state/app-state';
import { append, clear, h } from '../ui/dom';
import { citation } from '../ui/citation';
import { formatDate, onLangChange, pick, t } from '../i18n/index';
import { errorBlock, type TeachActions } from './common';

export interface TourPlayer {
  readonly el: HTMLElement;
  /** Open a tour at a step (0-based), or the list when `tourId` is null. */
  show(tourId: string | null, step?: number): Promise<void>;
  destroy(): void;
}

export function questionText(q: TourQuestion, nameOf: (id: string) => string): string {
  if (q.kind === 'regulators') return t('tour.q.regulators', { name: nameOf(q.segment) });
  if (q.kind === 'rules') return t('tour.q.rules', { name: nameOf(q.topic) });
  return t('tour.q.path', { a: nameOf(q.from), b: nameOf(q.to) });
}

export function tourPlayer(store: Store, actions: TeachActions): TourPlayer {
  const root = h('section', { class: 'tour-player', 'aria-labelledby': 'tour-heading' });
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
    setTeach(store, { tour: tour.id, step });
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
    actions.setAsOf(s.asOf ?? null);
    actions.showSubgraph(s.entities);
  }

  function renderList(): void {
    append(root, h('h2', { id: 'tour-heading' }, t('tour.choose')));
    if (!tours) {
      append(root, h('p', { class: 'muted' }, t('teach.loading')));
      return;
    }
    append(
      root,
      h(
        'ul',
        { class: 'tour-list' },
        tours.map((summary) =>
          h(
            'li',
            { class: 'tour-card', 'data-tour': summary.id },
            h('h3', {}, pick(summary.title)),
            h('p', {}, pick(summary.summary)),
            h(
              'p',
              { class: 'tour-card-foot' },
              h('span', { class: 'muted' }, t('tour.steps', { n: summary.steps })),
              h('button', { type: 'button', class: 'primary', onclick: () => void show(summary.id, 0, true) }, t('tour.start')),
            ),
          ),
        ),
      ),
    );
  }

  function renderStep(open: Tour): void {
    const s = open.steps[step]!;
    const total = open.steps.length;
    const url = actions.urlFor({ ...teachState(store.get()), section: 'tours', tour: open.id, step });
    const copied = h('span', { class: 'muted', 'aria-live': 'polite' });
    append(
      root,
      h(
        'div',
        { class: 'tour-head' },
        h('button', { type: 'button', class: 'link-button tour-back', onclick: () => void show(null) }, `← ${t('tour.back')}`),
        h('h2', { id: 'tour-heading' }, pick(open.title)),
        h('progress', { class: 'tour-progress', max: total, value: step + 1, 'aria-label': t('tour.progress', { n: step + 1, total }) }),
        h('p', { class: 'tour-count' }, t('tour.progress', { n: step + 1, total })),
      ),
      h(
        'article',
        { class: 'tour-step', tabindex: '-1', 'aria-live': 'polite', 'data-step': s.id },
        h('h3', {}, pick(s.title)),
        h('p', { class: 'tour-text' }, pick(s.text)),
        s.asOf ? h('p', { class: 'tour-asof' }, t('tour.asOf', { date: formatDate(s.asOf) })) : null,
        s.question
          ? h('p', {}, h('button', { type: 'button', class: 'tour-question', onclick: () => actions.askQuestion(s.question!) }, t('tour.ask', { question: questionText(s.question, actions.nameOf) })))
          : null,
        h('h4', {}, t('tour.entities')),
        h(
          'ul',
          { class: 'chip-list' },
          s.entities.map((id) => h('li', {}, h('button', { type: 'button', class: 'tour-chip', 'data-id': id, onclick: () => actions.selectNode(id) }, actions.nameOf(id)))),
          h('li', {}, h('button', { type: 'button', class: 'tour-chip tour-chip-all', onclick: () => actions.showSubgraph(s.entities) }, t('teach.showInGraph'))),
        ),
        h('h4', {}, t('teach.sources')),
        h('div', { class: 'sources' }, s.sources.map((c) => citation(c))),
      ),
      h(
        'nav',
        { class: 'tour-nav', 'aria-label': t('tour.progress', { n: step + 1, total }) },
        h('button', { type: 'button', class: 'tour-prev', disabled: step === 0, onclick: () => go(step - 1, true) }, `← ${t('tour.prev')}`),
        step < total - 1
          ? h('button', { type: 'button', class: 'primary tour-next', onclick: () => go(step + 1, true) }, `${t('tour.next')} →`)
          : h('button', { type: 'button', class: 'primary tour-finish', onclick: () => void show(null) }, t('tour.finish')),
      ),
      h(
        'p',
        { class: 'tour-link' },
        h('a', { href: url, class: 'step-link' }, t('tour.link')),
        ' ',
        h(
          'button',
          {
            type: 'button',
            class: 'link-button',
            onclick: () => {
              const abs = new URL(url, location.href).href;
              void navigator.clipboard?.writeText(abs).then(() => (copied.textContent = t('tour.copied')), () => undefined);
            },
          },
          '⧉',
        ),
        ' ',
        copied,
      ),
      h('p', { class: 'muted small' }, t('tour.keys')),
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
          actions.showSubgraph([]);
          actions.setAsOf(null);
        }
        tour = null;
        setTeach(store, { tour: null, step: 0 });
        render();
        tours ??= (await api.tours(ctrl.signal)).tours;
        if (ctrl.signal.aborted) return;
        render();
        return;
      }
      if (tour?.id !== tourId) {
        render();
        tour = (await api.tour(tourId, ctrl.signal)).tour;
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
    el: root,
    show: (id, i) => show(id, i ?? 0),
    destroy: () => {
      request?.abort();
      offLang();
      root.remove();
    },
  };
}
