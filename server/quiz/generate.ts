/**
 * Quiz questions generated from the graph, never written by hand: each kind of question is
 * a pattern over relationships (who led a rule, when it was issued, which segment it
 * regulates, which rule prohibits a topic, which phase follows another or a rule marks),
 * and every question carries the citation of the fact it asks about and the ids of the
 * nodes that show it.
 *
 * Exactly one option is right by construction, and it rests on what the report states:
 * - the right answer is a relationship with no `evidence` (stated), never one the graph
 *   attributes or infers (graph-seed/README.md, "Conventions in properties");
 * - a distractor is drawn only from nodes that the graph does NOT connect to the subject in
 *   the asked way by any relationship (stated, attributed or inferred, with or without a
 *   qualifier), nor through the PART_OF hierarchy (where that would make it half-right);
 *   date distractors neither equal nor contain the right date (`2016` is not offered
 *   against `2016-10-13`);
 * - a qualifier of the fact (`condition`: 在无牌照下, 违规 …) is part of the question and of
 *   the explanation, since "prohibits X without a licence" is not "prohibits X".
 *
 * Pure and deterministic: the same graph and seed give the same quiz. Candidates are built
 * in id order and drawn with a seeded PRNG, so storage order does not matter.
 */
import { compareStrings } from '../../graph-seed/dates.js';
import type { ApiNode, ApiRelationship, Source, Subgraph } from '../stores/types.js';
import { mulberry32 } from '../../graph-seed/random.js';
import { conditionOf, evidenceOf } from '../../graph-seed/vocabulary.js';

export interface Bilingual {
  zh: string;
  en: string;
}

export const QUIZ_KINDS = ['lead-agency', 'rule-date', 'regulated-segment', 'prohibiting-rule', 'next-phase', 'marked-phase'] as const;
export type QuizKind = (typeof QUIZ_KINDS)[number];

export interface QuizOption {
  /** A node id, or `date:2016-10-13` for a date. */
  id: string;
  label: Bilingual;
}

export interface QuizQuestion {
  /** Stable within a graph: the kind and the subject (`lead-agency:rule:p2p-interim-measures-2016`). */
  id: string;
  kind: QuizKind;
  prompt: Bilingual;
  /** Two to four options, in a seeded order. */
  options: QuizOption[];
  /** The id of the right option. */
  answer: string;
  /** Why, in one sentence per language, shown after answering. */
  explanation: Bilingual;
  /** Where the report says so. */
  citation: Source[];
  /** The nodes that show the answer in the graph (subject and right answer). */
  subgraph: string[];
}

export interface Quiz {
  seed: number;
  /** Questions asked for (after clamping to what the graph can give). */
  count: number;
  /** How many different questions the graph can give. */
  available: number;
  questions: QuizQuestion[];
}

export const MAX_OPTIONS = 4;
const MIN_DISTRACTORS = 2;

/** Shuffles a quiz the same way on every platform for the same seed. */
export const seededRandom = mulberry32;

function shuffle<T>(xs: readonly T[], rnd: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)]!;
const label = (n: ApiNode): Bilingual => ({ zh: n.name, en: n.nameEn });
/** An English title in quotes, unless it is an abbreviation-like short name. */
const enTitle = (n: ApiNode): string => (n.label === 'Rule' ? `“${n.nameEn}”` : n.nameEn);

export function dateLabel(date: string): Bilingual {
  const [y, m, d] = date.split('-');
  const zh = `${y}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const en = d ? `${Number(d)} ${months[Number(m) - 1]} ${y}` : m ? `${months[Number(m) - 1]} ${y}` : y!;
  return { zh, en };
}

/** Two ISO prefixes overlap when one contains the other (`2016` and `2016-10-13`). */
export function datesOverlap(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** Indexes over the graph that every question kind uses. */
export class QuizGraph {
  readonly nodes: Map<string, ApiNode>;
  readonly sorted: ApiNode[];
  private readonly out = new Map<string, ApiRelationship[]>();
  private readonly inc = new Map<string, ApiRelationship[]>();

  constructor(g: Subgraph) {
    this.sorted = [...g.nodes].sort((a, b) => compareStrings(a.id, b.id));
    this.nodes = new Map(this.sorted.map((n) => [n.id, n]));
    const rels = [...g.relationships].sort((a, b) => compareStrings(a.id, b.id));
    for (const r of rels) {
      if (!this.nodes.has(r.source) || !this.nodes.has(r.target)) continue;
      (this.out.get(r.source) ?? this.out.set(r.source, []).get(r.source)!).push(r);
      (this.inc.get(r.target) ?? this.inc.set(r.target, []).get(r.target)!).push(r);
    }
  }

  node(id: string): ApiNode {
    return this.nodes.get(id)!;
  }
  withLabel(l: string): ApiNode[] {
    return this.sorted.filter((n) => n.label === l);
  }
  outOf(id: string, type: string): ApiRelationship[] {
    return (this.out.get(id) ?? []).filter((r) => r.type === type);
  }
  into(id: string, type: string): ApiRelationship[] {
    return (this.inc.get(id) ?? []).filter((r) => r.type === type);
  }
  /** The node and everything above it (PART_OF, any depth). */
  broader(id: string): Set<string> {
    return this.walk(id, (x) => this.outOf(x, 'PART_OF').map((r) => r.target));
  }
  /** The node and everything below it. */
  narrower(id: string): Set<string> {
    return this.walk(id, (x) => this.into(x, 'PART_OF').map((r) => r.source));
  }
  private walk(id: string, next: (id: string) => string[]): Set<string> {
    const seen = new Set([id]);
    const queue = [id];
    for (let i = 0; i < queue.length; i++) for (const n of next(queue[i]!)) if (!seen.has(n)) (seen.add(n), queue.push(n));
    return seen;
  }
}

/** A question waiting for its random choices. */
interface Candidate {
  id: string;
  build(rnd: () => number): QuizQuestion;
}

function assemble(
  rnd: () => number,
  base: Omit<QuizQuestion, 'options' | 'answer'>,
  right: QuizOption,
  distractors: readonly QuizOption[],
): QuizQuestion {
  const chosen = shuffle(distractors, rnd).slice(0, MAX_OPTIONS - 1);
  return { ...base, options: shuffle([right, ...chosen], rnd), answer: right.id };
}

const nodeOption = (n: ApiNode): QuizOption => ({ id: n.id, label: label(n) });

/** Only what the report states can be a right answer. */
const stated = (r: ApiRelationship): boolean => evidenceOf(r.properties) === 'stated';

/** "on 13 October 2016", "in October 2016", "in 2016". */
const onDate = (date: string): string => `${date.length === 10 ? 'on' : 'in'} ${dateLabel(date).en}`;

export function candidates(g: QuizGraph): Candidate[] {
  const out: Candidate[] = [];
  const agencies = g.withLabel('Agency');
  const issuers = agencies.filter((a) => g.outOf(a.id, 'ISSUED').length > 0);
  const rules = g.withLabel('Rule');
  const segments = g.withLabel('Segment');
  const phases = g.withLabel('Phase');

  // Which agency led 《…》? Only rules with exactly one lead, stated; distractors issued other
  // rules but not this one, and are neither above nor below an issuer (PART_OF).
  for (const rule of rules) {
    const issued = g.into(rule.id, 'ISSUED');
    const leads = issued.filter((r) => r.properties['role'] === 'lead');
    if (leads.length !== 1 || !stated(leads[0]!)) continue;
    const lead = leads[0]!;
    const involved = new Set(issued.flatMap((r) => [...g.broader(r.source), ...g.narrower(r.source)]));
    let pool = issuers.filter((a) => !involved.has(a.id));
    if (pool.length < MIN_DISTRACTORS) pool = agencies.filter((a) => !involved.has(a.id));
    if (pool.length < MIN_DISTRACTORS) continue;
    const agency = g.node(lead.source);
    out.push({
      id: `lead-agency:${rule.id}`,
      build: (rnd) =>
        assemble(
          rnd,
          {
            id: `lead-agency:${rule.id}`,
            kind: 'lead-agency',
            // "Led" only where there is someone to lead: a sole issuer (广州市, or the G20,
            // which adopted its principles at a summit) issued the document.
            prompt:
              issued.length > 1
                ? { zh: `哪个机构牵头发布了${rule.name}？`, en: `Which agency led ${enTitle(rule)}?` }
                : { zh: `${rule.name}是哪个机构发布的？`, en: `Which body issued ${enTitle(rule)}?` },
            explanation:
              issued.length > 1
                ? {
                    zh: `${rule.name}由${agency.name}牵头发布，共同发布的还有${issued.length - 1}个机构。`,
                    en: `${agency.nameEn} led ${enTitle(rule)}, with ${issued.length - 1} co-issuer${issued.length > 2 ? 's' : ''} named in the graph.`,
                  }
                : {
                    zh: `${rule.name}由${agency.name}发布。`,
                    en: `${enTitle(rule)} was issued by ${agency.nameEn}${typeof lead.properties['note'] === 'string' ? ` (${lead.properties['note'].replace(/\.$/, '')})` : ''}.`,
                  },
            citation: lead.sources,
            subgraph: [agency.id, rule.id],
          },
          nodeOption(agency),
          pool.map(nodeOption),
        ),
    });
  }

  // When was 《…》 issued? Distractors: other dates in the graph that neither equal nor contain it.
  const allDates = [...new Set(g.sorted.filter((n) => (n.label === 'Rule' || n.label === 'Event') && n.date).map((n) => n.date!))].sort();
  for (const rule of rules) {
    const date = rule.date;
    if (date === undefined) continue;
    const pool = allDates.filter((d) => !datesOverlap(d, date));
    if (pool.length < MIN_DISTRACTORS) continue;
    const issuedBy = g.into(rule.id, 'ISSUED').map((r) => r.source);
    out.push({
      id: `rule-date:${rule.id}`,
      build: (rnd) =>
        assemble(
          rnd,
          {
            id: `rule-date:${rule.id}`,
            kind: 'rule-date',
            prompt: { zh: `${rule.name}是什么时候发布的？`, en: `When was ${enTitle(rule)} issued?` },
            explanation: { zh: `${rule.name}发布于${dateLabel(date).zh}。`, en: `${enTitle(rule)} was issued ${onDate(date)}.` },
            citation: rule.sources,
            subgraph: [rule.id, ...issuedBy],
          },
          { id: `date:${date}`, label: dateLabel(date) },
          pool.map((d) => ({ id: `date:${d}`, label: dateLabel(d) })),
        ),
    });
  }

  // Which segment does 《…》 regulate? Distractors: segments neither regulated nor above or below one that is.
  for (const rule of rules) {
    const all = g.outOf(rule.id, 'REGULATES');
    const regs = all.filter(stated);
    if (regs.length === 0) continue;
    const excluded = new Set<string>();
    for (const r of all) for (const s of [...g.broader(r.target), ...g.narrower(r.target)]) excluded.add(s);
    const pool = segments.filter((s) => !excluded.has(s.id));
    if (pool.length < MIN_DISTRACTORS) continue;
    out.push({
      id: `regulated-segment:${rule.id}`,
      build: (rnd) => {
        const reg = pick(regs, rnd);
        const seg = g.node(reg.target);
        return assemble(
          rnd,
          {
            id: `regulated-segment:${rule.id}`,
            kind: 'regulated-segment',
            prompt: { zh: `${rule.name}规范的是哪个业态？`, en: `Which segment does ${enTitle(rule)} regulate?` },
            explanation: {
              zh: `${rule.name}规范${regs.map((r) => g.node(r.target).name).join('、')}。`,
              en: `${enTitle(rule)} regulates ${regs.map((r) => g.node(r.target).nameEn.toLowerCase()).join(', ')}.`,
            },
            citation: reg.sources,
            subgraph: [rule.id, seg.id],
          },
          nodeOption(seg),
          pool.map(nodeOption),
        );
      },
    });
  }

  // Which rule prohibits <topic>? Distractors prohibit neither it nor a broader or narrower topic.
  for (const topic of g.withLabel('Topic')) {
    const bans = g.into(topic.id, 'PROHIBITS').filter((r) => g.node(r.source).label === 'Rule' && stated(r));
    if (bans.length === 0) continue;
    const related = new Set([...g.broader(topic.id), ...g.narrower(topic.id)]);
    const pool = rules.filter((r) => !g.outOf(r.id, 'PROHIBITS').some((p) => related.has(p.target)));
    if (pool.length < MIN_DISTRACTORS) continue;
    out.push({
      id: `prohibiting-rule:${topic.id}`,
      build: (rnd) => {
        const ban = pick(bans, rnd);
        const rule = g.node(ban.source);
        const cond = conditionOf(ban.properties);
        const q = { zh: cond ? `（${cond.zh}）` : '', en: cond ? ` ${cond.en}` : '' };
        return assemble(
          rnd,
          {
            id: `prohibiting-rule:${topic.id}`,
            kind: 'prohibiting-rule',
            prompt: { zh: `下列哪项规则禁止“${topic.name}”${q.zh}？`, en: `Which of these rules prohibits ${topic.nameEn.toLowerCase()}${q.en}?` },
            explanation: { zh: `${rule.name}禁止${topic.name}${q.zh}。`, en: `${enTitle(rule)} prohibits ${topic.nameEn.toLowerCase()}${q.en}.` },
            citation: ban.sources,
            subgraph: [rule.id, topic.id],
          },
          nodeOption(rule),
          pool.map(nodeOption),
        );
      },
    });
  }

  // Which phase came directly after <phase>?
  for (const phase of phases) {
    const next = g.outOf(phase.id, 'PRECEDES').filter((r) => g.node(r.target).label === 'Phase');
    if (next.length !== 1 || !stated(next[0]!)) continue;
    const succ = g.node(next[0]!.target);
    const pool = phases.filter((p) => p.id !== phase.id && p.id !== succ.id);
    if (pool.length < MIN_DISTRACTORS) continue;
    out.push({
      id: `next-phase:${phase.id}`,
      build: (rnd) =>
        assemble(
          rnd,
          {
            id: `next-phase:${phase.id}`,
            kind: 'next-phase',
            prompt: { zh: `紧接在${phase.name}之后的是哪个阶段？`, en: `Which phase came directly after the ${phase.nameEn.toLowerCase()}?` },
            explanation: { zh: `${phase.name}之后是${succ.name}。`, en: `The ${succ.nameEn.toLowerCase()} followed the ${phase.nameEn.toLowerCase()}.` },
            citation: [...phase.sources.slice(0, 1), ...succ.sources.slice(0, 1)],
            subgraph: [phase.id, succ.id],
          },
          nodeOption(succ),
          pool.map(nodeOption),
        ),
    });
  }

  // Which phase does 《…》 mark?
  for (const marker of g.sorted.filter((n) => n.label === 'Rule' || n.label === 'Event')) {
    const marks = g.outOf(marker.id, 'MARKS');
    if (marks.length !== 1 || !stated(marks[0]!)) continue;
    const phase = g.node(marks[0]!.target);
    const pool = phases.filter((p) => p.id !== phase.id);
    if (pool.length < MIN_DISTRACTORS) continue;
    const role = marks[0]!.properties['role'];
    out.push({
      id: `marked-phase:${marker.id}`,
      build: (rnd) =>
        assemble(
          rnd,
          {
            id: `marked-phase:${marker.id}`,
            kind: 'marked-phase',
            prompt: { zh: `${marker.name}标志着哪个发展阶段？`, en: `Which development phase does ${enTitle(marker)} mark?` },
            explanation: {
              zh: `${marker.name}标志着${phase.name}。`,
              en: `${enTitle(marker)} marks the ${phase.nameEn.toLowerCase()}${typeof role === 'string' ? ` (${role})` : ''}.`,
            },
            citation: marks[0]!.sources,
            subgraph: [marker.id, phase.id],
          },
          nodeOption(phase),
          pool.map(nodeOption),
        ),
    });
  }
  return out;
}

export const MAX_QUIZ_COUNT = 20;

/** `count` questions (fewer when the graph cannot give that many), all different, for this seed. */
export function generateQuiz(graph: Subgraph, opts: { seed: number; count: number }): Quiz {
  if (!Number.isInteger(opts.seed) || opts.seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${opts.seed}`);
  if (!Number.isInteger(opts.count) || opts.count < 1 || opts.count > MAX_QUIZ_COUNT) {
    throw new RangeError(`count must be an integer from 1 to ${MAX_QUIZ_COUNT}, got ${opts.count}`);
  }
  const rnd = seededRandom(opts.seed);
  const all = candidates(new QuizGraph(graph));
  // Interleave kinds so a short quiz is varied: shuffle within each kind, then round-robin
  // over the kinds in a seeded order.
  const byKind = new Map<string, Candidate[]>();
  for (const c of all) {
    const k = c.id.slice(0, c.id.indexOf(':'));
    (byKind.get(k) ?? byKind.set(k, []).get(k)!).push(c);
  }
  const queues = shuffle([...byKind.keys()].sort(), rnd).map((k) => shuffle(byKind.get(k)!, rnd));
  const order: Candidate[] = [];
  while (queues.some((q) => q.length > 0)) for (const q of queues) if (q.length > 0) order.push(q.shift()!);
  const count = Math.min(opts.count, order.length);
  return { seed: opts.seed, count, available: order.length, questions: order.slice(0, count).map((c) => c.build(rnd)) };
}
