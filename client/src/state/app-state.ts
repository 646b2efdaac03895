/**
 * The app's state: what the URL carries (`UrlState`) plus transient UI state. A small
 * observable store; components subscribe and re-render the parts they own, and change it
 * only through `set`, so data flows one way: an input calls an action, the action sets
 * the state, the components that watch it render. The URL is written from it (main.ts).
 */
import type { Filters } from '../graph/reducers';
import type { Lang, Question, TeachState, UrlState } from './url-state';
import { parseUrlState } from './url-state';

export type PanelTab = 'details' | 'questions' | 'filters' | 'teach' | 'report';

export interface Focus {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export interface AppState extends UrlState {
  hovered: string | null;
  /** Nodes and relationships of the current answer. */
  focus: Focus | null;
  tab: PanelTab;
  startScreen: boolean;
  layoutRunning: boolean;
  /** Label density setting for sigma (0.5 sparse … 3 dense). */
  labelDensity: number;
}

type Listener = (s: AppState, prev: AppState) => void;

export class Store {
  private state: AppState;
  private readonly listeners = new Set<Listener>();

  constructor(initial: AppState) {
    this.state = initial;
  }

  get(): AppState {
    return this.state;
  }

  set(patch: Partial<AppState>): void {
    const prev = this.state;
    const next = { ...prev, ...patch };
    const changed = (Object.keys(patch) as Array<keyof AppState>).some((k) => prev[k] !== next[k]);
    if (!changed) return;
    this.state = next;
    for (const f of this.listeners) f(next, prev);
  }

  subscribe(f: Listener): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  /** Call `f` whenever one of `keys` changes (and once now). */
  watch<K extends keyof AppState>(keys: readonly K[], f: (s: AppState) => void): () => void {
    f(this.state);
    return this.subscribe((s, p) => {
      if (keys.some((k) => s[k] !== p[k])) f(s);
    });
  }
}

export function initialState(search: string): AppState {
  const url = parseUrlState(search);
  // A newcomer (no selection, no question in the link) gets the start screen, in either language.
  const isPlain = !url.node && !url.question && !url.teach && !url.report && !url.ask && !url.compare;
  return {
    ...url,
    hovered: null,
    focus: null,
    tab: url.report ? 'report' : url.teach ? 'teach' : url.question || url.ask ? 'questions' : 'details',
    startScreen: isPlain,
    layoutRunning: false,
    labelDensity: 1,
  };
}

export function toUrlState(s: AppState): UrlState {
  return {
    lang: s.lang,
    node: s.node,
    hideLabels: s.hideLabels,
    hideTypes: s.hideTypes,
    dateFrom: s.dateFrom,
    dateTo: s.dateTo,
    hidden: s.hidden,
    statedOnly: s.statedOnly,
    question: s.question,
    layout: s.layout,
    view: s.view,
    camera: s.camera,
    // The Teach tab's place goes into links only while that tab is open.
    ...(s.teach && s.tab === 'teach' ? { teach: s.teach } : {}),
    // So is the reader's passage while the Report tab is open.
    ...(s.tab === 'report' ? { report: s.report ?? { passage: null } } : {}),
    ...(s.ask ? { ask: s.ask } : {}),
    ...(s.compare ? { compare: s.compare } : {}),
  };
}

/**
 * The filters the reducers apply, from the state: the legend's labels, the filter panel's
 * types and dates, the nodes hidden by hand, the "stated facts only" switch. The same names as the state's (`hide` in links).
 */
export function filtersOf(s: AppState): Filters {
  return {
    hideLabels: new Set(s.hideLabels),
    hideTypes: new Set(s.hideTypes),
    dateFrom: s.dateFrom ?? undefined,
    dateTo: s.dateTo ?? undefined,
    hidden: new Set(s.hidden),
    statedOnly: s.statedOnly,
  };
}

/**
 * The date the app shows the landscape at (null: every date): the end of the date filter.
 * The timeline, the tours, the matrix and the question answers read it here; none keeps
 * a copy.
 */
export function asOf(s: AppState): string | null {
  return s.dateTo;
}

/** Shows the landscape as of `date`: the date filter ends there and has no start. */
export function asOfPatch(date: string | null): Pick<AppState, 'dateFrom' | 'dateTo'> {
  return { dateFrom: null, dateTo: date };
}

export const DEFAULT_TEACH: Readonly<TeachState> = Object.freeze({ section: 'tours', tour: null, step: 0, quiz: null });

/** The Teach tab's place (section, tour step, quiz), the default one until the tab was used. */
export function teachState(s: AppState): TeachState {
  return { ...DEFAULT_TEACH, ...s.teach };
}

/** Changes part of the Teach tab's place. */
export function setTeach(store: Store, patch: Partial<TeachState>): void {
  store.set({ teach: { ...teachState(store.get()), ...patch } });
}

export type { Lang, Question, TeachState };
