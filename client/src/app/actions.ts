/**
 * What the user can do, as functions of the app state and the canvas: select, expand,
 * hide, reset, export, focus a subgraph, set the date, ask a question. Components call
 * these (main.ts hands them out); they change the state through `store.set`, and the
 * components that watch it render. Nothing here renders.
 */
import { api, MAX_URL_LENGTH, type ExportFormat, type TourQuestion } from '../api/client';
import { asOfPatch, toUrlState, type Store } from '../state/app-state';
import { writeUrlState, type TeachState } from '../state/url-state';
import { nodeName, t } from '../i18n/index';
import { h } from '../ui/dom';
import { errorMessage, type StatusOverlay } from '../ui/status';
import type { GraphView } from '../view/graph-view';
import { exportPng } from '../view/export-png';

export interface AppActions {
  /** Selects a node (fetching its neighbourhood when it is not loaded) and lifts the filters that hide it. */
  selectNode(id: string, moveCamera?: boolean): Promise<void>;
  /** Loads a node's neighbours into the graph. */
  expand(id: string): Promise<void>;
  hideNode(id: string): void;
  resetView(): void;
  exportData(format: ExportFormat): void;
  exportImage(): void;
  /** Focus on these nodes and the relationships between them (none: no focus). */
  showSubgraph(ids: string[]): void;
  /** Shows the landscape as of `date` (null: every date). */
  setAsOf(date: string | null): void;
  askQuestion(q: TourQuestion): void;
  /** Display name of a loaded node (the id when it is not loaded). */
  nameOf(id: string): string;
  /** A link to the app in a teaching state: language, filters and layout, not the selection or an open question. */
  urlFor(teach: TeachState): string;
}

function download(url: string): void {
  const a = h('a', { href: url, download: '' });
  document.body.append(a);
  a.click();
  a.remove();
}

/** `graphChanged`: nodes were added (the details and the domain of the filters follow). */
export function createActions(store: Store, view: GraphView, status: StatusOverlay, graphChanged: () => void): AppActions {
  const visibleIds = (): string[] => view.graph.filterNodes((id) => view.isVisible(id));

  const actions: AppActions = {
    async selectNode(id, moveCamera = true) {
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
    },

    async expand(id) {
      try {
        const sub = await api.neighborhood(id, { depth: 1, limit: 200 });
        await view.merge(sub, id);
        const ids = new Set(sub.nodes.map((n) => n.id));
        const s = store.get();
        if (s.hidden.some((x) => ids.has(x))) store.set({ hidden: s.hidden.filter((x) => !ids.has(x)) });
        graphChanged();
        if (sub.truncated) status.message(t('status.truncated'), { label: '×', run: () => status.hide() });
      } catch (e) {
        status.message(errorMessage(e), { label: t('status.retry'), run: () => void actions.expand(id) });
      }
    },

    hideNode(id) {
      const s = store.get();
      store.set({ hidden: [...new Set([...s.hidden, id])], node: s.node === id ? null : s.node, hovered: null });
    },

    resetView() {
      view.layout.stop();
      store.set({ node: null, question: null, focus: null, hideLabels: [], hideTypes: [], dateFrom: null, dateTo: null, hidden: [], layout: 'force', view: 'graph' });
      view.camera.reset();
    },

    exportData(format) {
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
    },

    exportImage() {
      if (!view.renderer) return;
      exportPng(view.renderer, 'finreg-atlas').catch((e: unknown) => status.message(`${t('export.failed')} ${errorMessage(e)}`));
    },

    showSubgraph(ids) {
      const nodes = new Set(ids.filter((id) => view.graph.hasNode(id)));
      const edges = new Set(view.graph.filterEdges((_e, _a, s, tg) => nodes.has(s) && nodes.has(tg)));
      store.set({ focus: nodes.size ? { nodes, edges } : null, node: null, startScreen: false });
      if (nodes.size && store.get().view === 'graph') requestAnimationFrame(() => view.fit(nodes));
    },

    setAsOf(date) {
      store.set({ ...asOfPatch(date), startScreen: false });
    },

    askQuestion(q) {
      store.set({ question: q.kind === 'path' ? { kind: 'path', a: q.from, b: q.to } : q, tab: 'questions', startScreen: false });
    },

    nameOf: (id) => (view.graph.hasNode(id) ? nodeName(view.graph.getNodeAttribute(id, 'api')) : id),

    urlFor: (teach) => `${location.pathname}${writeUrlState({ ...toUrlState(store.get()), node: null, question: null, camera: null, teach })}`,
  };
  return actions;
}
