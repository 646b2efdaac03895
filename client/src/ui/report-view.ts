/**
 * The Report tab: the report's text by its headings, with a table of contents and every
 * cited passage highlighted. Clicking a highlight shows the facts resting on it and lights
 * them on the graph; clicking a fact selects it. Each section offers "what the graph says
 * about this section", and a gap list shows the paragraphs of chapter 1 no fact cites.
 * Without the full text on the server the cited passages are shown in document order under
 * their headings, with how to install the text.
 *
 * The passage shown is URL state (`report=<start>-<end>`), so a passage is a link.
 */
import type { Passage, PassagesResponse, ReportResponse } from './report-api';
import type { PassageFact, ReportHeading } from '../../../server/contract/report';
import type { Store } from '../state/app-state';
import { writeUrlState } from '../state/url-state';
import { toUrlState } from '../state/app-state';
import { getLang, nodeName, onLangChange, t, type MessageKey } from '../i18n/index';
import { ApiError } from '../api/client';
import { clear, h } from './dom';
import { reportApi } from './report-api';
import { rt, type ReportKey } from './report-i18n';
import './report.css';
import { factsOfHeading, gapSpans, passageKey, segmentsOf } from './report-model';

export interface ReportActions {
  /** Select a node (opens its details). */
  select(id: string): void;
  /** Light these nodes and relationships on the graph. */
  showFacts(nodes: string[], relationships: string[]): void;
}

interface Loaded {
  report: ReportResponse;
  passages: PassagesResponse;
}

export class ReportView {
  readonly el = h('section', { class: 'report-view', 'aria-labelledby': 'report-heading' });
  private data: Loaded | undefined;
  private loading: Promise<void> | undefined;
  private readonly card = h('div', { class: 'report-card', 'aria-live': 'polite' });
  private readonly body = h('div', { class: 'report-body' });
  /** The section whose facts the card shows instead of a passage's. */
  private sectionShown: number | null = null;

  constructor(
    private readonly store: Store,
    private readonly actions: ReportActions,
  ) {
    store.watch(['tab'], (s) => {
      if (s.tab === 'report') void this.ensureLoaded();
    });
    store.subscribe((s, prev) => {
      if (s.report !== prev.report && s.tab === 'report') this.showPassage(true);
    });
    onLangChange(() => this.render());
  }

  /** Lights the open passage's facts again (after the graph has loaded). */
  relight(): void {
    const p = this.passageAt(this.current);
    if (p && this.store.get().tab === 'report') this.light(p.facts);
  }

  private ensureLoaded(): Promise<void> {
    if (this.data) return Promise.resolve();
    this.loading ??= (async () => {
      clear(this.el);
      this.el.append(h('p', { class: 'muted' }, rt('report.loading')));
      try {
        const [report, passages] = await Promise.all([reportApi.report(), reportApi.passages()]);
        this.data = { report, passages };
        this.render();
        this.showPassage(true);
      } catch (e) {
        clear(this.el);
        const message = e instanceof ApiError || e instanceof Error ? e.message : String(e);
        this.el.append(
          h('div', { class: 'teach-error', role: 'alert' }, h('p', {}, rt('report.error', { message })), h('button', { type: 'button', onclick: () => void this.ensureLoaded() }, rt('report.retry'))),
        );
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  private get current(): { start: number; end: number } | null {
    return this.store.get().report?.passage ?? null;
  }

  // ---- rendering ---------------------------------------------------------------------------

  private render(): void {
    if (!this.data) return;
    const { report, passages } = this.data;
    clear(this.el);
    clear(this.body);
    this.el.append(h('h2', { id: 'report-heading' }, rt('report.heading')));
    if (!report.installed) {
      this.el.append(
        h(
          'div',
          { class: 'report-install', role: 'note' },
          h('p', {}, rt('report.notInstalled')),
          h('p', {}, rt('report.install', { dropIn: report.install.dropIn })),
        ),
      );
    }
    const headings = report.headings;
    this.el.append(this.contents(headings, report.installed ? undefined : passages), this.card, this.gaps());
    if (report.installed) this.renderText(report, passages);
    else this.renderPassagesOnly(headings, passages);
    this.el.append(this.body);
    this.renderCard();
  }

  private headingTitle(hd: ReportHeading): Array<HTMLElement | null> {
    const en = getLang() === 'en' && hd.titleEn !== undefined;
    return [
      h('span', { lang: en ? 'en' : 'zh-CN' }, en ? hd.titleEn! : hd.title),
      en ? h('span', { class: 'report-heading-other', lang: 'zh-CN' }, ` ${hd.title}`) : hd.titleEn !== undefined ? h('span', { class: 'report-heading-other', lang: 'en' }, ` ${hd.titleEn}`) : null,
    ];
  }

  private contents(headings: readonly ReportHeading[], onlyCited?: PassagesResponse): HTMLElement {
    const cited = onlyCited ? new Set(onlyCited.passages.flatMap((p) => ancestry(headings, p.heading))) : undefined;
    const items = headings
      .filter((hd) => hd.kind !== 'figure' && (cited === undefined || cited.has(hd.index)))
      .map((hd) =>
        h(
          'li',
          { class: `toc-${hd.kind}` },
          h('button', { type: 'button', class: 'link', onclick: () => this.scrollToHeading(hd.index) }, this.headingTitle(hd)),
        ),
      );
    return h('nav', { class: 'report-contents', 'aria-label': rt('report.contents') }, h('details', { open: this.current === null }, h('summary', {}, rt('report.contents')), h('ol', {}, items)));
  }

  private headingBlock(hd: ReportHeading): HTMLElement {
    const tag = hd.kind === 'chapter' ? 'h3' : 'h4';
    const el = h(tag, { id: `report-h-${hd.index}`, class: `report-h report-${hd.kind}` }, this.headingTitle(hd));
    if (hd.kind !== 'section' && hd.kind !== 'table') return el;
    return h(
      'div',
      { class: 'report-h-wrap' },
      el,
      h('button', { type: 'button', class: 'link section-facts', 'data-heading': String(hd.index), onclick: () => this.showSection(hd.index) }, rt('report.sectionFacts')),
    );
  }

  private renderText(report: Extract<ReportResponse, { installed: true }>, passages: PassagesResponse): void {
    for (const b of report.blocks) {
      if (b.kind === 'heading') {
        const hd = report.headings.find((x) => x.start === b.start);
        if (hd) {
          this.body.append(this.headingBlock(hd));
          continue;
        }
      }
      const el = h('p', { class: `report-${b.kind}`, id: `report-b-${b.start}`, 'data-start': String(b.start) });
      for (const seg of segmentsOf(b, passages.passages)) {
        if (seg.keys.length === 0) el.append(seg.text);
        else el.append(this.mark(seg.text, seg.keys, seg.primary));
      }
      this.body.append(el);
    }
  }

  private renderPassagesOnly(headings: readonly ReportHeading[], passages: PassagesResponse): void {
    const shown = new Set<number>();
    for (const p of passages.passages) {
      const chain = ancestry(headings, p.heading);
      for (const i of chain) {
        if (shown.has(i)) continue;
        shown.add(i);
        this.body.append(this.headingBlock(headings[i]!));
      }
      const key = passageKey(p);
      this.body.append(h('p', { class: 'report-paragraph report-cited-only' }, this.mark(p.quotes[0]!.quote, [key], key)));
    }
  }

  private mark(text: string, keys: string[], primary: string): HTMLElement {
    const current = this.current;
    const isCurrent = current !== null && keys.includes(`${current.start}-${current.end}`);
    return h(
      'mark',
      {
        class: `passage${isCurrent ? ' current' : ''}`,
        tabindex: '0',
        role: 'button',
        'data-keys': keys.join(' '),
        'data-passage': primary,
        onclick: () => this.open(primary),
        onkeydown: (e: Event) => {
          const k = (e as KeyboardEvent).key;
          if (k === 'Enter' || k === ' ') {
            e.preventDefault();
            this.open(primary);
          }
        },
      },
      text,
    );
  }

  private open(key: string): void {
    const [start, end] = key.split('-').map(Number) as [number, number];
    this.sectionShown = null;
    this.store.set({ report: { passage: { start, end } } });
  }

  // ---- the card: a passage's facts, or a section's ---------------------------------------------

  private passageAt(at: { start: number; end: number } | null): Passage | undefined {
    if (at === null || !this.data) return undefined;
    return this.data.passages.passages.find((p) => p.start === at.start && p.end === at.end);
  }

  /** Re-marks the current passage, fills the card, lights its facts, and scrolls to it. */
  private showPassage(scroll: boolean): void {
    if (!this.data) return;
    const key = this.current ? `${this.current.start}-${this.current.end}` : null;
    for (const m of this.el.querySelectorAll<HTMLElement>('mark.passage')) {
      m.classList.toggle('current', key !== null && (m.dataset['keys'] ?? '').split(' ').includes(key));
    }
    if (key !== null) this.sectionShown = null;
    this.renderCard();
    const p = this.passageAt(this.current);
    if (p) this.light(p.facts);
    if (scroll && key !== null) {
      const first = this.el.querySelector<HTMLElement>(`mark.passage[data-keys~="${key}"]`);
      if (first) requestAnimationFrame(() => this.scrollBelowCard(first));
    }
  }

  /** Scrolls the panel so the element stands in the middle of what the sticky card leaves visible. */
  private scrollBelowCard(el: HTMLElement): void {
    const panel = this.el.closest<HTMLElement>('.tabpanel');
    if (!panel) {
      el.scrollIntoView({ block: 'center' });
      return;
    }
    const pr = panel.getBoundingClientRect();
    const card = this.card.getBoundingClientRect().height;
    const er = el.getBoundingClientRect();
    const room = pr.height - card;
    panel.scrollTop += er.top - pr.top - card - Math.max(0, (room - er.height) / 2);
  }

  private light(facts: readonly PassageFact[]): void {
    const nodes = new Set<string>();
    const rels = new Set<string>();
    for (const f of facts) {
      if (f.kind === 'relationship') {
        rels.add(f.id);
        nodes.add(f.source);
        nodes.add(f.target);
      } else nodes.add(f.id);
    }
    this.actions.showFacts([...nodes], [...rels]);
  }

  private renderCard(): void {
    clear(this.card);
    if (!this.data) return;
    if (this.sectionShown !== null) {
      const hd = this.data.report.headings[this.sectionShown]!;
      const facts = factsOfHeading(this.data.report.headings, this.data.passages.passages, hd.index);
      this.card.append(
        h(
          'div',
          { class: 'report-card-inner' },
          this.cardHead(rt('report.sectionFactsHeading', { section: getLang() === 'en' && hd.titleEn ? hd.titleEn : hd.title, n: facts.length })),
          facts.length ? this.factList(facts) : h('p', { class: 'muted' }, rt('report.sectionNoFacts')),
        ),
      );
      return;
    }
    const p = this.passageAt(this.current);
    if (!p) return;
    const path = ancestry(this.data.report.headings, p.heading).map((i) => this.data!.report.headings[i]!);
    const link = `${location.pathname}${writeUrlState({ ...toUrlState(this.store.get()), node: null, question: null, camera: null, report: { passage: { start: p.start, end: p.end } } })}`;
    this.card.append(
      h(
        'div',
        { class: 'report-card-inner', 'data-passage': passageKey(p) },
        this.cardHead(rt('report.passage')),
        h('p', { class: 'report-card-path' }, path.map((hd) => (getLang() === 'en' && hd.titleEn ? hd.titleEn : hd.title)).join(' › ')),
        h('blockquote', { class: 'citation' }, h('p', {}, `“${p.quotes[0]!.quote}”`), h('footer', {}, h('a', { href: link, class: 'report-link' }, rt('report.copyLink')))),
        p.problems?.length ? h('p', { class: 'report-problems' }, p.problems.map((x) => rt(`report.problem.${x}` as ReportKey)).join('; ')) : null,
        h('h4', {}, rt('report.factsOfPassage', { n: p.facts.length })),
        p.facts.length ? this.factList(p.facts) : h('p', { class: 'muted' }, rt('report.noFacts')),
        p.tours.length ? h('p', { class: 'muted' }, rt('report.toursOfPassage', { steps: p.tours.map((x) => `${x.tour} ${x.step}`).join(', ') })) : null,
      ),
    );
  }

  private cardHead(title: string): HTMLElement {
    return h(
      'div',
      { class: 'report-card-head' },
      h('strong', {}, title),
      h(
        'button',
        {
          type: 'button',
          class: 'icon-btn',
          'aria-label': rt('report.close'),
          title: rt('report.close'),
          onclick: () => {
            this.sectionShown = null;
            this.store.set({ report: { passage: null }, focus: null });
            this.renderCard();
          },
        },
        '×',
      ),
    );
  }

  private factList(facts: readonly PassageFact[]): HTMLElement {
    const lang = getLang();
    return h(
      'ul',
      { class: 'report-facts' },
      facts.map((f) => {
        let text: string;
        let kind: string;
        let target: string;
        if (f.kind === 'node') {
          kind = t(`label.${f.label}` as MessageKey);
          text = nodeName(f, lang);
          target = f.id;
        } else if (f.kind === 'figure') {
          kind = rt('report.fact.figure');
          text = `${nodeName(f, lang)}: ${lang === 'en' ? f.metricEn : f.metric} ${f.value} ${f.unit}${f.year ? ` (${f.year})` : ''}`;
          target = f.id;
        } else {
          kind = rt('report.fact.relationship');
          const from = lang === 'en' ? f.sourceNameEn : f.sourceName;
          const to = lang === 'en' ? f.targetNameEn : f.targetName;
          text = `${from} —${t(`rel.${f.type}` as MessageKey)}→ ${to}${f.evidence ? ` [${f.evidence}]` : ''}`;
          target = f.source;
        }
        return h(
          'li',
          { 'data-fact': `${f.kind}:${f.id}` },
          h('span', { class: 'report-fact-kind' }, kind),
          ' ',
          h('button', { type: 'button', class: 'link', onclick: () => this.actions.select(target) }, text),
        );
      }),
    );
  }

  private showSection(index: number): void {
    if (!this.data) return;
    this.sectionShown = index;
    this.store.set({ report: { passage: null } });
    this.renderCard();
    this.light(factsOfHeading(this.data.report.headings, this.data.passages.passages, index));
    this.card.scrollIntoView({ block: 'nearest' });
  }

  // ---- the gap list -----------------------------------------------------------------------------

  private gaps(): HTMLElement {
    const box = h('details', { class: 'report-gaps' }, h('summary', {}, rt('report.gaps')));
    if (!this.data) return box;
    const { report, passages } = this.data;
    if (!report.installed) {
      box.append(h('p', { class: 'muted' }, rt('report.gapsNeedText')));
      return box;
    }
    const gaps = gapSpans(report, passages.passages);
    box.append(
      h('p', { class: 'muted' }, rt('report.gapsIntro', { n: gaps.length })),
      h(
        'ol',
        {},
        gaps.map((sp) =>
          h('li', { 'data-start': String(sp.start) }, h('button', { type: 'button', class: 'link', onclick: () => this.scrollToBlock(sp.block) }, sp.text.replace(/\s+/gu, ' ').slice(0, 80) + (sp.text.length > 80 ? '…' : ''))),
        ),
      ),
    );
    return box;
  }

  private scrollToHeading(index: number): void {
    this.el.querySelector(`#report-h-${index}`)?.scrollIntoView({ block: 'start' });
  }

  private scrollToBlock(start: number): void {
    const el = this.el.querySelector<HTMLElement>(`#report-b-${start}`);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.classList.add('flash');
    setTimeout(() => el.classList.remove('flash'), 1500);
  }
}

/** A heading and its ancestors, outermost first. */
function ancestry(headings: readonly ReportHeading[], index: number): number[] {
  const out: number[] = [];
  for (let hd = headings[index]; hd !== undefined; hd = hd.parent === undefined ? undefined : headings[hd.parent]) out.unshift(hd.index);
  return out;
}
