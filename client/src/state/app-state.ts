/**
 * The app's state: what the URL carries (`UrlState`) plus transient UI state. A small
 * observable store; components subscribe and re-render the parts they own. The URL is
 * written from here (debounced), and nowhere else.
 */
import type { Lang, Question, UrlState } from './url-state';
import { parseUrlState } from './url-state';

export type PanelTab = 'details' | 'questions' | 'filters' | 'teach';

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
  const isPlain = !url.node && !url.question && !url.teach;
  return {
    ...url,
    hovered: null,
    focus: null,
    tab: url.teach ? 'teach' : url.question ? 'questions' : 'details',
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
  };
}

export type { Lang, Question };
