/**
 * Answers a reading with the store's existing questions (regulators, rulesTouching,
 * neighborhood, shortestPath, changes, timeline, node): no query of its own, so both stores
 * answer alike. Every answer has the same small shape for the client (a title, rows, the
 * nodes to show) and carries the store's own answer in `data` for other callers.
 */
import { explainStep, orderPath } from '../explain.js';
import { boundKeys, compareByDateThenId, inDateRange } from '../../graph-seed/dates.js';
import type { ApiNode, ApiRelationship, GraphStore, NodeLabel, RelType } from '../stores/types.js';
import { previous } from './dates.js';
import type { AskParams, Reading } from './types.js';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface AnswerRow {
  id: string;
  label: NodeLabel;
  name: string;
  nameEn: string;
  date?: string;
  /** What links the row to the question (relationship, the rules it runs through …). */
  detail?: Bilingual;
  /** The report's words behind the row. */
  quote?: string;
}

export interface AskAnswer {
  title: Bilingual;
  rows: AnswerRow[];
  /** Nodes to show in the graph. */
  highlight: string[];
  /** The node to open, when the question is about one. */
  focus?: string;
  /** Said when the answer is narrower than the question (a view that does not exist yet …). */
  note?: Bilingual;
  data: unknown;
}

const ROW_LIMIT = 200;
const QUOTE_TYPES: RelType[] = ['PROHIBITS', 'REQUIRES', 'ADDRESSES'];
const REL_WORDS: Record<string, Bilingual> = {
  PROHIBITS: { zh: '禁止', en: 'prohibits' },
  REQUIRES: { zh: '要求', en: 'requires' },
  ADDRESSES: { zh: '涉及', en: 'addresses' },
  ISSUED: { zh: '发布', en: 'issued' },
  REGULATES: { zh: '监管', en: 'regulates' },
  EMERGED_IN: { zh: '兴起于', en: 'emerged in' },
  MARKS: { zh: '标志', en: 'marks' },
  PRECEDES: { zh: '先于', en: 'precedes' },
};
const relWord = (type: string): Bilingual => REL_WORDS[type] ?? { zh: type, en: type };

function row(n: ApiNode, detail?: Bilingual, quote?: string): AnswerRow {
  return {
    id: n.id,
    label: n.label,
    name: n.name,
    nameEn: n.nameEn,
    ...(n.date ? { date: n.date } : {}),
    ...(detail ? { detail } : {}),
    ...(quote ? { quote } : {}),
  };
}

const both = (zh: string, en: string): Bilingual => ({ zh, en });
const dateSpan = (p: AskParams): Bilingual => {
  if (p.from && p.to) return p.from === p.to ? both(`（${p.from}）`, ` (${p.from})`) : both(`（${p.from}至${p.to}）`, ` (${p.from} to ${p.to})`);
  if (p.from) return both(`（${p.from}起）`, ` (from ${p.from})`);
  if (p.to) return both(`（至${p.to}）`, ` (up to ${p.to})`);
  return both('', '');
};

async function neighbours(store: GraphStore, id: string, types: RelType[], limit = 500) {
  const hood = await store.neighborhood({ id, depth: 1, limit, ...(types.length > 0 ? { types } : {}) });
  if (!hood) return undefined;
  const byId = new Map(hood.nodes.map((n) => [n.id, n]));
  return { hood, centre: byId.get(id)!, pairs: hood.relationships.map((r) => ({ rel: r, other: byId.get(r.source === id ? r.target : r.source)!, outgoing: r.source === id })) };
}

type Answerer = (store: GraphStore, p: AskParams) => Promise<AskAnswer | undefined>;

const ANSWER: Record<Reading['kind'], Answerer> = {
  async regulators(store, p) {
    const a = await store.regulators(p.segment!, p.asOf, ROW_LIMIT);
    if (!a) return undefined;
    const rows = a.agencies.map((g) => row(g.agency, both(g.rules.map((r) => r.rule.name).join('、'), g.rules.map((r) => r.rule.nameEn).join('; '))));
    const asOf = p.asOf ? both(`（截至${p.asOf}）`, ` (as of ${p.asOf})`) : both('', '');
    return {
      title: both(`监管${a.segment.name}的机构${asOf.zh}：${rows.length}个`, `Regulators of ${a.segment.nameEn}${asOf.en}: ${rows.length}`),
      rows,
      highlight: [a.segment.id, ...a.agencies.flatMap((g) => [g.agency.id, ...g.rules.map((r) => r.rule.id)])],
      data: a,
    };
  },

  async rules(store, p) {
    const a = await store.rulesTouching(p.topic!, p.asOf, ROW_LIMIT);
    if (!a) return undefined;
    const entries = a.rules.filter((r) => !p.relation || r.relationship.type === p.relation);
    const verb = p.relation ? relWord(p.relation) : both('涉及', 'touch');
    return {
      title: both(`${verb.zh}${a.topic.name}的规定：${entries.length}条`, `Rules that ${p.relation ? verb.en.replace(/s$/, '') : 'touch'} ${a.topic.nameEn}: ${entries.length}`),
      rows: entries.map((r) => row(r.rule, both(`${relWord(r.relationship.type).zh}${r.topic.name}`, `${relWord(r.relationship.type).en} ${r.topic.nameEn}`), r.sources[0]?.quote)),
      highlight: [a.topic.id, ...entries.flatMap((r) => [r.rule.id, r.topic.id])],
      data: { ...a, rules: entries },
    };
  },

  async ruleSays(store, p) {
    const n = await neighbours(store, p.rule!, p.relation ? [p.relation as RelType] : QUOTE_TYPES);
    if (!n || n.centre.label !== 'Rule') return undefined;
    const pairs = n.pairs.filter((x) => x.outgoing);
    const verb = p.relation ? relWord(p.relation) : both('涉及', 'says about');
    return {
      title: both(`${n.centre.name}${verb.zh}的事项：${pairs.length}项`, `What ${n.centre.nameEn} ${verb.en}: ${pairs.length}`),
      rows: pairs.map((x) => row(x.other, relWord(x.rel.type), x.rel.sources[0]?.quote)),
      highlight: [n.centre.id, ...pairs.map((x) => x.other.id)],
      data: n.hood,
    };
  },

  async issuers(store, p) {
    const n = await neighbours(store, p.rule!, ['ISSUED']);
    if (!n || n.centre.label !== 'Rule') return undefined;
    const rule = n.centre;
    const agencies = n.pairs.filter((x) => !x.outgoing);
    const rows = agencies.map((x) => row(x.other, both(x.rel.properties['role'] === 'lead' ? '牵头' : '发布', String(x.rel.properties['role'] ?? 'issuer')), x.rel.sources[0]?.quote));
    let title: Bilingual;
    if (p.aspect === 'when') {
      title = rule.date ? both(`${rule.name}发布于${rule.date}`, `${rule.nameEn} was issued in ${rule.date}`) : both(`报告未写明${rule.name}的日期`, `The report gives no date for ${rule.nameEn}`);
    } else if (p.aspect === 'count') {
      const count = rule.issuerCount ?? agencies.length;
      const named = agencies.length < count ? both(`，报告点名${agencies.length}个`, `; the report names ${agencies.length}`) : both('', '');
      title = both(`${rule.name}由${count}个机构发布${named.zh}`, `${rule.nameEn} was issued by ${count} bodies${named.en}`);
    } else {
      title = both(`${rule.name}的发布机构：${agencies.map((x) => x.other.name).join('、')}`, `${rule.nameEn} was issued by ${agencies.map((x) => x.other.nameEn).join(', ')}`);
    }
    return { title, rows: [row(rule), ...rows], highlight: [rule.id, ...agencies.map((x) => x.other.id)], data: { rule, issuers: agencies.map((x) => ({ agency: x.other, issued: x.rel })) } };
  },

  async issued(store, p) {
    const n = await neighbours(store, p.agency!, ['ISSUED']);
    if (!n || n.centre.label !== 'Agency') return undefined;
    // "Issued in 2016" lists the rules the report dates in that span: an undated rule cannot be
    // shown to belong, so with a date range only dated rules are listed.
    const range = boundKeys(p.from, p.to);
    const ranged = p.from !== undefined || p.to !== undefined;
    const rules = n.pairs
      .filter((x) => x.outgoing && (!ranged || x.other.date !== undefined) && inDateRange(x.other, range))
      .map((x) => x.other);
    rules.sort(compareByDateThenId);
    const span = dateSpan(p);
    return {
      title: both(`${n.centre.name}发布的规定${span.zh}：${rules.length}条`, `Rules issued by ${n.centre.nameEn}${span.en}: ${rules.length}`),
      rows: rules.map((r) => row(r)),
      highlight: [n.centre.id, ...rules.map((r) => r.id)],
      data: { agency: n.centre, rules },
    };
  },

  async path(store, p) {
    const path = await store.shortestPath({ from: p.a!, to: p.b!, maxLength: 6, directed: false });
    if (path === undefined) return undefined;
    const [a, b] = await Promise.all([store.node(p.a!), store.node(p.b!)]);
    if (path === null) {
      return { title: both(`${a!.name}与${b!.name}之间在六步内没有联系`, `No connection between ${a!.nameEn} and ${b!.nameEn} within six steps`), rows: [row(a!), row(b!)], highlight: [a!.id, b!.id], data: null };
    }
    const steps = orderPath(path, p.a!);
    let at = p.a!;
    const rows = [row(a!)];
    for (const step of steps) {
      const next = step.rel.source === at ? step.target : step.source;
      rows.push(row(next, explainStep(step.rel, step.source, step.target), step.rel.sources[0]?.quote));
      at = next.id;
    }
    return {
      title: both(`${a!.name}与${b!.name}的联系：${steps.length}步`, `How ${a!.nameEn} is connected to ${b!.nameEn}: ${steps.length} steps`),
      rows,
      highlight: path.nodes.map((n) => n.id),
      data: path,
    };
  },

  async changes(store, p) {
    // changes() takes the dates between which the graph is compared: (from, to].
    const from = p.from ? previous(p.from) : '1900';
    const to = p.to ?? '2099';
    const a = await store.changes(from, to);
    const span = dateSpan(p);
    return {
      title: both(`新出台的规定和事件${span.zh}：${a.added.length}项`, `Rules and events issued${span.en}: ${a.added.length}`),
      rows: a.added.slice(0, ROW_LIMIT).map((n) => row(n)),
      highlight: a.added.slice(0, ROW_LIMIT).map((n) => n.id),
      // The store's whole answer can be every rule of a large graph: the first ones and the count.
      data: { from: a.from, to: a.to, added: a.added.slice(0, ROW_LIMIT), total: a.added.length },
    };
  },

  async phase(store, p) {
    if (p.aspect === 'list' || !p.phase) {
      // Only the list needs the timeline (at scale it holds every dated rule).
      const timeline = await store.timeline();
      return {
        title: both(`互联网金融的发展阶段：${timeline.phases.length}个`, `Development phases: ${timeline.phases.length}`),
        rows: timeline.phases.map((ph) => row(ph, both(years(ph, 'zh'), years(ph, 'en')))),
        highlight: timeline.phases.map((ph) => ph.id),
        data: { phases: timeline.phases },
      };
    }
    const n = await neighbours(store, p.phase, ['PRECEDES', 'EMERGED_IN', 'MARKS']);
    if (!n || n.centre.label !== 'Phase') return undefined;
    const ph = n.centre;
    const pick = (type: RelType, outgoing: boolean) => n.pairs.filter((x) => x.rel.type === type && x.outgoing === outgoing);
    const make = (title: Bilingual, pairs: typeof n.pairs): AskAnswer => ({
      title,
      rows: pairs.map((x) => row(x.other, x.other.label === 'Phase' ? both(years(x.other, 'zh'), years(x.other, 'en')) : relWord(x.rel.type), x.rel.sources[0]?.quote)),
      highlight: [ph.id, ...pairs.map((x) => x.other.id)],
      focus: ph.id,
      data: n.hood,
    });
    switch (p.aspect) {
      case 'next':
        return make(both(`${ph.name}之后的阶段`, `The phase after the ${ph.nameEn.toLowerCase()}`), pick('PRECEDES', true));
      case 'previous':
        return make(both(`${ph.name}之前的阶段`, `The phase before the ${ph.nameEn.toLowerCase()}`), pick('PRECEDES', false));
      case 'segments':
        return make(both(`${ph.name}兴起的业态`, `Segments that emerged in the ${ph.nameEn.toLowerCase()}`), pick('EMERGED_IN', false));
      case 'rules':
        return make(both(`标志${ph.name}的规定`, `Rules that mark the ${ph.nameEn.toLowerCase()}`), pick('MARKS', false));
      default:
        return { ...make(both(`${ph.name}：${years(ph, 'zh')}`, `${ph.nameEn}: ${years(ph, 'en')}`), []), rows: [row(ph, both(years(ph, 'zh'), years(ph, 'en')))] };
    }
  },

  async about(store, p) {
    const n = await neighbours(store, p.node!, [], 60);
    if (!n) return undefined;
    const c = n.centre;
    return {
      title: both(`${c.name}：${c.description}`, `${c.nameEn}: ${c.descriptionEn}`),
      rows: n.pairs.map((x) => row(x.other, x.outgoing ? relWord(x.rel.type) : both(`被${relWord(x.rel.type).zh}`, `${relWord(x.rel.type).en} it`), x.rel.sources[0]?.quote)),
      highlight: [c.id, ...n.pairs.map((x) => x.other.id)],
      focus: c.id,
      data: n.hood,
    };
  },

  async compare(store, p) {
    const [a, b] = await Promise.all([store.regulators(p.a!, undefined, ROW_LIMIT), store.regulators(p.b!, undefined, ROW_LIMIT)]);
    if (!a || !b) return undefined;
    const inA = new Set(a.agencies.map((g) => g.agency.id));
    const inB = new Set(b.agencies.map((g) => g.agency.id));
    const agencies = new Map([...a.agencies, ...b.agencies].map((g) => [g.agency.id, g.agency]));
    const rows = [...agencies.values()].map((ag) => {
      const where = inA.has(ag.id) && inB.has(ag.id) ? both('两者都监管', 'regulates both') : inA.has(ag.id) ? both(`只监管${a.segment.name}`, `only ${a.segment.nameEn}`) : both(`只监管${b.segment.name}`, `only ${b.segment.nameEn}`);
      return row(ag, where);
    });
    return {
      title: both(`${a.segment.name}与${b.segment.name}的监管机构比较`, `Regulators of ${a.segment.nameEn} and ${b.segment.nameEn} compared`),
      rows,
      highlight: [a.segment.id, b.segment.id, ...agencies.keys()],
      note: both('比较视图尚未上线：这里列出两个业态各自的监管机构。', 'The comparison view is not available yet: this lists the regulators of each segment.'),
      data: { a, b },
    };
  },
};

function years(ph: ApiNode, lang: 'zh' | 'en'): string {
  if (ph.startYear === undefined && ph.endYear === undefined) return '';
  if (lang === 'zh') return ph.startYear === undefined ? `${ph.endYear}年以前` : ph.endYear === undefined ? `${ph.startYear}年起` : `${ph.startYear}–${ph.endYear}年`;
  return ph.startYear === undefined ? `before ${ph.endYear}` : ph.endYear === undefined ? `from ${ph.startYear}` : `${ph.startYear}–${ph.endYear}`;
}

/** The answer to a reading, or undefined when a node it names is gone or of another kind. */
export async function answerReading(store: GraphStore, reading: { kind: Reading['kind']; params: AskParams }): Promise<AskAnswer | undefined> {
  const rows = await ANSWER[reading.kind](store, reading.params);
  if (rows && rows.rows.length > ROW_LIMIT) rows.rows = rows.rows.slice(0, ROW_LIMIT);
  return rows;
}

export type { ApiRelationship };
