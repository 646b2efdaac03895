/**
 * The "Teach" panel: four sections behind ARIA tabs (Tours, Timeline with the as-of
 * control and the changes view, Matrix, Quiz), each view mounted the first time it is
 * shown. Like the explorer's panels it reads the app state and changes it through
 * `set`: its place (section, tour and step, quiz seed) is the state's `teach`, and the
 * date the views show is the state's `asOf`.
 */
import './teaching.css';
import { setTeach, teachState, type Store } from '../state/app-state';
import { TEACH_SECTIONS, type TeachSection } from '../state/url-state';
import { h } from '../ui/dom';
import { onLangChange, t, type MessageKey } from '../i18n/index';
import type { TeachActions } from './common';
import { tourPlayer } from './tour-player';
import { timelineStrip } from './timeline-strip';
import { changesView } from './changes-view';
import { matrixView } from './matrix-view';
import { quizView, randomSeed } from './quiz-view';

const SECTION_KEYS: Record<TeachSection, MessageKey> = {
  tours: 'teach.tours',
  timeline: 'teach.timeline',
  matrix: 'teach.matrix',
  quiz: 'teach.quiz',
};

export class TeachPanel {
  readonly el = h('section', { class: 'teach-panel' });
  private readonly list = h('div', { role: 'tablist', class: 'teach-tabs' });
  private readonly buttons = new Map<TeachSection, HTMLButtonElement>();
  private readonly panels = new Map<TeachSection, HTMLElement>();
  private readonly mounted = new Set<TeachSection>();

  constructor(
    private readonly store: Store,
    private readonly actions: TeachActions,
  ) {
    this.el.append(this.list);
    for (const s of TEACH_SECTIONS) {
      const btn = h('button', { type: 'button', role: 'tab', id: `teach-tab-${s}`, 'aria-controls': `teach-panel-${s}`, 'data-section': s });
      btn.addEventListener('click', () => this.show(s));
      btn.addEventListener('keydown', (e) => this.onKey(e, s));
      this.list.append(btn);
      this.buttons.set(s, btn);
      const panel = h('div', { role: 'tabpanel', id: `teach-panel-${s}`, 'aria-labelledby': `teach-tab-${s}`, class: 'teach-section', hidden: true });
      this.el.append(panel);
      this.panels.set(s, panel);
    }
    onLangChange(() => this.renderTabs());
    store.watch(['teach'], () => {
      this.ensure(teachState(this.store.get()).section);
      this.renderTabs();
    });
  }

  private show(s: TeachSection): void {
    setTeach(this.store, { section: s });
  }

  private onKey(e: KeyboardEvent, s: TeachSection): void {
    const i = TEACH_SECTIONS.indexOf(s);
    const j = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TEACH_SECTIONS.length - 1 : null;
    if (j === null) return;
    e.preventDefault();
    const next = TEACH_SECTIONS[(j + TEACH_SECTIONS.length) % TEACH_SECTIONS.length]!;
    this.show(next);
    this.buttons.get(next)?.focus();
  }

  /** Mounts a section's views the first time it is shown. */
  private ensure(s: TeachSection): void {
    if (this.mounted.has(s)) return;
    this.mounted.add(s);
    const panel = this.panels.get(s)!;
    const { store, actions } = this;
    const place = teachState(store.get());
    if (s === 'tours') {
      const tours = tourPlayer(store, actions);
      panel.append(tours.el);
      void tours.show(place.tour, place.step);
    } else if (s === 'timeline') {
      panel.append(timelineStrip(store, actions).el, changesView(store, actions).el);
    } else if (s === 'matrix') {
      panel.append(matrixView(store, actions).el);
    } else {
      const quiz = quizView(store, actions);
      panel.append(quiz.el);
      const seed = place.quiz ?? randomSeed();
      if (place.quiz === null) setTeach(store, { quiz: seed });
      void quiz.start(seed);
    }
  }

  private renderTabs(): void {
    const section = teachState(this.store.get()).section;
    this.list.setAttribute('aria-label', t('teach.sections'));
    for (const s of TEACH_SECTIONS) {
      const btn = this.buttons.get(s)!;
      btn.textContent = t(SECTION_KEYS[s]);
      btn.setAttribute('aria-selected', String(s === section));
      btn.tabIndex = s === section ? 0 : -1;
      this.panels.get(s)!.hidden = s !== section;
    }
  }
}
