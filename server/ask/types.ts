/**
 * What the interpreter reads a question as. A reading is data: a kind and its parameters
 * (node ids, ISO dates, a relationship type, an aspect), so it can travel in a URL and be
 * answered again without the text, and every part of the text it rests on.
 */
import type { NodeLabel } from '../stores/types.js';

export const ASK_KINDS = [
  'regulators',
  'rules',
  'ruleSays',
  'issuers',
  'issued',
  'path',
  'changes',
  'phase',
  'about',
  'compare',
] as const;
export type AskKind = (typeof ASK_KINDS)[number];

/** Parameter names a reading can carry; which ones a kind takes is in `KIND_PARAMS`. */
export const ASK_PARAMS = [
  'segment',
  'topic',
  'rule',
  'agency',
  'phase',
  'node',
  'a',
  'b',
  'asOf',
  'from',
  'to',
  'relation',
  'aspect',
] as const;
export type AskParam = (typeof ASK_PARAMS)[number];
export type AskParams = Partial<Record<AskParam, string>>;

export const RELATIONS = ['PROHIBITS', 'REQUIRES', 'ADDRESSES'] as const;
export type AskRelation = (typeof RELATIONS)[number];
export const ISSUER_ASPECTS = ['who', 'when', 'count'] as const;
export const PHASE_ASPECTS = ['next', 'previous', 'start', 'segments', 'rules', 'list'] as const;

interface ParamSpec {
  /** Node ids: the label the id must have (any label when `null`). Dates: 'date'. Others: allowed values. */
  type: NodeLabel | null | 'date' | readonly string[];
  required: boolean;
}

/** The parameters of each kind: one home for what a reading may hold. */
export const KIND_PARAMS: Record<AskKind, Partial<Record<AskParam, ParamSpec>>> = {
  regulators: { segment: { type: 'Segment', required: true }, asOf: { type: 'date', required: false } },
  rules: {
    topic: { type: 'Topic', required: true },
    relation: { type: RELATIONS, required: false },
    asOf: { type: 'date', required: false },
  },
  ruleSays: { rule: { type: 'Rule', required: true }, relation: { type: RELATIONS, required: false } },
  issuers: { rule: { type: 'Rule', required: true }, aspect: { type: ISSUER_ASPECTS, required: true } },
  issued: {
    agency: { type: 'Agency', required: true },
    from: { type: 'date', required: false },
    to: { type: 'date', required: false },
  },
  path: { a: { type: null, required: true }, b: { type: null, required: true } },
  changes: { from: { type: 'date', required: false }, to: { type: 'date', required: false } },
  phase: { phase: { type: 'Phase', required: false }, aspect: { type: PHASE_ASPECTS, required: true } },
  about: { node: { type: null, required: true } },
  compare: { a: { type: 'Segment', required: true }, b: { type: 'Segment', required: true } },
};

/** One piece of the question and what the interpreter took it for. */
export interface ReadingPart {
  /** The words as typed (a slice of the question). */
  text: string;
  /** Code-unit offsets in the question as sent (after trimming). */
  start: number;
  end: number;
  role: 'entity' | 'date' | 'cue';
  /** Entities: the node. Dates: the ISO period. Cues: what the words signal (`kind:regulators`, `relation:PROHIBITS`, `before` …). */
  value: string;
  label?: NodeLabel;
  /** Set when the words were read through a spelling correction (`insurnace` → `insurance`). */
  corrected?: string;
}

export interface ReadingChoice {
  kind: AskKind;
  params: AskParams;
}

export interface Reading extends ReadingChoice {
  parts: ReadingPart[];
  /** Other readings of the same text, most plausible first. */
  alternatives: ReadingChoice[];
  /** Things the reader should know about how the text was read (assumed year, corrections …). */
  notes: Array<{ zh: string; en: string }>;
}

/** The result when no reading fits: the closest ones the interpreter can offer. */
export interface NoReading {
  kind: 'unknown';
  params: Record<string, never>;
  parts: ReadingPart[];
  alternatives: ReadingChoice[];
  notes: Array<{ zh: string; en: string }>;
}
