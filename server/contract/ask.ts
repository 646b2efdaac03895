/**
 * The contract of `GET /api/ask`: the query (validated by `validateQuery`, so a bad value
 * is a 400 naming its parameter) and the response. The response schema is checked
 * against real answers by `test/ask/ask-http.ts`.
 */
import { z } from 'zod';
import { NODE_LABELS } from '../../graph-seed/schema.js';
import { optionalDate, isWellFormedId } from '../http/params.js';
import { ASK_KINDS, ASK_PARAMS, ISSUER_ASPECTS, PHASE_ASPECTS, RELATIONS } from '../ask/types.js';
import { MAX_QUESTION_LENGTH } from '../ask/interpret.js';

const optionalId = () =>
  z
    .string()
    .optional()
    .refine((s) => s === undefined || isWellFormedId(s), { message: 'must be a node id such as `agency:cbrc`.' });

const optionalEnum = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .optional()
    .refine((s): s is T | undefined => s === undefined || (values as readonly string[]).includes(s), {
      message: `must be one of ${values.map((v) => `\`${v}\``).join(', ')}.`,
    })
    .transform((s) => s as T | undefined);

export const askQuery = {
  q: z
    .string()
    .optional()
    .transform((s) => s?.trim())
    .refine((s) => s === undefined || s.length >= 1, { message: 'must not be empty (after trimming).' })
    .refine((s) => s === undefined || s.length <= MAX_QUESTION_LENGTH, { message: `must be at most ${MAX_QUESTION_LENGTH} characters.` }),
  lang: optionalEnum(['zh', 'en'] as const).transform((s) => s ?? 'zh'),
  kind: optionalEnum(ASK_KINDS),
  segment: optionalId(),
  topic: optionalId(),
  rule: optionalId(),
  agency: optionalId(),
  phase: optionalId(),
  node: optionalId(),
  a: optionalId(),
  b: optionalId(),
  asOf: optionalDate(),
  from: optionalDate(),
  to: optionalDate(),
  relation: optionalEnum(RELATIONS),
  aspect: optionalEnum([...ISSUER_ASPECTS, ...PHASE_ASPECTS]),
} satisfies Record<'q' | 'lang' | 'kind' | (typeof ASK_PARAMS)[number], z.ZodType>;

const bilingual = z.object({ zh: z.string(), en: z.string() });
const kind = z.enum([...ASK_KINDS, 'unknown']);
const params = z.partialRecord(z.enum(ASK_PARAMS), z.string());

export const sentencePiece = z.object({
  text: z.string(),
  param: z.enum(ASK_PARAMS).optional(),
  label: z.enum(NODE_LABELS).optional(),
  type: z.enum(['node', 'date', 'choice']).optional(),
  value: z.string().optional(),
  options: z.array(z.object({ value: z.string(), text: z.string() })).optional(),
});

export const readingChoice = z.object({ kind, params, sentence: z.array(sentencePiece) });

export const readingPart = z.object({
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  role: z.enum(['entity', 'date', 'cue']),
  value: z.string(),
  label: z.enum(NODE_LABELS).optional(),
  corrected: z.string().optional(),
});

export const askReading = readingChoice.extend({
  parts: z.array(readingPart),
  alternatives: z.array(readingChoice),
  notes: z.array(bilingual),
});

export const answerRow = z.object({
  id: z.string(),
  label: z.enum(NODE_LABELS),
  name: z.string(),
  nameEn: z.string(),
  date: z.string().optional(),
  detail: bilingual.optional(),
  quote: z.string().optional(),
});

export const askAnswer = z.object({
  title: bilingual,
  rows: z.array(answerRow),
  highlight: z.array(z.string()),
  focus: z.string().optional(),
  note: bilingual.optional(),
  data: z.unknown(),
});

export const askResponse = z.object({
  /** The question as read (trimmed), or null when the reading was given as parameters. */
  question: z.string().nullable(),
  lang: z.enum(['zh', 'en']),
  reading: askReading,
  /** Null when the question was not understood. */
  answer: askAnswer.nullable(),
  /** Search results for the question's words: the fallback when it was not understood. */
  search: z.array(z.object({ id: z.string(), label: z.enum(NODE_LABELS), name: z.string(), nameEn: z.string() })),
});

export type AskResponse = z.infer<typeof askResponse>;
export type AskReadingJson = z.infer<typeof askReading>;
