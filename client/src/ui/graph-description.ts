/**
 * What a screen reader hears for the graph canvas: its role and name, and a description
 * (counts, keys) that names the list view as its text alternative, with a button to open
 * it. The description is visually hidden until the button gets keyboard focus.
 */
import type { Store } from '../state/app-state';
import { h, uid } from './dom';
import { ta } from './answer-i18n';

export class GraphDescription {
  readonly el: HTMLElement;
  private readonly text = h('span', {});
  private counts = { nodes: 0, edges: 0 };

  constructor(graphEl: HTMLElement, private readonly store: Store) {
    const id = uid('graph-desc');
    this.el = h(
      'p',
      { id, class: 'graph-description' },
      this.text,
      ' ',
      h('button', { type: 'button', class: 'link', onclick: () => this.store.set({ view: 'list' }) }),
    );
    // "application": the canvas takes its own keys (arrows, +, −, 0, Esc); a div may not
    // carry aria-label without a role.
    graphEl.setAttribute('role', 'application');
    graphEl.setAttribute('aria-describedby', id);
    this.render();
  }

  setCounts(nodes: number, edges: number): void {
    this.counts = { nodes, edges };
    this.render();
  }

  render(): void {
    this.text.textContent = ta('graph.description', this.counts);
    this.el.querySelector('button')!.textContent = ta('graph.openList');
  }
}
