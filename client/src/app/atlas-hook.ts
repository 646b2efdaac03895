/** A read-only hook for end-to-end tests and the browser console: `window.atlas`. */
import { toUrlState, type Store } from '../state/app-state';
import type { GraphView } from '../view/graph-view';

declare global {
  interface Window {
    atlas?: { state: () => unknown; order: () => number; viewport: (id: string) => { x: number; y: number } | null; ready: () => boolean; focus?: () => string[] };
  }
}

export function installAtlasHook(store: Store, view: GraphView): void {
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
}
