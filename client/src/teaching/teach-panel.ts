/**
 * The "Teach" panel: four sections behind ARIA tabs (Tours, Timeline with the as-of
 * control and the changes view, Matrix, Quiz), each module mounted the first time it is
 * shown. The panel keeps the teaching part of the URL state (section, tour and step, quiz
 * seed) and reports it through `onStateChange`; the date is the shell's (`setAsOf`).
 */
import type { TourQuestion } from '../../../graph-seed/tour-schema';
import type { TeachingApi } from './api';
import './teaching.css';
import { h } from '../ui/dom';
import { onLangChange } from '../i18n/index';
import { tt, type TeachKey } from './i18n';
import { mountTourPlayer, type TourPlayer } from './tour-player';
import { mountTimeline, type TimelineStrip } from './timeline-strip';
import { mountChanges } from './changes-view';
import { mountMatrix, type MatrixView } from './matrix-view';
import { mountQuiz, randomSeed, type QuizView } from './quiz-view';

export const TEACH_SECTIONS = ['tours', 'timeline', 'matrix', 'quiz'] as const;
export type TeachSection = (typeof TEACH_SECTIONS)[number];

export interface TeachState {
  section: TeachSection;
  tour: string | null;
  /** 0-based step of the open tour. */
  step: number;
  quiz: number | null;
}

export interface TeachPanelDeps {
  api: TeachingApi;
  nameOf(id: string): string;
  onSelectNode(id: string): void;
  onShowSubgraph(ids: string[]): void;
  onAsOfChange(date: string | null): void;
  onAskQuestion(q: TourQuestion): void;
  onStateChange(s: TeachState): void;
  /** A link to the app in this teaching state (the rest of the URL unchanged). */
  urlFor(s: TeachState): string;
}

export interface TeachPanel {
  readonly el: HTMLElement;
  /** The date the app shows (from the timeline, a tour step or the URL). */
  setAsOf(date: string | null): void;
  /** Apply a state (from the URL); mounts what it needs. */
  apply(s: Partial<TeachState>): void;
  state(): TeachState;
}

const SECTION_KEYS: Record<TeachSection, TeachKey> = {
  tours: 'teach.tours',
  timeline: 'teach.timeline',
  matrix: 'teach.matrix',
  quiz: 'teach.quiz',
};

export function mountTeachPanel(container: HTMLElement, deps: TeachPanelDeps, initial: Partial<TeachState> = {}): TeachPanel {
  const state: TeachState = { section: 'tours', tour: null, step: 0, quiz: null, ...initial };
  let asOf: string | null = null;
  const el = h('section', { class: 'teach-panel' });
  const list = h('div', { role: 'tablist', class: 'teach-tabs' });
  const buttons = new Map<TeachSection, HTMLButtonElement>();
  const panels = new Map<TeachSection, HTMLElement>();
  el.append(list);
  container.append(el);

  for (const s of TEACH_SECTIONS) {
    const btn = h('button', { type: 'button', role: 'tab', id: `teach-tab-${s}`, 'aria-controls': `teach-panel-${s}`, 'data-section': s });
    btn.addEventListener('click', () => show(s));
    btn.addEventListener('keydown', (e) => {
      const i = TEACH_SECTIONS.indexOf(s);
      const j = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TEACH_SECTIONS.length - 1 : null;
      if (j === null) return;
      e.preventDefault();
      const next = TEACH_SECTIONS[(j + TEACH_SECTIONS.length) % TEACH_SECTIONS.length]!;
      show(next);
      buttons.get(next)?.focus();
    });
    list.append(btn);
    buttons.set(s, btn);
    const panel = h('div', { role: 'tabpanel', id: `teach-panel-${s}`, 'aria-labelledby': `teach-tab-${s}`, class: 'teach-section', hidden: true });
    el.append(panel);
    panels.set(s, panel);
  }

  let tours: TourPlayer | null = null;
  let timeline: TimelineStrip | null = null;
  let matrix: MatrixView | null = null;
  let quiz: QuizView | null = null;

  const report = (): void => deps.onStateChange({ ...state });
  const setDate = (date: string | null): void => {
    asOf = date;
    timeline?.setAsOf(date);
    void matrix?.setAsOf(date);
    deps.onAsOfChange(date);
  };

  function ensure(s: TeachSection): void {
    const panel = panels.get(s)!;
    if (s === 'tours' && !tours) {
      tours = mountTourPlayer(panel, {
        api: deps.api,
        nameOf: deps.nameOf,
        onSelectNode: deps.onSelectNode,
        onShowSubgraph: deps.onShowSubgraph,
        onAsOfChange: setDate,
        onAskQuestion: deps.onAskQuestion,
        onStepChange: (tour, step) => {
          state.tour = tour;
          state.step = step;
          report();
        },
        stepUrl: (tour, step) => deps.urlFor({ ...state, section: 'tours', tour, step }),
      });
      void tours.show(state.tour, state.step);
    } else if (s === 'timeline' && !timeline) {
      timeline = mountTimeline(panel, { api: deps.api, onSelectNode: deps.onSelectNode, onAsOfChange: setDate });
      timeline.setAsOf(asOf);
      mountChanges(panel, { api: deps.api, onSelectNode: deps.onSelectNode, onShowSubgraph: deps.onShowSubgraph });
    } else if (s === 'matrix' && !matrix) {
      matrix = mountMatrix(panel, { api: deps.api, onShowSubgraph: deps.onShowSubgraph });
      void matrix.setAsOf(asOf);
    } else if (s === 'quiz' && !quiz) {
      quiz = mountQuiz(panel, {
        api: deps.api,
        onShowSubgraph: deps.onShowSubgraph,
        onSeedChange: (seed) => {
          state.quiz = seed;
          report();
        },
        quizUrl: (seed) => deps.urlFor({ ...state, section: 'quiz', quiz: seed }),
      });
      if (state.quiz === null) {
        state.quiz = randomSeed();
        report();
      }
      void quiz.start(state.quiz);
    }
  }

  function renderTabs(): void {
    list.setAttribute('aria-label', tt('teach.sections'));
    for (const s of TEACH_SECTIONS) {
      const btn = buttons.get(s)!;
      btn.textContent = tt(SECTION_KEYS[s]);
      btn.setAttribute('aria-selected', String(s === state.section));
      btn.tabIndex = s === state.section ? 0 : -1;
      panels.get(s)!.hidden = s !== state.section;
    }
  }

  function show(s: TeachSection): void {
    state.section = s;
    ensure(s);
    renderTabs();
    report();
  }

  onLangChange(renderTabs);
  ensure(state.section);
  renderTabs();

  return {
    el,
    setAsOf(date) {
      if (date === asOf) return;
      asOf = date;
      timeline?.setAsOf(date);
      void matrix?.setAsOf(date);
    },
    apply(s) {
      const tourChanged = s.tour !== undefined && (s.tour !== state.tour || (s.step ?? 0) !== state.step);
      const quizChanged = s.quiz !== undefined && s.quiz !== null && s.quiz !== state.quiz;
      Object.assign(state, s);
      if (s.section) show(s.section);
      if (tourChanged && tours) void tours.show(state.tour, state.step);
      if (quizChanged && quiz) void quiz.start(state.quiz!);
    },
    state: () => ({ ...state }),
  };
}
