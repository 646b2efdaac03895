/**
 * The interpreter: question text → a reading (kind, parameters, the parts of the text they
 * rest on, other readings). Deterministic and local: entity names come from the store's
 * own names and aliases (`lexicon.ts`), rules named only by some of their words are found
 * through the store's search index, dates by `dates.ts`, question shapes by `cues.ts`.
 *
 * Each plausible reading is scored from the entities found and the cues around them; the
 * best one is the reading, the next ones its alternatives. A text with no entity, no date
 * and no shape is not guessed at: it gets kind `unknown`.
 */
import type { GraphStore, NodeLabel } from '../stores/types.js';
import { KNOWN_WORDS, STOP_WORDS, findCues, type Cue, type CueHit } from './cues.js';
import { asOfFrom, dateConstraint, findDates, rangeFrom, type DateConstraint } from './dates.js';
import { correctTokens, findMentions, type Mention } from './entities.js';
import { lexiconOf, type Lexicon, type LexNode } from './lexicon.js';
import { isCjk, normaliseQuestion } from './normalise.js';
import { tokenize, type Token } from './tokens.js';
import type { AskKind, AskParams, AskRelation, NoReading, Reading, ReadingChoice, ReadingPart } from './types.js';

/** Longest question read, in characters (the route refuses longer ones with a 400). */
export const MAX_QUESTION_LENGTH = 200;

interface Context {
  text: string;
  mentions: Mention[];
  cues: Set<Cue>;
  cueHits: CueHit[];
  date: DateConstraint | null;
}

interface Candidate extends ReadingChoice {
  score: number;
  /** The mentions this reading rests on (for the parts). */
  uses: Mention[];
}

const has = (m: Mention, label: NodeLabel): boolean => m.nodes.some((n) => n.label === label);
const pick = (m: Mention, label?: NodeLabel): LexNode => (label && m.nodes.find((n) => n.label === label)) || m.nodes[0]!;
const length = (m: Mention): number => m.end - m.start;

function relationOf(cues: ReadonlySet<Cue>): AskRelation | undefined {
  if (cues.has('prohibit')) return 'PROHIBITS';
  if (cues.has('require')) return 'REQUIRES';
  if (cues.has('address')) return 'ADDRESSES';
  return undefined;
}

function phaseAspect(cues: ReadonlySet<Cue>): string | undefined {
  if (cues.has('mark')) return 'rules';
  if (cues.has('segments')) return 'segments';
  if (cues.has('start')) return 'start';
  if (cues.has('next')) return 'next';
  if (cues.has('previous')) return 'previous';
  if (cues.has('when')) return 'start';
  return undefined;
}

/** Every reading the entities, dates and cues allow, scored. */
function candidates(ctx: Context): Candidate[] {
  const { mentions, cues, date } = ctx;
  const c = (k: Cue): boolean => cues.has(k);
  const out: Candidate[] = [];
  const add = (kind: AskKind, params: AskParams, score: number, uses: Mention[]): void => {
    out.push({ kind, params, score, uses });
  };
  const asOf = date ? { asOf: asOfFrom(date) } : {};
  const range = date ? rangeFrom(date) : {};
  const relation = relationOf(cues);

  const [first, second] = mentions;
  if (first && second) {
    if (has(first, 'Segment') && has(second, 'Segment')) {
      add('compare', { a: pick(first, 'Segment').id, b: pick(second, 'Segment').id }, 2 + (c('compare') ? 6 : 0), [first, second]);
    }
    add('path', { a: pick(first).id, b: pick(second).id }, 2 + (c('path') ? 3 : 0), [first, second]);
  }
  const phase = mentions.find((m) => has(m, 'Phase'));
  const aspect = phaseAspect(cues);
  if (phase && aspect) add('phase', { phase: pick(phase, 'Phase').id, aspect }, 4, [phase]);
  if (!phase && c('phaseWord')) add('phase', { aspect: 'list' }, 4, []);

  for (const m of mentions) {
    if (has(m, 'Rule')) {
      const rule = pick(m, 'Rule').id;
      const asked = c('count') ? 'count' : c('when') ? 'when' : 'who';
      add('issuers', { rule, aspect: asked }, 1 + (c('who') || c('issue') || c('when') || c('count') ? 4 : 0), [m]);
      add('ruleSays', { rule, ...(relation ? { relation } : {}) }, 1 + (relation || c('content') || c('touch') ? 3 : 0), [m]);
    }
    if (has(m, 'Segment')) add('regulators', { segment: pick(m, 'Segment').id, ...asOf }, 1 + (c('regulate') ? 4 : 0), [m]);
    if (has(m, 'Topic')) {
      const score = 1 + (relation || c('ruleNoun') ? 3 : 0) + (c('touch') ? 1 : 0);
      add('rules', { topic: pick(m, 'Topic').id, ...(relation ? { relation } : {}), ...asOf }, score, [m]);
    }
    if (has(m, 'Agency')) add('issued', { agency: pick(m, 'Agency').id, ...range }, 1 + (c('issue') || c('ruleNoun') ? 3 : 0), [m]);
  }
  if (mentions.length > 0) {
    const main = [...mentions].sort((a, b) => length(b) - length(a) || a.start - b.start)[0]!;
    add('about', { node: pick(main).id }, 1 + (c('about') ? 3 : 0) + (c('report') ? 2 : 0), [main]);
  }
  if (date) {
    const signalled = c('change') || c('ruleNoun') || c('issue');
    add('changes', range, mentions.length === 0 ? (signalled ? 5 : 3) : 0, []);
  }
  return out;
}

const sameChoice = (a: ReadingChoice, b: ReadingChoice): boolean =>
  a.kind === b.kind && JSON.stringify(a.params) === JSON.stringify(b.params);

function cueValue(hit: CueHit): string {
  return `${hit.cue}`;
}

/** Latin words of a masked text that no entity, date or cue explains. */
function leftoverWords(masked: string): Token[] {
  return tokenize(masked).filter((t) => t.latin && !STOP_WORDS.has(t.key) && t.key.length >= 3 && /[a-z]/.test(t.key));
}

/**
 * An entity named by some of its words ("the payment plan", "state council general
 * office", 谁叫停了首付贷): the question's leftover words and the entities it mentions are
 * searched (among `labels`); the node that holds the most of them, if it holds at least
 * two and no other holds as many, is taken.
 */
async function entityByWords(store: GraphStore, ctx: Context, masked: string, labels: NodeLabel[] | undefined, chinese: boolean): Promise<Mention | undefined> {
  const terms = new Map<string, { start: number; end: number }>();
  for (const m of ctx.mentions) terms.set(ctx.text.slice(m.start, m.end), m);
  for (const t of leftoverWords(masked)) terms.set(t.key, t);
  // Leftover Chinese: its two-character pieces.
  const run = /[\u3400-\u9fff]{2,}/g;
  for (let m = chinese ? run.exec(masked) : null; m; m = run.exec(masked)) {
    for (let i = 0; i + 2 <= m[0].length; i++) terms.set(m[0].slice(i, i + 2), { start: m.index + i, end: m.index + i + 2 });
  }
  if (terms.size < 2) return undefined;
  const score = new Map<string, { n: number; start: number; end: number; hit: { id: string; label: NodeLabel; name: string; nameEn: string } }>();
  for (const [term, span] of [...terms].slice(0, 12)) {
    const hits = await store.search({ q: term, ...(labels ? { labels } : {}), limit: 50 });
    for (const h of hits) {
      if (h.score < 2) continue;
      const s = score.get(h.id) ?? { n: 0, start: span.start, end: span.end, hit: h };
      s.n++;
      s.start = Math.min(s.start, span.start);
      s.end = Math.max(s.end, span.end);
      score.set(h.id, s);
    }
  }
  const ranked = [...score.values()].sort((a, b) => b.n - a.n);
  const [best, runnerUp] = ranked;
  if (!best || best.n < 2 || (runnerUp && runnerUp.n === best.n)) return undefined;
  return { start: best.start, end: best.end, from: -1, to: -1, nodes: [{ id: best.hit.id, label: best.hit.label, name: best.hit.name, nameEn: best.hit.nameEn }] };
}

function mask(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  const chars = [...text].length === text.length ? text.split('') : Array.from(text, (c) => c);
  for (const s of spans) for (let i = s.start; i < s.end; i++) chars[i] = ' ';
  return chars.join('');
}

export interface Interpretation {
  reading: Reading | NoReading;
  /** The lexicon used (the answer reuses it for names). */
  lexicon: Lexicon;
}

export async function interpret(store: GraphStore, question: string): Promise<Interpretation> {
  const lexicon = await lexiconOf(store);
  const text = normaliseQuestion(question.slice(0, MAX_QUESTION_LENGTH));
  const dates = findDates(text);
  const date = dateConstraint(text, dates);
  const inDate = (t: Token): boolean => dates.some((d) => t.start < d.end && t.end > d.start);
  const tokens = tokenize(text);
  const corrected = correctTokens(tokens, lexicon, KNOWN_WORDS, inDate);
  const mentions = findMentions(tokens, lexicon, inDate, corrected);
  let masked = mask(text, [...mentions, ...dates]);
  const cueHits = findCues(masked);
  const ctx: Context = { text, mentions, cues: new Set(cueHits.map((h) => h.cue)), cueHits, date };

  // Words left unexplained, or a document named by a word such as "plan" or 方案 without a
  // rule found: look for the entity those words name through the search index.
  const wantsRule = ctx.cues.has('ruleish') && !mentions.some((m) => has(m, 'Rule'));
  const leftover = leftoverWords(mask(masked, cueHits)).length > 0;
  if (wantsRule || leftover) {
    const keepRuleish = mask(masked, cueHits.filter((h) => h.cue !== 'ruleish'));
    const found = await entityByWords(store, ctx, keepRuleish, wantsRule ? ['Rule'] : undefined, wantsRule);
    if (found && !ctx.mentions.some((m) => m.start === found.start && m.end === found.end && m.nodes.some((n) => n.id === found.nodes[0]!.id))) {
      ctx.mentions = [...mentions.filter((m) => m.end <= found.start || m.start >= found.end), found].sort((a, b) => a.start - b.start);
      masked = mask(masked, [found]);
    }
  }

  const ranked = candidates(ctx)
    .map((c, order) => ({ c, order }))
    .sort((a, b) => b.c.score - a.c.score || a.order - b.order)
    .map((x) => x.c);
  const alternatives: ReadingChoice[] = [];
  for (const c of ranked.slice(1)) {
    if (c.score > 0 && !alternatives.some((a) => sameChoice(a, c)) && !sameChoice(c, ranked[0]!)) {
      alternatives.push({ kind: c.kind, params: c.params });
    }
    if (alternatives.length >= 4) break;
  }

  const notes: Reading['notes'] = [];
  if (date?.yearAssumed) notes.push({ zh: '未写年份，按报告所述的2016年理解。', en: 'No year was given; read as 2016, the year of the report.' });
  const best = ranked[0];
  const question0 = question.slice(0, MAX_QUESTION_LENGTH);
  const parts = (uses: readonly Mention[]): ReadingPart[] => {
    const out: ReadingPart[] = uses.map((m) => {
      const node = m.nodes[0]!;
      return {
        text: question0.slice(m.start, m.end),
        start: m.start,
        end: m.end,
        role: 'entity',
        value: node.id,
        label: node.label,
        ...(m.corrected ? { corrected: m.corrected } : {}),
      };
    });
    if (date) {
      const span = { start: date.start, end: date.end };
      out.push({ text: question0.slice(span.start, span.end), ...span, role: 'date', value: `${date.relation}:${date.first.from}${date.second ? `..${date.second.to}` : ''}` });
    }
    for (const h of ctx.cueHits) {
      if (out.some((p) => h.start < p.end && h.end > p.start)) continue;
      out.push({ text: question0.slice(h.start, h.end), start: h.start, end: h.end, role: 'cue', value: cueValue(h) });
    }
    return out.sort((a, b) => a.start - b.start);
  };

  // A reading must rest on something the user said about its kind, or be the only thing
  // the text can mean (a bare name: what the report says about it).
  const minimum = ctx.mentions.length === 1 && ranked.length > 0 ? 1 : 2;
  if (!best || best.score < minimum) {
    for (const m of ctx.mentions) if (m.corrected) notes.push({ zh: `“${question0.slice(m.start, m.end)}”按“${m.corrected}”理解。`, en: `Read “${question0.slice(m.start, m.end)}” as “${m.corrected}”.` });
    return {
      lexicon,
      reading: { kind: 'unknown', params: {}, parts: parts(ctx.mentions), alternatives: best ? [{ kind: best.kind, params: best.params }, ...alternatives].slice(0, 4) : [], notes },
    };
  }
  for (const m of best.uses) if (m.corrected) notes.push({ zh: `“${question0.slice(m.start, m.end)}”按“${m.corrected}”理解。`, en: `Read “${question0.slice(m.start, m.end)}” as “${m.corrected}”.` });
  return { lexicon, reading: { kind: best.kind, params: best.params, parts: parts(best.uses), alternatives, notes } };
}

export { isCjk };
