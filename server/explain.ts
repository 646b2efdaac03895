/**
 * Turns a path into sentences a reader can check: one per step, in Chinese and English,
 * built from the relationship type, both node names, the rule's date and the citation.
 * A path may walk a relationship backwards; each sentence still states the relationship
 * in its true direction (source → target).
 */
import type { ApiNode, ApiRelationship, Source, Subgraph } from './stores/types.js';
import { conditionOf, EVIDENCE_NAMES, evidenceOf, type EvidenceLevel, type RelType } from '../graph-seed/vocabulary.js';

export interface Explanation {
  zh: string[];
  en: string[];
  /** The evidence level of each step, in the same order (stated / attributed / inferred). */
  evidence: EvidenceLevel[];
}

/**
 * A node's name in the sentence's language. Rule titles get book-title marks unless the
 * seed already wrote them; in English a rule keeps its Chinese title in brackets, which is
 * how a reader finds it in the report. A local measure is not a document the report names
 * (广州 "叫停首付贷、众筹购房等违规行为" is a clause of a sentence), so it is never dressed as one.
 */
function title(node: ApiNode, lang: 'zh' | 'en' = 'zh'): string {
  const isDocument = node.label === 'Rule' && node.kind !== 'local-measure';
  const zh = isDocument && !node.name.startsWith('《') ? `《${node.name}》` : node.name;
  if (lang === 'zh') return zh;
  const en = node.nameEn || node.name;
  return node.label === 'Rule' && en !== node.name ? `${en} (${zh})` : en;
}

/** A dated node (rule or event) carries its date in brackets when it is not the ISSUED date. */
function named(node: ApiNode, lang: 'zh' | 'en'): string {
  if (node.date === undefined || (node.label !== 'Rule' && node.label !== 'Event')) return title(node, lang);
  if (lang === 'zh') return `${title(node)}（${node.date}）`;
  // One bracket for the Chinese title and the date: "Interim Measures (《…》, 2016-08-24)".
  const t = title(node, 'en');
  return t.endsWith(')') ? `${t.slice(0, -1)}, ${node.date})` : `${t} (${node.date})`;
}

/**
 * The evidence of a step. A link the report states cites its first quote (the seed cites the
 * sentence that states the fact first); a link read from the text cites every quote it rests
 * on, so a reader sees the reasoning rather than a fragment.
 */
function citation(sources: readonly Source[], lang: 'zh' | 'en', level: EvidenceLevel): string {
  const s = sources[0];
  if (!s) return '';
  const cited = level === 'stated' ? [s] : sources;
  if (lang === 'zh') {
    const quotes = cited.map((c) => `“${c.quote}”`).join('；');
    return `（${level === 'stated' ? '' : `${EVIDENCE_NAMES[level].zh}，`}出处：${s.section}，${quotes}）`;
  }
  const quotes = cited.map((c) => `“${c.quote}”`).join('; ');
  return ` (${level === 'stated' ? '' : `${level} from the report; `}source: ${s.section}, ${quotes})`;
}

/**
 * What a sentence says before the fact when the report does not state it: an inference is
 * what "the report implies"; an attribution is the report's statement assigned by the graph
 * to a document the report does not name.
 */
const LEAD: Record<EvidenceLevel, { zh: string; en: string }> = {
  stated: { zh: '', en: '' },
  attributed: { zh: '报告未点名文件，图谱将其归属于此：', en: 'The report states this without naming the document; the graph attributes it: ' },
  inferred: { zh: '报告暗示（并未明言）：', en: 'The report implies (without stating it) that ' },
};

/** Verb phrases per type: `zh(a, b)` and `en(a, b)` with `a` the source, `b` the target. */
const PHRASES: Record<RelType, { zh: (a: string, b: string) => string; en: (a: string, b: string) => string }> = {
  ISSUED: { zh: (a, b) => `${a}发布${b}`, en: (a, b) => `${a} issued ${b}` },
  REGULATES: { zh: (a, b) => `${a}规范${b}`, en: (a, b) => `${a} regulates ${b}` },
  PROHIBITS: { zh: (a, b) => `${a}禁止${b}`, en: (a, b) => `${a} prohibits ${b}` },
  REQUIRES: { zh: (a, b) => `${a}要求${b}`, en: (a, b) => `${a} requires ${b}` },
  ADDRESSES: { zh: (a, b) => `${a}涉及${b}`, en: (a, b) => `${a} addresses ${b}` },
  IMPLEMENTS: { zh: (a, b) => `${a}落实${b}`, en: (a, b) => `${a} implements ${b}` },
  PART_OF: { zh: (a, b) => `${a}属于${b}`, en: (a, b) => `${a} is part of ${b}` },
  APPLIED_IN: { zh: (a, b) => `${a}应用于${b}`, en: (a, b) => `${a} is applied in ${b}` },
  EMERGED_IN: { zh: (a, b) => `${a}兴起于${b}`, en: (a, b) => `${a} emerged in ${b}` },
  MARKS: { zh: (a, b) => `${a}标志着${b}`, en: (a, b) => `${a} marks ${b}` },
  PRECEDES: { zh: (a, b) => `${a}先于${b}`, en: (a, b) => `${a} precedes ${b}` },
  INVOLVED: { zh: (a, b) => `${a}关联${b}`, en: (a, b) => `${a} involved ${b}` },
};

/** One step, stated in the relationship's own direction, with its qualifier and evidence level. */
export function explainStep(rel: ApiRelationship, source: ApiNode, target: ApiNode): { zh: string; en: string; evidence: EvidenceLevel } {
  // The sources of the relationship are the evidence for the step; fall back to the rule's own.
  const sources = rel.sources.length > 0 ? rel.sources : (source.label === 'Rule' ? source : target).sources;
  const level = evidenceOf(rel.properties);
  const cond = conditionOf(rel.properties);
  const qualifier = { zh: cond ? `（限定：${cond.zh}）` : '', en: cond ? ` ${cond.en}` : '' };
  let zh: string;
  let en: string;
  if (rel.type === 'ISSUED' && target.date !== undefined) {
    zh = `${source.name}于${target.date}发布${title(target)}`;
    en = `${title(source, 'en')} issued ${title(target, 'en')} on ${target.date}`;
  } else {
    const phrase = PHRASES[rel.type];
    zh = phrase.zh(named(source, 'zh'), named(target, 'zh'));
    en = phrase.en(named(source, 'en'), named(target, 'en'));
  }
  return {
    zh: LEAD[level].zh + zh + qualifier.zh + citation(sources, 'zh', level),
    en: LEAD[level].en + en + qualifier.en + citation(sources, 'en', level),
    evidence: level,
  };
}

/**
 * Orders the relationships of a path subgraph from `from` to `to` (stores need not return
 * them in order) and explains each step. Throws if the subgraph is not a path from `from`.
 */
export function orderPath(path: Subgraph, from: string): Array<{ rel: ApiRelationship; source: ApiNode; target: ApiNode }> {
  const byId = new Map(path.nodes.map((n) => [n.id, n]));
  const unused = new Set(path.relationships);
  const steps: Array<{ rel: ApiRelationship; source: ApiNode; target: ApiNode }> = [];
  let at = from;
  while (unused.size > 0) {
    const next = [...unused].find((r) => r.source === at || r.target === at);
    if (!next) throw new Error(`path subgraph is not a walk from ${from}: stuck at ${at}`);
    unused.delete(next);
    const source = byId.get(next.source);
    const target = byId.get(next.target);
    if (!source || !target) throw new Error(`path relationship ${next.id} has an end missing from the nodes`);
    steps.push({ rel: next, source, target });
    at = next.source === at ? next.target : next.source;
  }
  return steps;
}

export function explainPath(path: Subgraph, from: string): Explanation {
  const out: Explanation = { zh: [], en: [], evidence: [] };
  for (const { rel, source, target } of orderPath(path, from)) {
    const s = explainStep(rel, source, target);
    out.zh.push(s.zh);
    out.en.push(s.en);
    out.evidence.push(s.evidence);
  }
  return out;
}
