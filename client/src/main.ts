/**
 * FinReg Atlas explorer: builds the page, loads the graph, and wires the components to
 * the store. Each component owns one piece of the page and re-renders from the store.
 */
import './styles.css';
import { api, MAX_URL_LENGTH, type ExportFormat } from './api/client';
import { initialState, Store, toUrlState } from './state/app-state';
import { writeUrlState } from './state/url-state';
import { setLang, t, onLangChange, getLang } from './i18n/index';
import { GraphView } from './view/graph-view';
import { exportPng } from './view/export-png';
import { isEdgeVisible } from './graph/reducers';
import { filtersOf } from './view/graph-view';
import type { NodeLabel, RelType } from './graph/model';
import { debounce, h } from './ui/dom';
import { SearchBox } from './ui/search-box';
import { DetailsPanel } from './ui/details-panel';
import { Legend } from './ui/legend';
import { FiltersPanel } from './ui/filters-panel';
import { QuestionsPanel } from './ui/questions-panel';
import { ListView } from './ui/list-view';
import { Toolbar } from './ui/toolbar';
import { StartScreen, exampleQuestions } from './ui/start-screen';
import { StatusOverlay, errorMessage } from './ui/status';
import { Tabs } from './ui/tabs';
import { mountTeachPanel, type TeachPanel } from './teaching/teach-panel';
import { teachingApi } from './teaching/api';
import { nodeName } from './i18n/index';

const store = new Store(initialState(location.search));
setLang(store.get().lang);
document.documentElement.lang = store.get().lang === 'zh' ? 'zh-CN' : 'en';

// ---- page skeleton -------------------------------------------------------------------

const app = document.getElementById('app')!;
const graphEl = h('div', { id: 'graph', class: 'graph-canvas', tabindex: '0' });
const graphArea = h('div', { class: 'graph-area' }, graphEl);
const view = new GraphView(graphEl, store);
const status = new StatusOverlay();
const counter = h('p', { class: 'counter', 'aria-live': 'polite' });

// ---- actions ---------------------------------------------------------------------------

async function selectNode(id: string, moveCamera = true): Promise<void> {
  if (!view.graph.hasNode(id)) {
    try {
      const sub = await api.neighborhood(id, { depth: 1, limit: 100 });
      await view.merge(sub, undefined);
    } catch (e) {
      status.message(errorMessage(e));
      return;
    }
  }
  // A node the user asks for must be visible: lift the filters that hide it.
  const s = store.get();
  const a = view.graph.getNodeAttributes(id);
  const patch: Parameters<Store['set']>[0] = { node: id, tab: 'details', startScreen: false, hovered: null };
  if (s.hidden.includes(id)) patch.hidden = s.hidden.filter((x) => x !== id);
  if (s.hideLabels.includes(a.nodeLabel)) patch.hideLabels = s.hideLabels.filter((l) => l !== a.nodeLabel);
  if (!view.isVisible(id) && (s.dateFrom || s.dateTo) && a.date) Object.assign(patch, { dateFrom: null, dateTo: null });
  store.set(patch);
  if (moveCamera && store.get().view === 'graph') requestAnimationFrame(() => view.focusNode(id));
}

async function expand(id: string): Promise<void> {
  try {
    const sub = await api.neighborhood(id, { depth: 1, limit: 200 });
    await view.merge(sub, id);
    const ids = new Set(sub.nodes.map((n) => n.id));
    const s = store.get();
    if (s.hidden.some((x) => ids.has(x))) store.set({ hidden: s.hidden.filter((x) => !ids.has(x)) });
    details.refresh();
    updateDomain();
    if (sub.truncated) status.message(t('status.truncated'), { label: '×', run: () => status.hide() });
  } catch (e) {
    status.message(errorMessage(e), { label: t('status.retry'), run: () => void expand(id) });
  }
}

function hide(id: string): void {
  const s = store.get();
  store.set({ hidden: [...new Set([...s.hidden, id])], node: s.node === id ? null : s.node, hovered: null });
}

function resetView(): void {
  view.stopLayout();
  store.set({ node: null, question: null, focus: null, hideLabels: [], hideTypes: [], dateFrom: null, dateTo: null, hidden: [], layout: 'force', view: 'graph' });
  view.resetCamera();
}

function visibleIds(): string[] {
  return view.graph.filterNodes((id) => view.isVisible(id));
}

function download(url: string): void {
  const a = h('a', { href: url, download: '' });
  document.body.append(a);
  a.click();
  a.remove();
}

function exportData(format: ExportFormat): void {
  const ids = visibleIds();
  const all = ids.length === view.graph.order;
  const parts = format === 'csv' ? (['nodes', 'relationships'] as const) : [undefined];
  for (const part of parts) {
    const url = api.exportUrl(format, all ? undefined : ids, part);
    if (url.length > MAX_URL_LENGTH - 100) {
      status.message(`${t('export.failed')} (${ids.length})`, { label: '×', run: () => status.hide() });
      return;
    }
    download(url);
  }
}

// ---- components --------------------------------------------------------------------------

const search = new SearchBox({ labelKey: 'search.label', className: 'header-search', onChoose: (hit) => void selectNode(hit.id) });
const details = new DetailsPanel(store, view, { expand: (id) => void expand(id), hide, select: (id) => void selectNode(id) });
const legend = new Legend(store);
const filters = new FiltersPanel(store);
const questions = new QuestionsPanel(store, view, (id) => void selectNode(id));
const list = new ListView(store, view, (id) => void selectNode(id));
const start = new StartScreen(store);
const toolbar = new Toolbar(store, {
  toggleLayout: () => view.toggleContinuousLayout(),
  zoom: (d) => view.zoom(d),
  fit: () => view.fit(),
  reset: resetView,
  exportPng: () => {
    if (!view.renderer) return;
    exportPng(view.renderer, 'finreg-atlas.png').catch((e) => status.message(`${t('export.failed')} ${errorMessage(e)}`));
  },
  exportData,
});
view.onExpand = (id) => void expand(id);

const langBtn = h('button', { type: 'button', class: 'lang-switch', onclick: () => store.set({ lang: getLang() === 'zh' ? 'en' : 'zh' }) });
const title = h('h1', { class: 'app-title' });
const subtitle = h('p', { class: 'app-subtitle' });
const skip = h('a', { class: 'skip-link', href: '#graph' });
const header = h('header', { class: 'app-header' }, h('div', { class: 'brand' }, title, subtitle), search.el, langBtn);
const teachEl = h('div', { class: 'teach-host' });
const tabs = new Tabs(store, { details: details.el, questions: questions.el, filters: filters.el, teach: teachEl });
graphArea.append(toolbar.el, legend.el, counter, list.el, status.el, start.el);
const mainEl = h('main', { class: 'app-main' }, graphArea, tabs.el);
app.append(skip, header, mainEl);

// ---- teaching (tours, timeline and as-of, matrix, quiz) ------------------------------------

let teach: TeachPanel | null = null;
function showSubgraph(ids: string[]): void {
  const nodes = new Set(ids.filter((id) => view.graph.hasNode(id)));
  const edges = new Set(view.graph.filterEdges((_e, _a, s, tg) => nodes.has(s) && nodes.has(tg)));
  store.set({ focus: nodes.size ? { nodes, edges } : null, node: null, startScreen: false });
  if (nodes.size && store.get().view === 'graph') requestAnimationFrame(() => view.fit(nodes));
}
function mountTeach(): void {
  if (teach || view.graph.order === 0 || store.get().tab !== 'teach') return;
  teach = mountTeachPanel(
    teachEl,
    {
      api: teachingApi,
      nameOf: (id) => (view.graph.hasNode(id) ? nodeName(view.graph.getNodeAttribute(id, 'api')) : id),
      onSelectNode: (id) => void selectNode(id),
      onShowSubgraph: showSubgraph,
      onAsOfChange: (date) => store.set({ dateTo: date, dateFrom: null, startScreen: false }),
      onAskQuestion: (q) =>
        store.set({ question: q.kind === 'path' ? { kind: 'path', a: q.from, b: q.to } : q, tab: 'questions', startScreen: false }),
      onStateChange: (teachState) => store.set({ teach: teachState }),
      // A step or quiz link carries the language, filters and layout, not the selection or an open question.
      urlFor: (teachState) =>
        `${location.pathname}${writeUrlState({ ...toUrlState(store.get()), node: null, question: null, camera: null, teach: teachState })}`,
    },
    store.get().teach ?? {},
  );
  teach.setAsOf(store.get().dateTo);
}
store.watch(['tab'], (s) => {
  mainEl.classList.toggle('teaching', s.tab === 'teach');
  mountTeach();
});
store.watch(['dateTo'], (s) => teach?.setAsOf(s.dateTo));

function renderChrome(): void {
  title.textContent = t('app.title');
  subtitle.textContent = t('app.subtitle');
  skip.textContent = t('app.skip');
  langBtn.textContent = t('lang.switch');
  langBtn.setAttribute('aria-label', t('lang.switchLabel'));
  langBtn.lang = getLang() === 'zh' ? 'en' : 'zh-CN';
  graphEl.setAttribute('aria-label', `${t('app.title')} — ${t('toolbar.label')}: ← → ↑ ↓, +, −, 0, Esc`);
  document.title = t('app.title');
}
renderChrome();
onLangChange(renderChrome);

// ---- store → URL, language, counter --------------------------------------------------------

const writeUrl = debounce(() => {
  const qs = writeUrlState(toUrlState(store.get()));
  if (qs !== location.search) history.replaceState(null, '', `${location.pathname}${qs}${location.hash}`);
}, 150);
store.subscribe(writeUrl);
store.watch(['lang'], (s) => setLang(s.lang));

function updateCounter(): void {
  if (!view.graph.order) return;
  const s = store.get();
  const f = filtersOf(s);
  const nodes = visibleIds().length;
  const edges = view.graph.filterEdges((_e, a, src, tgt) => isEdgeVisible(a, view.isVisible(src), view.isVisible(tgt), f)).length;
  // In an overview the canvas draws only some relationships: the count is of the view (and the list).
  counter.textContent = t(view.overview ? 'status.nodesInOverview' : 'status.nodesShown', { nodes, edges });
  if (nodes === 0) status.message(t('status.empty'), { label: t('filters.reset'), run: () => store.set({ hideLabels: [], hideTypes: [], dateFrom: null, dateTo: null, hidden: [] }) });
  else if (status.el.classList.contains('note') && status.el.textContent?.startsWith(t('status.empty').slice(0, 8))) status.hide();
}
store.watch(['hideLabels', 'hideTypes', 'dateFrom', 'dateTo', 'hidden', 'statedOnly', 'lang'], updateCounter);
store.watch(['view'], (s) => {
  graphEl.hidden = s.view === 'list';
  graphArea.classList.toggle('listing', s.view === 'list');
});

function updateDomain(): void {
  const g = view.graph;
  const labels = new Set<NodeLabel>();
  const types = new Set<RelType>();
  const counts: Partial<Record<NodeLabel, number>> = {};
  const years = new Set<number>();
  g.forEachNode((_id, a) => {
    labels.add(a.nodeLabel);
    counts[a.nodeLabel] = (counts[a.nodeLabel] ?? 0) + 1;
    if (a.date) years.add(Number(a.date.slice(0, 4)));
  });
  g.forEachEdge((_e, a) => types.add(a.relType));
  legend.setCounts(counts);
  filters.setDomain(labels, types, [...years].sort((a, b) => a - b));
  const nodesOf = (l: NodeLabel) => g.filterNodes((_id, a) => a.nodeLabel === l).map((id) => g.getNodeAttribute(id, 'api'));
  questions.setChoices(nodesOf('Segment'), nodesOf('Topic'));
  start.setExamples(exampleQuestions(g));
  updateCounter();
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
    updateDomain();
    details.refresh();
    if (!started) {
      started = true;
      if (initial.camera) questions.fitOnAnswer = false;
      questions.start();
      if (initial.node) void selectNode(initial.node, !initial.camera);
      mountTeach();
    }
  } catch (e) {
    status.error(e, () => void load());
  }
}
void load();

// A read-only hook for end-to-end tests and the browser console.
declare global {
  interface Window {
    atlas?: { state: () => unknown; order: () => number; viewport: (id: string) => { x: number; y: number } | null; ready: () => boolean; focus?: () => string[] };
  }
}
window.atlas = {
  state: () => toUrlState(store.get()),
  order: () => view.graph.order,
  ready: () => !!view.renderer && view.graph.order > 0,
  focus: () => [...(store.get().focus?.nodes ?? [])],
  viewport: (id) => {
    const r = view.renderer;
    const d = r?.getNodeDisplayData(id);
    return r && d ? r.framedGraphToViewport(d) : null;
  },
};
