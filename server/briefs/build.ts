/**
 * Briefs from the answers the stores give: who regulates a segment, which rules touch a
 * topic, how two nodes are connected, and one node with its cited relationships. Only store
 * methods of the `GraphStore` contract are used, so both stores give the same brief.
 */
import type { ApiNode, ApiRelationship, RegulatorsAnswer, RulesAnswer, Subgraph } from '../stores/types.js';
import { explainPath, orderPath } from '../explain.js';
import type { Tour } from '../../graph-seed/tour-schema.js';
import { REPORT_REFERENCE } from './reference.js';
import { evidenceOf, nameIn, type Brief, type BriefFact, type BriefGroup, type BriefLang } from './model.js';

const W = {
  zh: {
    regulatorsQ: (s: string) => `谁监管${s}？`,
    regulatorsTitle: (n: number, s: string) => `${n} 个机构监管${s}`,
    rulesQ: (t: string) => `哪些规则涉及${t}？`,
    rulesTitle: (n: number, t: string) => `${n} 项规则涉及${t}`,
    pathQ: (a: string, b: string) => `${a}与${b}如何关联？`,
    nodeQ: (n: string) => `关于${n}，报告说了什么？`,
    issued: (a: string, r: string, d?: string) => `${a}${d ? `于${d}` : ''}发布${r}。`,
    regulates: (r: string, s: string) => `${r}规范${s}。`,
    verb: { PROHIBITS: '禁止', REQUIRES: '要求', ADDRESSES: '涉及' } as Record<string, string>,
    narrower: (kind: string, name: string, names: string[]) => `包括更窄的${kind}（属于${name}）：${names.join('、')}。`,
    direct: (name: string) => `仅限${name}本身。`,
    asOf: (d: string) => `截至 ${d}：之后发布的规则不计入。`,
    asOfNow: '截至报告：全部有日期的规则。',
    counts: (a: number, r: number, e: number) => `${a} 个机构、${r} 项规则、${e} 条记录。`,
    countsRules: (r: number, e: number) => `${r} 项规则、${e} 条记录。`,
    truncated: (shown: number, total: number) => `仅列出前 ${shown} 条，共 ${total} 条。`,
    segments: '业态',
    topics: '主题',
    steps: '路径',
    about: '节点本身',
    links: '关系',
    none: '报告中没有相关记录。',
  },
  en: {
    regulatorsQ: (s: string) => `Who regulates ${s}?`,
    regulatorsTitle: (n: number, s: string) => `${n} ${n === 1 ? 'agency regulates' : 'agencies regulate'} ${s}`,
    rulesQ: (t: string) => `Which rules touch ${t}?`,
    rulesTitle: (n: number, t: string) => `${n} ${n === 1 ? 'rule touches' : 'rules touch'} ${t}`,
    pathQ: (a: string, b: string) => `How are ${a} and ${b} connected?`,
    nodeQ: (n: string) => `What does the report say about ${n}?`,
    issued: (a: string, r: string, d?: string) => `${a} issued ${r}${d ? ` on ${d}` : ''}.`,
    regulates: (r: string, s: string) => `${r} regulates ${s}.`,
    verb: { PROHIBITS: 'prohibits', REQUIRES: 'requires', ADDRESSES: 'addresses' } as Record<string, string>,
    narrower: (kind: string, name: string, names: string[]) => `Includes narrower ${kind} (part of ${name}): ${names.join(', ')}.`,
    direct: (name: string) => `Only ${name} itself.`,
    asOf: (d: string) => `As of ${d}: rules issued after it are left out.`,
    asOfNow: 'As of the report: every dated rule.',
    counts: (a: number, r: number, e: number) => `${a} agencies, ${r} rules, ${e} entries.`,
    countsRules: (r: number, e: number) => `${r} rules, ${e} entries.`,
    truncated: (shown: number, total: number) => `Only the first ${shown} of ${total} entries are listed.`,
    segments: 'segments',
    topics: 'topics',
    steps: 'The path',
    about: 'The node',
    links: 'Relationships',
    none: 'The report records nothing here.',
  },
} as const;

export interface PermalinkParams {
  /** The explorer's origin, e.g. `http://127.0.0.1:8080`. */
  origin: string;
  lang: BriefLang;
}

function permalink(p: PermalinkParams, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  if (p.lang === 'en') q.set('lang', 'en');
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, v);
  // Ids keep their colon: the links stay readable.
  return `${p.origin}/?${q.toString().replace(/%3A/g, ':')}`;
}

function derivationOf(kind: 'segments' | 'topics', asked: ApiNode, matched: ApiNode[], asOf: string | undefined, lang: BriefLang): string[] {
  const w = W[lang];
  const narrower = [...new Map(matched.filter((n) => n.id !== asked.id).map((n) => [n.id, n])).values()];
  return [
    narrower.length ? w.narrower(w[kind], nameIn(asked, lang), narrower.map((n) => nameIn(n, lang))) : w.direct(nameIn(asked, lang)),
    asOf ? w.asOf(asOf) : w.asOfNow,
  ];
}

export function regulatorsBrief(d: RegulatorsAnswer, asOf: string | undefined, link: PermalinkParams): Brief {
  const lang = link.lang;
  const w = W[lang];
  const seg = nameIn(d.segment, lang);
  const rules = new Set(d.agencies.flatMap((a) => a.rules.map((r) => r.rule.id)));
  const entries = d.agencies.reduce((n, a) => n + a.rules.length, 0);
  const derivation = derivationOf('segments', d.segment, d.agencies.flatMap((a) => a.rules.map((r) => r.segment)), asOf, lang);
  derivation.push(w.counts(d.agencies.length, rules.size, entries));
  if (d.truncated) derivation.push(w.truncated(entries, d.total.entries));
  return {
    lang,
    title: w.regulatorsTitle(d.total.agencies, seg),
    question: w.regulatorsQ(seg),
    derivation,
    asOf: asOf ?? null,
    permalink: permalink(link, { q: 'regulators', segment: d.segment.id, to: asOf }),
    groups: d.agencies.map(({ agency, rules: rs }) => ({
      heading: nameIn(agency, lang),
      facts: rs.flatMap((r): BriefFact[] => [
        { statement: w.issued(nameIn(agency, lang), nameIn(r.rule, lang), r.rule.date), evidence: evidenceOf(r.issued), sources: r.issued.sources.length ? r.issued.sources : r.rule.sources },
        { statement: w.regulates(nameIn(r.rule, lang), nameIn(r.segment, lang)), evidence: evidenceOf(r.regulates), sources: r.regulates.sources },
      ]),
    })),
    reference: REPORT_REFERENCE[lang],
  };
}

export function rulesBrief(d: RulesAnswer, asOf: string | undefined, link: PermalinkParams): Brief {
  const lang = link.lang;
  const w = W[lang];
  const topic = nameIn(d.topic, lang);
  const ruleIds = new Set(d.rules.map((r) => r.rule.id));
  const derivation = derivationOf('topics', d.topic, d.rules.map((r) => r.topic), asOf, lang);
  derivation.push(w.countsRules(ruleIds.size, d.rules.length));
  if (d.truncated) derivation.push(w.truncated(d.rules.length, d.total));
  // Grouped by rule: one heading per rule, then what it does to which topic.
  const byRule = new Map<string, { rule: ApiNode; facts: BriefFact[] }>();
  for (const r of d.rules) {
    const g = byRule.get(r.rule.id) ?? { rule: r.rule, facts: [] };
    const verb = w.verb[r.relationship.type] ?? r.relationship.type;
    g.facts.push({
      statement: lang === 'zh' ? `${nameIn(r.rule, lang)}${verb}${nameIn(r.topic, lang)}。` : `${nameIn(r.rule, lang)} ${verb} ${nameIn(r.topic, lang)}.`,
      evidence: evidenceOf(r.relationship),
      sources: r.sources.length ? r.sources : r.relationship.sources,
    });
    byRule.set(r.rule.id, g);
  }
  return {
    lang,
    title: w.rulesTitle(ruleIds.size, topic),
    question: w.rulesQ(topic),
    derivation,
    asOf: asOf ?? null,
    permalink: permalink(link, { q: 'rules', topic: d.topic.id, to: asOf }),
    groups: [...byRule.values()].map(({ rule, facts }) => ({ heading: `${nameIn(rule, lang)}${rule.date ? ` · ${rule.date}` : ''}`, facts })),
    reference: REPORT_REFERENCE[lang],
  };
}

export function pathBrief(path: Subgraph, from: string, to: string, link: PermalinkParams): Brief {
  const lang = link.lang;
  const w = W[lang];
  const byId = new Map(path.nodes.map((n) => [n.id, n]));
  const a = byId.get(from);
  const b = byId.get(to);
  const an = a ? nameIn(a, lang) : from;
  const bn = b ? nameIn(b, lang) : to;
  const steps = orderPath(path, from);
  const sentences = explainPath(path, from)[lang];
  return {
    lang,
    title: w.pathQ(an, bn),
    question: w.pathQ(an, bn),
    derivation: [],
    asOf: null,
    permalink: permalink(link, { q: 'path', a: from, b: to }),
    groups: [
      {
        heading: w.steps,
        // The explanation carries the quote inline; the brief lists it as a citation instead.
        facts: steps.map((s, i) => ({ statement: stripCitation(sentences[i] ?? '', lang), evidence: evidenceOf(s.rel), sources: s.rel.sources.length ? s.rel.sources : (s.source.label === 'Rule' ? s.source : s.target).sources })),
      },
    ],
    reference: REPORT_REFERENCE[lang],
  };
}

/** Drops the trailing "(source: …)" of an explanation sentence. */
function stripCitation(s: string, lang: BriefLang): string {
  const i = lang === 'zh' ? s.lastIndexOf('（出处') : s.lastIndexOf(' (source');
  const j = lang === 'zh' ? s.lastIndexOf('（据报告') : s.lastIndexOf(' (inferred');
  const k = lang === 'en' ? s.lastIndexOf(' (attributed') : -1;
  const cut = [i, j, k].filter((x) => x > 0);
  const body = cut.length ? s.slice(0, Math.min(...cut)) : s;
  return lang === 'zh' ? `${body}。` : `${body}.`;
}

const REL_WORDS: Record<BriefLang, Record<string, string>> = {
  zh: { ISSUED: '发布', REGULATES: '规范', PROHIBITS: '禁止', REQUIRES: '要求', ADDRESSES: '涉及', IMPLEMENTS: '落实', PART_OF: '属于', APPLIED_IN: '应用于', EMERGED_IN: '兴起于', MARKS: '标志着', PRECEDES: '先于', INVOLVED: '关联' },
  en: { ISSUED: 'issued', REGULATES: 'regulates', PROHIBITS: 'prohibits', REQUIRES: 'requires', ADDRESSES: 'addresses', IMPLEMENTS: 'implements', PART_OF: 'is part of', APPLIED_IN: 'is applied in', EMERGED_IN: 'emerged in', MARKS: 'marks', PRECEDES: 'precedes', INVOLVED: 'involved' },
};

export function nodeBrief(node: ApiNode, neighbours: Subgraph, link: PermalinkParams): Brief {
  const lang = link.lang;
  const w = W[lang];
  const byId = new Map(neighbours.nodes.map((n) => [n.id, n]));
  const n = nameIn(node, lang);
  const description = lang === 'en' ? node.descriptionEn || node.description : node.description;
  const rels = [...neighbours.relationships].sort((x, y) => x.type.localeCompare(y.type) || x.id.localeCompare(y.id));
  const fact = (r: ApiRelationship): BriefFact | null => {
    const s = byId.get(r.source);
    const t = byId.get(r.target);
    if (!s || !t) return null;
    const verb = REL_WORDS[lang][r.type] ?? r.type;
    return {
      statement: lang === 'zh' ? `${nameIn(s, lang)}${verb}${nameIn(t, lang)}。` : `${nameIn(s, lang)} ${verb} ${nameIn(t, lang)}.`,
      evidence: evidenceOf(r),
      sources: r.sources,
    };
  };
  return {
    lang,
    title: n,
    question: w.nodeQ(n),
    derivation: [],
    asOf: null,
    permalink: permalink(link, { node: node.id }),
    groups: [
      { heading: w.about, facts: [{ statement: description || n, evidence: 'stated' as const, sources: node.sources }] },
      { heading: w.links, facts: rels.map(fact).filter((f): f is BriefFact => f !== null) },
    ].filter((g: BriefGroup) => g.facts.length > 0),
    reference: REPORT_REFERENCE[lang],
  };
}


/** A guided tour: one section per step, its text and the quotes it cites. */
export function tourBrief(tour: Tour, link: PermalinkParams): Brief {
  const lang = link.lang;
  const asOf = lang === 'zh' ? (d: string) => `（截至 ${d}）` : (d: string) => ` (as of ${d})`;
  return {
    lang,
    title: tour.title[lang],
    question: tour.summary[lang],
    derivation: [],
    asOf: null,
    permalink: permalink(link, { teach: 'tours', tour: tour.id }),
    groups: tour.steps.map((s, i) => ({
      heading: `${i + 1}. ${s.title[lang]}${s.asOf ? asOf(s.asOf) : ''}`,
      facts: [{ statement: s.text[lang], evidence: 'stated' as const, sources: s.sources }],
    })),
    reference: REPORT_REFERENCE[lang],
  };
}
