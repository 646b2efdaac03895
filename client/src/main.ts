/**
 * FinReg Atlas explorer: the entry point. It only wires: the state, the canvas, the
 * actions (app/actions.ts) and the components, laid out on the page. Each component owns
 * one piece of the page and re-renders from the state; inputs call actions, actions set
 * the state.
 */
import './styles.css';
import { api } from './api/client';
import { initialState, Store, toUrlState } from './state/app-state';
import { writeUrlState } from './state/url-state';
import { setLang } from './i18n/index';
import { GraphView } from './view/graph-view';
import { GraphCounter } from './view/graph-counter';
import { debounce, h } from './ui/dom';
import { SearchBox } from './ui/search-box';
import { DetailsPanel } from './ui/details-panel';
import { Legend } from './ui/legend';
import { FiltersPanel } from './ui/filters-panel';
import { QuestionsPanel } from './ui/questions-panel';
import { AskPanel } from './ui/ask-panel';
import { ListView } from './ui/list-view';
import { Toolbar } from './ui/toolbar';
import { StartScreen, exampleQuestions } from './ui/start-screen';
import { StatusOverlay } from './ui/status';
import { Tabs } from './ui/tabs';
import { TeachPanel } from './teaching/teach-panel';
import { createActions } from './app/actions';
import { graphDomain } from './app/domain';
import { Header } from './app/header';
import { installAtlasHook } from './app/atlas-hook';
import { ReportView } from './ui/report-view';
import { setCitationReader } from './ui/citation';
import { passageOf, reportApi } from './ui/report-api';
import { rt } from './ui/report-i18n';
import { errorMessage } from './ui/status';

const store = new Store(initialState(location.search));
// First listener: the language is switched before any component renders the change.
store.watch(['lang'], (s) => setLang(s.lang));
document.documentElement.lang = store.get().lang === 'zh' ? 'zh-CN' : 'en';

// ---- the canvas and the actions ------------------------------------------------------------

const graphEl = h('div', { id: 'graph', class: 'graph-canvas', tabindex: '0' });
const graphArea = h('div', { class: 'graph-area' }, graphEl);
const view = new GraphView(graphEl, store);
const status = new StatusOverlay();
const actions = createActions(store, view, status, () => {
  details.refresh();
  refreshDomain();
});
view.onExpand = (id) => void actions.expand(id);
const select = (id: string): void => void actions.selectNode(id);

// ---- components --------------------------------------------------------------------------

const search = new SearchBox({ labelKey: 'search.label', className: 'header-search', onChoose: (hit) => select(hit.id) });
const details = new DetailsPanel(store, view, { expand: (id) => void actions.expand(id), hide: actions.hideNode, select });
const legend = new Legend(store);
const filters = new FiltersPanel(store);
const questions = new QuestionsPanel(store, view, select);
const list = new ListView(store, view, select);
const start = new StartScreen(store);
const counter = new GraphCounter(store, view, status);
const toolbar = new Toolbar(store, {
  toggleLayout: () => view.layout.toggle(),
  zoom: (d) => view.camera.zoom(d),
  fit: () => view.fit(),
  reset: actions.resetView,
  exportPng: actions.exportImage,
  exportData: actions.exportData,
});
// Questions in the user's own words, above the question forms of the Questions tab.
const askPanel = new AskPanel(store, { select, show: (ids) => actions.showSubgraph(ids) });
questions.el.prepend(askPanel.el);
const header = new Header(store, search.el, graphEl);
const teachEl = h('div', { class: 'teach-host' });
const report = new ReportView(store, { select, showFacts: (nodes, rels) => showFacts(nodes, rels) });
const tabs = new Tabs(store, { details: details.el, questions: questions.el, filters: filters.el, teach: teachEl, report: report.el });

// ---- page --------------------------------------------------------------------------------

graphArea.append(toolbar.el, legend.el, counter.el, list.el, status.el, start.el);
const mainEl = h('main', { class: 'app-main' }, graphArea, tabs.el);
document.getElementById('app')!.append(header.skip, header.el, mainEl);

// The Teach tab's views are built the first time it is open on a loaded graph.
let teach: TeachPanel | null = null;
function mountTeach(): void {
  if (teach || view.graph.order === 0 || store.get().tab !== 'teach') return;
  teach = new TeachPanel(store, actions);
  teachEl.append(teach.el);
}
store.watch(['tab'], (s) => {
  mainEl.classList.toggle('teaching', s.tab === 'teach');
  mountTeach();
});

// ---- the report reader: "Read in context" on every citation opens it at the passage --------

/** Lights facts of the report on the graph without leaving the reader. */
function showFacts(nodeIds: string[], relIds: string[]): void {
  const nodes = new Set(nodeIds.filter((id) => view.graph.hasNode(id)));
  const edges = new Set(relIds.filter((id) => view.graph.hasEdge(id)));
  store.set({ focus: nodes.size ? { nodes, edges } : null, node: null, startScreen: false });
  if (nodes.size && store.get().view === 'graph') requestAnimationFrame(() => view.fit(nodes));
}
setCitationReader((s) => {
  reportApi
    .passages()
    .then((all) => {
      const p = passageOf(all, s);
      store.set({ tab: 'report', startScreen: false, report: { passage: p ? { start: p.start, end: p.end } : null } });
      if (!p) status.message(rt('report.notFound'), { label: '×', run: () => status.hide() });
    })
    .catch((e: unknown) => status.message(errorMessage(e)));
});
store.watch(['tab'], (s) => mainEl.classList.toggle('reading', s.tab === 'report'));
store.watch(['view'], (s) => {
  graphEl.hidden = s.view === 'list';
  graphArea.classList.toggle('listing', s.view === 'list');
});

// The state goes into the URL, and only from here.
const writeUrl = debounce(() => {
  const qs = writeUrlState(toUrlState(store.get()));
  if (qs !== location.search) history.replaceState(null, '', `${location.pathname}${qs}${location.hash}`);
}, 150);
store.subscribe(writeUrl);

/** The loaded graph's labels, types, years and choices, handed to the components that offer them. */
function refreshDomain(): void {
  const d = graphDomain(view.graph);
  legend.setCounts(d.counts);
  filters.setDomain(d.labels, d.types, d.years);
  questions.setChoices(d.segments, d.topics);
  start.setExamples(exampleQuestions(view.graph));
  counter.update();
}

// ---- load --------------------------------------------------------------------------------

let started = false;
async function load(): Promise<void> {
  status.loading();
  try {
    const sub = await api.graph();
    const initial = store.get();
    await view.load(sub);
    status.hide();
    refreshDomain();
    details.refresh();
    if (!started) {
      started = true;
      if (initial.camera) questions.fitOnAnswer = false;
      questions.start();
      askPanel.start();
      if (initial.node) void actions.selectNode(initial.node, !initial.camera);
      mountTeach();
      report.relight();
    }
  } catch (e) {
    status.error(e, () => void load());
  }
}
void load();

installAtlasHook(store, view);
