/**
 * All view state that a shared link should carry, in one typed module: parse (validating
 * every value and dropping what is invalid), and write (dropping defaults, so a plain view
 * has a plain URL). Nothing else reads or writes `location.search`.
 *
 *   lang=en              language (default zh)
 *   node=agency:cbrc     selected node
 *   hide=Topic,Phase     labels switched off in the legend
 *   hideTypes=PART_OF    relationship types switched off
 *   from=2015&to=2016-07 date range for rules and events
 *   hidden=id,id         nodes hidden by hand
 *   evidence=stated      stated facts only: relationships the graph attributes or infers are hidden
 *   q=regulators&segment=…  |  q=rules&topic=…  |  q=path&a=…&b=…
 *   layout=time          time-axis layout (default force)
 *   view=list            table view (default graph)
 *   cam=0.5,0.5,1        camera x, y, ratio (rounded)
 *   teach=tours&tour=p2p-lending&step=2&quiz=4242   Teach tab section, tour step, quiz seed
 *   report=9800-9835     Report tab at a passage (character range of the text); report=open at the top
 *   ask=谁监管P2P&reading=regulators;segment=segment:p2p-lending;asOf=2016-09
 *                        a question in the user's words, and the reading it was answered
 *                        as once the user changed a chip (the reading wins when present)
 *   compare=segment:p2p-lending,segment:equity-crowdfunding&compareAt=2016-01,2016-12   a comparison
 */
import type { NodeLabel, RelType } from '../graph/model';
import { isLabel, isRelType, LABELS, REL_TYPES } from '../graph/model';
import { isIsoDate, isRangeInOrder } from '../../../graph-seed/dates';
import { isNodeId } from '../../../graph-seed/vocabulary';

export type Lang = 'zh' | 'en';
/** The Teach tab's sections, in the order of its tabs. */
export const TEACH_SECTIONS = ['tours', 'timeline', 'matrix', 'quiz'] as const;
export type TeachSection = (typeof TEACH_SECTIONS)[number];
/** The Teach tab: its section, the open tour and step (0-based here, 1-based in links), the quiz seed. */
export interface TeachState {
  section: TeachSection;
  tour: string | null;
  /** 0-based step of the open tour. */
  step: number;
  quiz: number | null;
}
/** The Report tab: the passage it shows (a character range of the report text), if any. */
export interface ReportUrl {
  passage: { start: number; end: number } | null;
}
export type Question =
  | { kind: 'regulators'; segment: string }
  | { kind: 'rules'; topic: string }
  | { kind: 'path'; a: string; b: string };

/** A question asked in the user's own words, and the reading the user settled on. */
export interface AskUrl {
  text: string | null;
  reading: { kind: string; params: Record<string, string> } | null;
}
const ASK_MAX = 200;
const READING_KINDS = ['regulators', 'rules', 'ruleSays', 'issuers', 'issued', 'path', 'changes', 'phase', 'about', 'compare'];
const READING_PARAMS = ['segment', 'topic', 'rule', 'agency', 'phase', 'node', 'a', 'b', 'asOf', 'from', 'to', 'relation', 'aspect'];

export interface CameraState {
  x: number;
  y: number;
  ratio: number;
}

export interface UrlState {
  lang: Lang;
  node: string | null;
  hideLabels: NodeLabel[];
  hideTypes: RelType[];
  dateFrom: string | null;
  dateTo: string | null;
  hidden: string[];
  /** Show only relationships the report states (no `evidence` in the seed). */
  statedOnly: boolean;
  question: Question | null;
  layout: 'force' | 'time';
  view: 'graph' | 'list';
  camera: CameraState | null;
  /** Only present when the link opens the Teach tab. */
  teach?: TeachState | null;
  /** Only present when the link opens the Report tab. */
  report?: ReportUrl | null;
  /** Only present when the link asks a question in words. */
  ask?: AskUrl | null;
  /** Only present when the link opens a comparison. */
  compare?: CompareUrl | null;
}

/** Two segments or agencies side by side (`b` empty while the reader picks it), each at a date or as of the report. */
export interface CompareUrl {
  a: string;
  b: string;
  asOfA: string | null;
  asOfB: string | null;
}

function parseCompare(p: URLSearchParams): CompareUrl | null {
  const [a, b = ''] = (p.get('compare') ?? '').split(',');
  if (!isNodeId(a) || (b !== '' && !isNodeId(b))) return null;
  const [asOfA = '', asOfB = ''] = (p.get('compareAt') ?? '').split(',');
  return { a, b, asOfA: isIsoDate(asOfA) ? asOfA : null, asOfB: isIsoDate(asOfB) ? asOfB : null };
}

export const DEFAULT_URL_STATE: Readonly<UrlState> = Object.freeze({
  lang: 'zh',
  node: null,
  hideLabels: [],
  hideTypes: [],
  dateFrom: null,
  dateTo: null,
  hidden: [],
  statedOnly: false,
  question: null,
  layout: 'force',
  view: 'graph',
  camera: null,
});

const MAX_HIDDEN = 200;

export { isNodeId };

function list(v: string | null): string[] {
  return v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];
}
function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Rounded so links stay short and the same view gives the same URL. */
export function roundCamera(c: CameraState): CameraState {
  const r = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
  return { x: r(c.x, 3), y: r(c.y, 3), ratio: r(c.ratio, 3) };
}

function parseCamera(v: string | null): CameraState | null {
  if (!v) return null;
  const parts = v.split(',');
  if (parts.length !== 3) return null;
  const [x, y, ratio] = parts.map(Number) as [number, number, number];
  if (![x, y, ratio].every(Number.isFinite)) return null;
  if (Math.abs(x) > 1e3 || Math.abs(y) > 1e3 || ratio < 0.001 || ratio > 100) return null;
  return roundCamera({ x, y, ratio });
}

function parseQuestion(p: URLSearchParams): Question | null {
  switch (p.get('q')) {
    case 'regulators': {
      const segment = p.get('segment');
      return isNodeId(segment) ? { kind: 'regulators', segment } : null;
    }
    case 'rules': {
      const topic = p.get('topic');
      return isNodeId(topic) ? { kind: 'rules', topic } : null;
    }
    case 'path': {
      const a = p.get('a');
      const b = p.get('b');
      return isNodeId(a) && isNodeId(b) ? { kind: 'path', a, b } : null;
    }
    default:
      return null;
  }
}

/** `kind;key=value;…` with known keys and values that are ids, ISO dates or plain words. */
function parseReading(v: string | null): AskUrl['reading'] {
  if (!v) return null;
  const [kind, ...pairs] = v.split(';');
  if (!kind || !READING_KINDS.includes(kind)) return null;
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (eq < 1 || !READING_PARAMS.includes(key) || !(isNodeId(value) || isIsoDate(value) || /^[A-Za-z]{1,20}$/.test(value))) return null;
    params[key] = value;
  }
  return { kind, params };
}

export function writeReading(r: NonNullable<AskUrl['reading']>): string {
  return [r.kind, ...READING_PARAMS.filter((k) => r.params[k] !== undefined).map((k) => `${k}=${r.params[k]}`)].join(';');
}

function parseAsk(p: URLSearchParams): AskUrl | null {
  const text = p.get('ask');
  const reading = parseReading(p.get('reading'));
  const validText = text !== null && text.trim() !== '' && text.length <= ASK_MAX ? text : null;
  return validText || reading ? { text: validText, reading } : null;
}

function parseTeach(p: URLSearchParams): TeachState | null {
  const section = p.get('teach');
  if (!TEACH_SECTIONS.includes(section as TeachSection)) return null;
  const tour = p.get('tour');
  const step = p.get('step');
  const quiz = p.get('quiz');
  const validTour = tour !== null && /^[a-z0-9][a-z0-9-]{0,79}$/.test(tour);
  return {
    section: section as TeachSection,
    tour: validTour ? tour : null,
    step: validTour && step !== null && /^[1-9]\d?$/.test(step) ? Number(step) - 1 : 0,
    quiz: quiz !== null && /^\d{1,6}$/.test(quiz) ? Number(quiz) : null,
  };
}

const PASSAGE = /^(\d{1,7})-(\d{1,7})$/;

function parseReport(p: URLSearchParams): ReportUrl | null {
  const v = p.get('report');
  if (v === 'open') return { passage: null };
  const m = v === null ? null : PASSAGE.exec(v);
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end > start ? { passage: { start, end } } : { passage: null };
}

export function parseUrlState(search: string): UrlState {
  const p = new URLSearchParams(search);
  const lang = p.get('lang');
  const node = p.get('node');
  const from = p.get('from');
  const to = p.get('to');
  let dateFrom = isIsoDate(from) ? from : null;
  let dateTo = isIsoDate(to) ? to : null;
  if (!isRangeInOrder(dateFrom, dateTo)) [dateFrom, dateTo] = [dateTo, dateFrom];
  const layout = p.get('layout');
  const view = p.get('view');
  const teach = parseTeach(p);
  const report = parseReport(p);
  const ask = parseAsk(p);
  const compare = parseCompare(p);
  return {
    ...(teach ? { teach } : {}),
    ...(report ? { report } : {}),
    ...(ask ? { ask } : {}),
    ...(compare ? { compare } : {}),
    lang: lang === 'en' ? 'en' : 'zh',
    node: isNodeId(node) ? node : null,
    hideLabels: unique(list(p.get('hide')).filter(isLabel)),
    hideTypes: unique(list(p.get('hideTypes')).filter(isRelType)),
    dateFrom,
    dateTo,
    hidden: unique(list(p.get('hidden')).filter(isNodeId)).slice(0, MAX_HIDDEN),
    statedOnly: p.get('evidence') === 'stated',
    question: parseQuestion(p),
    layout: layout === 'time' ? 'time' : 'force',
    view: view === 'list' ? 'list' : 'graph',
    camera: parseCamera(p.get('cam')),
  };
}

function isDefaultCamera(c: CameraState): boolean {
  return c.x === 0.5 && c.y === 0.5 && c.ratio === 1;
}

/** The query string (with `?`, or empty) for a state; defaults and invalid values are left out. */
export function writeUrlState(s: UrlState): string {
  // Parse-validate what we write too, so a bad value in memory never reaches a link.
  const p = new URLSearchParams();
  if (s.lang === 'en') p.set('lang', 'en');
  if (isNodeId(s.node)) p.set('node', s.node);
  const hide = LABELS.filter((l) => s.hideLabels.includes(l));
  if (hide.length) p.set('hide', hide.join(','));
  const hideTypes = REL_TYPES.filter((t) => s.hideTypes.includes(t));
  if (hideTypes.length) p.set('hideTypes', hideTypes.join(','));
  if (isIsoDate(s.dateFrom)) p.set('from', s.dateFrom);
  if (isIsoDate(s.dateTo)) p.set('to', s.dateTo);
  const hidden = unique(s.hidden.filter(isNodeId)).slice(0, MAX_HIDDEN);
  if (hidden.length) p.set('hidden', hidden.join(','));
  if (s.statedOnly === true) p.set('evidence', 'stated');
  const q = s.question;
  if (q?.kind === 'regulators' && isNodeId(q.segment)) {
    p.set('q', 'regulators');
    p.set('segment', q.segment);
  } else if (q?.kind === 'rules' && isNodeId(q.topic)) {
    p.set('q', 'rules');
    p.set('topic', q.topic);
  } else if (q?.kind === 'path' && isNodeId(q.a) && isNodeId(q.b)) {
    p.set('q', 'path');
    p.set('a', q.a);
    p.set('b', q.b);
  }
  if (s.ask?.text && s.ask.text.trim() !== '' && s.ask.text.length <= ASK_MAX) p.set('ask', s.ask.text);
  if (s.ask?.reading) {
    const reading = writeReading(s.ask.reading);
    if (parseReading(reading)) p.set('reading', reading);
  }
  if (s.teach && TEACH_SECTIONS.includes(s.teach.section)) {
    p.set('teach', s.teach.section);
    if (s.teach.tour && /^[a-z0-9][a-z0-9-]{0,79}$/.test(s.teach.tour)) {
      p.set('tour', s.teach.tour);
      p.set('step', String(Math.max(0, Math.min(98, s.teach.step)) + 1));
    }
    if (s.teach.quiz !== null && Number.isInteger(s.teach.quiz) && s.teach.quiz >= 0 && s.teach.quiz <= 999_999) p.set('quiz', String(s.teach.quiz));
  }
  if (s.report) {
    const at = s.report.passage;
    const valid = at !== null && Number.isInteger(at.start) && Number.isInteger(at.end) && at.start >= 0 && at.end > at.start && at.end < 1e7;
    p.set('report', valid ? `${at.start}-${at.end}` : 'open');
  }
  if (s.layout === 'time') p.set('layout', 'time');
  if (s.view === 'list') p.set('view', 'list');
  if (s.compare && isNodeId(s.compare.a) && (s.compare.b === '' || isNodeId(s.compare.b))) {
    p.set('compare', `${s.compare.a},${s.compare.b}`);
    if (s.compare.asOfA || s.compare.asOfB) p.set('compareAt', `${s.compare.asOfA ?? ''},${s.compare.asOfB ?? ''}`);
  }
  if (s.camera) {
    const c = roundCamera(s.camera);
    if (!isDefaultCamera(c)) p.set('cam', `${c.x},${c.y},${c.ratio}`);
  }
  // Commas, colons, semicolons and '=' inside a value are safe in a query string (a value
  // ends only at '&'); keep links readable.
  const qs = p.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%3B/g, ';').replace(/%3D/g, '=');
  return qs ? `?${qs}` : '';
}
