/**
 * The schema of guided tours (`graph-seed/tours/*.json`): a teacher's walk through the
 * graph in a few steps, each naming the entities to show, an optional question to ask
 * and an optional "as of" date, and citing the report verbatim like the seed does.
 *
 * The shape alone is checked here; that ids exist, questions name the right kind of node
 * and quotes are in the source is `validate-tours.ts`, which needs the graph and the text.
 */
import { z } from 'zod';
import { ISO_DATE, ISO_DATE_FORMS } from './dates.js';
import { sourceSchema } from './schema.js';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** Both languages, always: the UI switches language without a fallback. */
export const bilingualSchema = z.strictObject({ zh: nonEmpty, en: nonEmpty });
export type Bilingual = z.infer<typeof bilingualSchema>;

/** A tour or step id: lowercase slug, unique within its scope (used in URLs). */
export const TOUR_SLUG = /^[a-z0-9][a-z0-9-]*$/;
const slug = z.string().regex(TOUR_SLUG, 'must be a lowercase slug (letters, digits, dashes)').max(80, 'must be at most 80 characters');
const nodeRef = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** The three questions of the explorer, with the parameters the API takes. */
export const tourQuestionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('regulators'), segment: nodeRef }),
  z.strictObject({ kind: z.literal('rules'), topic: nodeRef }),
  z.strictObject({ kind: z.literal('path'), from: nodeRef, to: nodeRef }),
]);
export type TourQuestion = z.infer<typeof tourQuestionSchema>;

/** What a step resting on an inference must say, in each language (any one phrase will do). */
export const IMPLIED_WORDING = {
  zh: ['报告暗示', '据报告推断', '据报告归属'],
  en: ['the report implies', 'inferred from the report', 'attributed by the graph', 'the graph attributes'],
} as const;

export const MIN_STEPS = 4;
export const MAX_STEPS = 8;

export const tourStepSchema = z.strictObject({
  id: slug,
  title: bilingualSchema,
  /** The step's explanation, in the project's own words (quotes go in `sources`). */
  text: bilingualSchema,
  /** Stable ids of the nodes the graph focuses on. */
  entities: z.array(nodeRef).min(1, 'needs at least one entity').max(40, 'names more than 40 entities'),
  question: tourQuestionSchema.optional(),
  /** Show the graph as of this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  asOf: z.string().regex(ISO_DATE, `must be an ISO date such as ${ISO_DATE_FORMS}`).optional(),
  sources: z.array(sourceSchema).min(1, 'needs at least one source'),
  /**
   * Absent when the report states what the step says. `inferred` or `attributed` when the
   * step rests on a reading of the text: its text must then say so in both languages
   * (IMPLIED_WORDING), and the client shows the level beside the step.
   */
  evidence: z.enum(['attributed', 'inferred']).optional(),
});
export type TourStep = z.infer<typeof tourStepSchema>;

export const tourSchema = z.strictObject({
  id: slug,
  /** Position in the list of tours (teaching order); tours without one come last, by id. */
  order: z.number().int().min(1).max(999).optional(),
  title: bilingualSchema,
  summary: bilingualSchema,
  steps: z
    .array(tourStepSchema)
    .min(MIN_STEPS, `needs at least ${MIN_STEPS} steps`)
    .max(MAX_STEPS, `has more than ${MAX_STEPS} steps; split the tour`),
});
export type Tour = z.infer<typeof tourSchema>;

/** What `GET /api/tours` lists: a tour without its steps' content. */
export interface TourSummary {
  id: string;
  title: Bilingual;
  summary: Bilingual;
  steps: number;
}

export function summarizeTour(t: Tour): TourSummary {
  return { id: t.id, title: t.title, summary: t.summary, steps: t.steps.length };
}
