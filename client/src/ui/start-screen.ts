/**
 * First visit: what this is and three one-click example questions, so a newcomer answers
 * "who regulates P2P lending" and "which rules touch real-estate lending" without docs.
 * Examples are found by name in the loaded graph, so they follow the data, not fixed ids.
 */
import type { Question, Store } from '../state/app-state';
import type { AtlasGraph } from '../graph/build';
import type { NodeLabel } from '../graph/model';
import { onLangChange, t } from '../i18n/index';
import { clear, h } from './dom';

/** Find a node of `label` whose name or alias is one of `names` (first match wins). */
export function findByName(graph: AtlasGraph, label: NodeLabel, names: readonly string[]): string | undefined {
  for (const name of names) {
    const hit = graph.findNode((_id, a) => a.nodeLabel === label && (a.name === name || a.nameEn === name || a.api.aliases.includes(name)));
    if (hit) return hit;
  }
  return undefined;
}

export function exampleQuestions(graph: AtlasGraph): { regulators?: Question; rules?: Question; path?: Question } {
  const p2p = findByName(graph, 'Segment', ['网络借贷', 'P2P网络借贷', 'P2P', 'P2P lending']);
  const realEstate = findByName(graph, 'Topic', ['房地产金融', '房地产', 'real-estate lending', 'Real-estate finance']);
  const csrc = findByName(graph, 'Agency', ['证监会', '中国证监会', 'CSRC']);
  const downPay = findByName(graph, 'Topic', ['首付贷']);
  return {
    ...(p2p ? { regulators: { kind: 'regulators', segment: p2p } as const } : {}),
    ...(realEstate ? { rules: { kind: 'rules', topic: realEstate } as const } : {}),
    ...(csrc && downPay ? { path: { kind: 'path', a: csrc, b: downPay } as const } : {}),
  };
}

export class StartScreen {
  readonly el = h('section', { class: 'start-screen', 'aria-labelledby': 'start-heading', hidden: true });
  private examples: ReturnType<typeof exampleQuestions> = {};
  /** Shown only once the graph (and so the examples) is loaded. */
  private ready = false;

  constructor(private readonly store: Store) {
    store.watch(['startScreen'], () => this.render());
    onLangChange(() => this.render());
  }

  setExamples(ex: ReturnType<typeof exampleQuestions>): void {
    this.examples = ex;
    this.ready = true;
    this.render();
  }

  private ask(q: Question): void {
    this.store.set({ question: q, startScreen: false, tab: 'questions' });
  }

  private render(): void {
    this.el.hidden = !this.ready || !this.store.get().startScreen;
    if (this.el.hidden) return;
    const focusedIndex = [...this.el.querySelectorAll('button')].indexOf(document.activeElement as HTMLButtonElement);
    clear(this.el);
    const ex = this.examples;
    const item = (q: Question | undefined, key: 'start.exampleRegulators' | 'start.exampleRules' | 'start.examplePath', cls: string) =>
      q ? h('li', {}, h('button', { type: 'button', class: `example ${cls}`, onclick: () => this.ask(q) }, t(key))) : null;
    this.el.append(
      h('button', { type: 'button', class: 'icon-btn close', 'aria-label': t('start.close'), title: t('start.close'), onclick: () => this.store.set({ startScreen: false }) }, '×'),
      h('h2', { id: 'start-heading' }, t('start.heading')),
      h('p', {}, t('start.intro')),
      h(
        'ul',
        { class: 'examples' },
        item(ex.regulators, 'start.exampleRegulators', 'ex-regulators'),
        item(ex.rules, 'start.exampleRules', 'ex-rules'),
        item(ex.path, 'start.examplePath', 'ex-path'),
      ),
      h('button', { type: 'button', class: 'link explore', onclick: () => this.store.set({ startScreen: false }) }, t('start.explore')),
    );
    const buttons = this.el.querySelectorAll('button');
    if (focusedIndex >= 0) buttons[focusedIndex]?.focus();
  }
}
