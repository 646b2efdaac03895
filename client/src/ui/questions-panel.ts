/**
 * The three questions users bring: who regulates a segment, which rules touch a topic,
 * how A and B are connected. The answer is fetched when `question` changes in the store
 * (a click, the start screen or a shared link), merged into the graph, put in focus, and
 * shown as a table with citations and the Cypher behind it.
 */
import type { ApiNode, ApiRelationship, RegulatorsAnswer, RulesAnswer, Source, Subgraph } from '../../../server/stores/types';
import type { Question, Store } from '../state/app-state';
import type { GraphView } from '../view/graph-view';
import { api, ApiError, type PathAnswer, type WithCypher } from '../api/client';
import { LABEL_COLORS } from '../graph/palette';
import { getLang, nodeName, onLangChange, t, type MessageKey } from '../i18n/index';
import { append, clear, h, uid } from './dom';
import { SearchBox } from './search-box';
import { citation } from './citation';
import { evidenceMarks } from './evidence-badge';
import { errorMessage } from './status';
import { answerActions, type BriefTarget } from './answer-actions';
import { ta } from './answer-i18n';

/** Column a reader sorted the answer by; `null` keeps the server's order (most rules first, then by date). */
type SortKey = 'agency' | 'rule' | 'date' | null;

type Answer =
  | { kind: 'regulators'; data: WithCypher<RegulatorsAnswer> }
  | { kind: 'rules'; data: WithCypher<RulesAnswer> }
  | { kind: 'path'; data: PathAnswer }
  | { kind: 'none'; a: string; b: string; max: number };

const PATH_MAX = 6;

export class QuestionsPanel {
  readonly el = h('section', { class: 'questions' });
  private readonly answerEl = h('div', { class: 'answer', 'aria-live': 'polite' });
  private readonly pathA: SearchBox;
  private readonly pathB: SearchBox;
  private segments: ApiNode[] = [];
  private topics: ApiNode[] = [];
  private answer: Answer | null = null;
  private error: unknown = null;
  private loading = false;
  private request: AbortController | null = null;
  private readonly forms = h('div', { class: 'question-forms' });
  private sort: SortKey = null;

  constructor(
    private readonly store: Store,
    private readonly view: GraphView,
    private readonly select: (id: string) => void,
  ) {
    this.pathA = new SearchBox({ labelKey: 'q.pathA', keepChoice: true, onChoose: () => {} });
    this.pathB = new SearchBox({ labelKey: 'q.pathB', keepChoice: true, onChoose: () => {} });
    // The answer comes first so it is in view without scrolling past the forms.
    this.el.append(this.answerEl, this.forms);
    onLangChange(() => {
      this.renderForms();
      this.renderAnswer();
    });
  }

  /** Start answering questions (once the graph is loaded, so answers merge into it). */
  start(): void {
    this.store.watch(['question'], (s) => void this.ask(s.question));
    // Answers follow the date the graph is shown at ("as of"): ask again, staying on the current tab.
    this.store.subscribe((s, p) => {
      if (s.question && s.question.kind !== 'path' && s.dateTo !== p.dateTo) void this.ask(s.question, true);
    });
  }

  /** When false the camera stays put after an answer (a shared link carries its camera). */
  fitOnAnswer = true;

  /** Segments and topics of the loaded graph fill the pickers. */
  setChoices(segments: ApiNode[], topics: ApiNode[]): void {
    const byName = (a: ApiNode, b: ApiNode) => a.name.localeCompare(b.name, 'zh-CN');
    this.segments = [...segments].sort(byName);
    this.topics = [...topics].sort(byName);
    this.renderForms();
    const q = this.store.get().question;
    if (q?.kind === 'path') this.fillPathBoxes(q);
  }

  // ---- forms ------------------------------------------------------------------------

  private renderForms(): void {
    const q = this.store.get().question;
    clear(this.forms);
    this.forms.append(
      h('h2', {}, t('q.heading')),
      this.pickerForm('regulators', 'q.regulators', 'q.regulatorsPick', 'q.regulatorsChoose', this.segments, q?.kind === 'regulators' ? q.segment : ''),
      this.pickerForm('rules', 'q.rules', 'q.rulesPick', 'q.rulesChoose', this.topics, q?.kind === 'rules' ? q.topic : ''),
      this.pathForm(),
    );
  }

  private pickerForm(kind: 'regulators' | 'rules', title: MessageKey, pick: MessageKey, choose: MessageKey, options: ApiNode[], current: string): HTMLElement {
    const id = uid('pick');
    const sel = h(
      'select',
      { id, name: kind, required: true },
      h('option', { value: '' }, t(choose)),
      // One language at a time: the picker lists the names of the interface's language.
      [...options]
        .sort((a, b) => nodeName(a).localeCompare(nodeName(b), getLang() === 'zh' ? 'zh-CN' : 'en'))
        .map((n) => h('option', { value: n.id, selected: n.id === current }, nodeName(n))),
    );
    const form = h(
      'form',
      { class: 'question', 'data-question': kind },
      h('h3', {}, t(title)),
      h('label', { for: id }, t(pick)),
      h('div', { class: 'inline' }, sel, h('button', { type: 'submit', class: 'primary' }, t('q.ask'))),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!sel.value) return;
      this.store.set({ question: kind === 'regulators' ? { kind, segment: sel.value } : { kind, topic: sel.value } });
    });
    return form;
  }

  private pathForm(): HTMLElement {
    const msg = h('p', { class: 'form-msg', role: 'alert' });
    const form = h(
      'form',
      { class: 'question', 'data-question': 'path' },
      h('h3', {}, t('q.path')),
      this.pathA.el,
      this.pathB.el,
      h('button', { type: 'submit', class: 'primary' }, t('q.pathFind')),
      msg,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const a = this.pathA.value;
      const b = this.pathB.value;
      if (!a || !b) {
        msg.textContent = t('q.pathNeedBoth');
        return;
      }
      msg.textContent = '';
      this.store.set({ question: { kind: 'path', a: a.id, b: b.id } });
    });
    return form;
  }

  private fillPathBoxes(q: { a: string; b: string }): void {
    for (const [box, id] of [[this.pathA, q.a], [this.pathB, q.b]] as const) {
      if (this.view.graph.hasNode(id)) {
        const a = this.view.graph.getNodeAttributes(id);
        box.setChoice({ id, name: a.name, nameEn: a.nameEn, label: a.nodeLabel });
      }
    }
  }

  // ---- fetching -----------------------------------------------------------------------

  async ask(q: Question | null, quiet = false): Promise<void> {
    this.request?.abort();
    if (!quiet) this.sort = null;
    this.error = null;
    if (!q) {
      this.answer = null;
      this.loading = false;
      this.store.set({ focus: null });
      this.renderAnswer();
      return;
    }
    const ctrl = new AbortController();
    this.request = ctrl;
    this.loading = true;
    this.renderAnswer();
    try {
      let sub: Subgraph;
      if (q.kind === 'regulators') {
        const data = await api.regulators(q.segment, ctrl.signal, this.store.get().dateTo);
        this.answer = { kind: 'regulators', data };
        sub = regulatorsSubgraph(data);
      } else if (q.kind === 'rules') {
        const data = await api.rules(q.topic, ctrl.signal, this.store.get().dateTo);
        this.answer = { kind: 'rules', data };
        sub = rulesSubgraph(data);
      } else {
        try {
          const data = await api.path(q.a, q.b, PATH_MAX, ctrl.signal);
          this.answer = { kind: 'path', data };
          sub = data;
        } catch (e) {
          // 404 with both ends known: simply no path within reach.
          if (e instanceof ApiError && e.status === 404 && this.view.graph.hasNode(q.a) && this.view.graph.hasNode(q.b)) {
            this.answer = { kind: 'none', a: q.a, b: q.b, max: PATH_MAX };
            sub = { nodes: [], relationships: [] };
          } else throw e;
        }
        this.fillPathBoxes(q);
      }
      if (ctrl.signal.aborted) return;
      await this.view.merge(sub);
      const nodes = new Set(sub.nodes.map((n) => n.id));
      const edges = new Set(sub.relationships.map((r) => r.id));
      // Show how a narrower topic or segment hangs under the asked one.
      this.view.graph.forEachEdge((e, a, s, tg) => {
        if (a.relType === 'PART_OF' && nodes.has(s) && nodes.has(tg)) edges.add(e);
      });
      this.loading = false;
      // A quiet re-ask (the date moved) updates the answer but leaves the graph's focus to
      // whoever owns it now (a tour step, a matrix cell) unless this panel is open.
      const own = !quiet || this.store.get().tab === 'questions';
      if (own) this.store.set({ focus: nodes.size ? { nodes, edges } : null, tab: 'questions', node: null });
      this.renderAnswer();
      if (own && nodes.size && this.fitOnAnswer) requestAnimationFrame(() => this.view.fit(nodes));
      this.fitOnAnswer = true;
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      this.loading = false;
      this.error = e;
      this.answer = null;
      this.renderAnswer();
    }
  }

  // ---- answers ----------------------------------------------------------------------

  private renderAnswer(): void {
    clear(this.answerEl);
    const q = this.store.get().question;
    if (this.loading) {
      this.answerEl.append(h('p', { class: 'loading' }, t('status.working')));
      return;
    }
    if (this.error) {
      this.answerEl.append(
        h('div', { class: 'error', role: 'alert' }, h('p', {}, errorMessage(this.error)), h('button', { type: 'button', onclick: () => void this.ask(q) }, t('status.retry'))),
      );
      return;
    }
    const a = this.answer;
    if (!a) return;
    const body =
      a.kind === 'regulators' ? this.regulatorsTable(a.data) : a.kind === 'rules' ? this.rulesTable(a.data) : a.kind === 'path' ? this.pathView(a.data) : this.noPath(a);
    const cypher = a.kind === 'none' ? undefined : a.data.cypher;
    const asOf = this.store.get().dateTo;
    const target: BriefTarget | null =
      q?.kind === 'regulators' ? { kind: 'regulators', segment: q.segment, asOf } : q?.kind === 'rules' ? { kind: 'rules', topic: q.topic, asOf } : q?.kind === 'path' && a.kind === 'path' ? { kind: 'path', a: q.a, b: q.b } : null;
    append(
      this.answerEl,
      h('div', { class: 'answer-head' }, body[0] ?? null, h('button', { type: 'button', class: 'icon-btn', 'aria-label': t('q.clear'), title: t('q.clear'), onclick: () => this.store.set({ question: null }) }, '×')),
      this.derivation(a, asOf),
      target ? answerActions(target) : null,
      ...body.slice(1),
      cypher ? h('details', { class: 'cypher' }, h('summary', {}, t('q.showQuery')), h('pre', {}, h('code', {}, cypher))) : null,
    );
  }

  /** How the answer was found (through narrower segments or topics, as of a date) and counts that match the rows. */
  private derivation(a: Answer, asOf: string | null): HTMLElement | null {
    if (a.kind !== 'regulators' && a.kind !== 'rules') return null;
    const asked = a.kind === 'regulators' ? a.data.segment : a.data.topic;
    const matched = a.kind === 'regulators' ? a.data.agencies.flatMap((x) => x.rules.map((r) => r.segment)) : a.data.rules.map((r) => r.topic);
    const narrower = [...new Map(matched.filter((n) => n.id !== asked.id).map((n) => [n.id, n])).values()];
    const kind = ta(a.kind === 'regulators' ? 'answer.kindSegments' : 'answer.kindTopics');
    const entries = a.kind === 'regulators' ? a.data.agencies.reduce((n, x) => n + x.rules.length, 0) : a.data.rules.length;
    const rules = new Set(a.kind === 'regulators' ? a.data.agencies.flatMap((x) => x.rules.map((r) => r.rule.id)) : a.data.rules.map((r) => r.rule.id)).size;
    return h(
      'div',
      { class: 'answer-derivation' },
      h('p', { class: 'answer-counts' }, a.kind === 'regulators' ? ta('answer.counts', { agencies: a.data.agencies.length, rules, entries }) : ta('answer.countsRules', { rules, entries })),
      h(
        'p',
        {},
        narrower.length
          ? ta('answer.derivedNarrower', { kind, name: nodeName(asked), names: narrower.map((n) => nodeName(n)).join(getLang() === 'zh' ? '、' : ', ') })
          : ta('answer.derivedDirect', { kind, name: nodeName(asked) }),
        ' ',
        asOf ? ta('answer.asOf', { date: asOf }) : ta('answer.asOfNow'),
      ),
    );
  }

  /** A column header that sorts the answer; `aria-sort` tells screen readers the order. */
  private sortHeader(key: Exclude<SortKey, null>, label: MessageKey): HTMLElement {
    const on = this.sort === key;
    return h(
      'th',
      { scope: 'col', 'aria-sort': on ? 'ascending' : 'none' },
      h('button', { type: 'button', class: `sort-btn${on ? ' on' : ''}`, 'data-sort': key, onclick: () => { this.sort = on ? null : key; this.renderAnswer(); } }, t(label), h('span', { 'aria-hidden': 'true' }, on ? ' ▲' : ' ↕')),
    );
  }

  private nodeButton(n: { id: string; name: string; nameEn: string; label: ApiNode['label'] }): HTMLElement {
    return h(
      'button',
      { type: 'button', class: 'link', onclick: () => this.select(n.id) },
      h('span', { class: 'chip', style: `background:${LABEL_COLORS[n.label]}`, 'aria-hidden': 'true' }),
      nodeName(n),
    );
  }

  private quotes(sources: Source[]): HTMLElement {
    return h('div', { class: 'quotes' }, sources.slice(0, 2).map((s) => citation(s)));
  }

  private regulatorsTable(d: RegulatorsAnswer): Array<HTMLElement | null> {
    const title = h('h3', {}, t('q.answerRegulators', { n: d.total.agencies, segment: nodeName(d.segment) }));
    if (!d.agencies.length) return [title, h('p', {}, t('q.noAgencies')), ...this.throughTable(d)];
    const byName = (x: ApiNode, y: ApiNode) => nodeName(x).localeCompare(nodeName(y), getLang() === 'zh' ? 'zh-CN' : 'en');
    const byDate = (x: ApiNode, y: ApiNode) => (x.date ?? '9999').localeCompare(y.date ?? '9999') || byName(x, y);
    // Grouped by agency whatever the order: agency → rules → what each says.
    const groups = this.sort === 'agency' ? [...d.agencies].sort((x, y) => byName(x.agency, y.agency)) : d.agencies;
    const rowsOf = (rules: RegulatorsAnswer['agencies'][number]['rules']) =>
      this.sort === 'rule' ? [...rules].sort((x, y) => byName(x.rule, y.rule)) : this.sort === 'date' ? [...rules].sort((x, y) => byDate(x.rule, y.rule)) : rules;
    const rows = groups.flatMap(({ agency, rules: unsorted }) =>
      rowsOf(unsorted).map((r, i, rules) =>
        h(
          'tr',
          {},
          i === 0 ? h('th', { scope: 'row', rowspan: rules.length }, this.nodeButton(agency)) : null,
          h('td', {}, this.nodeButton(r.rule)),
          h('td', {}, r.rule.date ?? ''),
          h('td', {}, this.nodeButton(r.segment), evidenceMarks(r.regulates.properties)),
          h('td', {}, this.quotes([...r.regulates.sources, ...r.issued.sources])),
        ),
      ),
    );
    const shown = d.agencies.reduce((n, a) => n + a.rules.length, 0);
    const head = [this.sortHeader('agency', 'q.colAgency'), this.sortHeader('rule', 'q.colRule'), this.sortHeader('date', 'q.colDate'), colHeader('q.colSegment'), colHeader('q.colSource')];
    return [title, truncationNote(d.truncated, shown, d.total.entries), answerTable(head, rows), ...this.throughTable(d)];
  }

  /** The part of the answer regulated through a broader segment, marked as such and apart from the rest. */
  private throughTable(d: RegulatorsAnswer): HTMLElement[] {
    if (!d.through?.length) return [];
    const parents = [...new Map(d.through.map((x) => [x.segment.id, x.segment])).values()];
    // The PART_OF links the answer rests on: an inferred one is marked like any other fact.
    const known = new Map<string, ApiNode>([[d.segment.id, d.segment], ...parents.map((p): [string, ApiNode] => [p.id, p])]);
    const g = this.view.graph;
    const name = (id: string) => (known.has(id) ? nodeName(known.get(id)!) : g.hasNode(id) ? nodeName(g.getNodeAttributes(id)) : id);
    const partOf = (d.broader ?? []).map((r) => h('li', {}, `${name(r.source)} → ${name(r.target)}`, evidenceMarks(r.properties)));
    const rows = d.through.map((x) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, this.nodeButton(x.agency)),
        h('td', {}, this.nodeButton(x.rule)),
        h('td', {}, x.rule.date ?? ''),
        h('td', {}, this.nodeButton(x.segment), evidenceMarks(x.regulates.properties)),
        h('td', {}, this.quotes([...x.regulates.sources, ...x.issued.sources])),
      ),
    );
    return [
      h(
        'section',
        { class: 'through', 'data-part': 'through' },
        h('h4', {}, t('q.through', { segment: parents.map((p) => nodeName(p)).join('、') })),
        h('p', { class: 'muted' }, t('q.throughNote')),
        partOf.length ? h('ul', { class: 'through-part-of' }, partOf) : null,
        truncationNote(d.through.length < d.total.through, d.through.length, d.total.through),
        // Its own table (not .answer-table): the answer proper stays one table.
        answerTable((['q.colAgency', 'q.colRule', 'q.colDate', 'q.colSegment', 'q.colSource'] as const).map(colHeader), rows, 'data-table through-table'),
      ),
    ];
  }

  private rulesTable(d: RulesAnswer): Array<HTMLElement | null> {
    // A cut answer counts only the rules it shows: say "at least".
    const shownRules = new Set(d.rules.map((r) => r.rule.id)).size;
    const title = h('h3', {}, t(d.truncated ? 'q.answerRulesAtLeast' : 'q.answerRules', { n: shownRules, topic: nodeName(d.topic) }));
    if (!d.rules.length) return [title, h('p', {}, t('q.noRules'))];
    const byName = (x: ApiNode, y: ApiNode) => nodeName(x).localeCompare(nodeName(y), getLang() === 'zh' ? 'zh-CN' : 'en');
    const sorted =
      this.sort === 'rule' ? [...d.rules].sort((x, y) => byName(x.rule, y.rule)) : this.sort === 'date' ? [...d.rules].sort((x, y) => (x.rule.date ?? '9999').localeCompare(y.rule.date ?? '9999') || byName(x.rule, y.rule)) : d.rules;
    const rows = sorted.map((r) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, this.nodeButton(r.rule)),
        h('td', {}, h('span', { class: `verb verb-${r.relationship.type.toLowerCase()}` }, t(`rel.${r.relationship.type}`)), evidenceMarks(r.relationship.properties)),
        h('td', {}, this.nodeButton(r.topic)),
        h('td', {}, r.rule.date ?? ''),
        h('td', {}, this.quotes(r.sources.length ? r.sources : r.relationship.sources)),
      ),
    );
    const head = [this.sortHeader('rule', 'q.colRule'), colHeader('q.colWhat'), colHeader('q.colTopic'), this.sortHeader('date', 'q.colDate'), colHeader('q.colSource')];
    return [title, truncationNote(d.truncated, d.rules.length, d.total), answerTable(head, rows)];
  }

  private pathView(d: PathAnswer): HTMLElement[] {
    const first = d.nodes[0];
    const last = d.nodes[d.nodes.length - 1];
    const title = h('h3', {}, first && last ? t('q.answerPath', { a: nodeName(first), b: nodeName(last) }) : t('q.path'));
    const sentences = getLang() === 'en' ? d.explanation.en : d.explanation.zh;
    const chain = h('p', { class: 'path-chain' }, d.nodes.flatMap((n, i) => [i ? h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' → ') : null, this.nodeButton(n)]));
    return [
      title,
      chain,
      h('h4', {}, t('q.explanation')),
      h(
        'ol',
        { class: 'explanation' },
        sentences.map((s, i) => {
          const rel: ApiRelationship | undefined = d.relationships[i];
          return h('li', {}, h('p', {}, s, rel ? evidenceMarks(rel.properties) : null), rel ? this.quotes(rel.sources) : null);
        }),
      ),
    ];
  }

  private noPath(a: { a: string; b: string; max: number }): HTMLElement[] {
    const g = this.view.graph;
    const name = (id: string) => (g.hasNode(id) ? nodeName(g.getNodeAttributes(id)) : id);
    return [h('h3', {}, t('q.answerPath', { a: name(a.a), b: name(a.b) })), h('p', {}, t('q.pathNone', { n: a.max }))];
  }
}

/** Says that the server cut a long answer (the API's `limit`), and how much it left out. */
function truncationNote(truncated: boolean, shown: number, total: number): HTMLElement | null {
  return truncated ? h('p', { class: 'truncated', role: 'note' }, t('q.truncated', { shown, total })) : null;
}

export function regulatorsSubgraph(d: RegulatorsAnswer): Subgraph {
  const nodes = new Map<string, ApiNode>([[d.segment.id, d.segment]]);
  const rels = new Map<string, ApiRelationship>();
  for (const { agency, rules } of d.agencies) {
    nodes.set(agency.id, agency);
    for (const r of rules) {
      nodes.set(r.rule.id, r.rule);
      nodes.set(r.segment.id, r.segment);
      rels.set(r.issued.id, r.issued);
      rels.set(r.regulates.id, r.regulates);
    }
  }
  // Regulated through a parent: the parent, its rules and the PART_OF links up to it.
  for (const x of d.through ?? []) {
    for (const n of [x.agency, x.rule, x.segment]) nodes.set(n.id, n);
    rels.set(x.issued.id, x.issued);
    rels.set(x.regulates.id, x.regulates);
  }
  for (const r of d.broader ?? []) if (nodes.has(r.source) && nodes.has(r.target)) rels.set(r.id, r);
  return { nodes: [...nodes.values()], relationships: [...rels.values()] };
}

export function rulesSubgraph(d: RulesAnswer): Subgraph {
  const nodes = new Map<string, ApiNode>([[d.topic.id, d.topic]]);
  const rels = new Map<string, ApiRelationship>();
  for (const r of d.rules) {
    nodes.set(r.rule.id, r.rule);
    nodes.set(r.topic.id, r.topic);
    rels.set(r.relationship.id, r.relationship);
  }
  return { nodes: [...nodes.values()], relationships: [...rels.values()] };
}

const colHeader = (k: MessageKey): HTMLElement => h('th', { scope: 'col' }, t(k));

/** An answer's table: a scrollable wrapper, one header row of the given columns, the rows. */
function answerTable(columns: HTMLElement[], rows: HTMLElement[], cls = 'answer-table'): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: cls },
      h('thead', {}, h('tr', {}, columns)),
      h('tbody', {}, rows),
    ),
  );
}
