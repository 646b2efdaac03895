/**
 * The contract of the report reader's endpoints, as zod schemas: `GET /api/report` (the text
 * by headings) and `GET /api/report/passages` (the cited passages with the facts citing
 * each). Neither takes parameters. The routes build their answers to these types, and the
 * tests parse real answers with them.
 */
import { z } from 'zod';
import { NODE_LABELS, REL_TYPES } from '../../graph-seed/schema.js';

/** Both endpoints accept no query parameters. */
export const reportParamsSchema = z.strictObject({});
export const reportPassagesParamsSchema = z.strictObject({});

export const HEADING_KINDS = ['chapter', 'section', 'table', 'figure'] as const;

export const reportHeadingSchema = z.strictObject({
  /** Position in document order; `parent` and the passages' `heading` point here. */
  index: z.number().int().min(0),
  kind: z.enum(HEADING_KINDS),
  /** As written in the report. */
  title: z.string(),
  /** An English label, where the project has one for this heading. */
  titleEn: z.string().optional(),
  parent: z.number().int().min(0).optional(),
  /** The heading's character range in the text (heading line to the next heading of its rank). */
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type ReportHeading = z.infer<typeof reportHeadingSchema>;

export const BLOCK_KINDS = ['heading', 'paragraph', 'row'] as const;

export const reportBlockSchema = z.strictObject({
  kind: z.enum(BLOCK_KINDS),
  /** The innermost heading the block stands under (-1 before the first heading). */
  heading: z.number().int().min(-1),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /** The text of `[start, end)`, as written (a table row keeps its tabs between cells). */
  text: z.string(),
});
export type ReportBlock = z.infer<typeof reportBlockSchema>;

/** Where to put a copy of the text, for the "not installed" answers. */
export const installHintSchema = z.strictObject({
  message: z.string(),
  /** The git-ignored drop-in path inside the repository. */
  dropIn: z.string(),
  /** The environment variable that names a copy anywhere. */
  env: z.literal('SEED_SOURCE'),
});

export const reportResponseSchema = z.discriminatedUnion('installed', [
  z.strictObject({
    installed: z.literal(true),
    chars: z.number().int().min(0),
    headings: z.array(reportHeadingSchema),
    blocks: z.array(reportBlockSchema),
  }),
  z.strictObject({
    installed: z.literal(false),
    /** From the committed places file: the headings are still known. */
    headings: z.array(reportHeadingSchema),
    install: installHintSchema,
  }),
]);
export type ReportResponse = z.infer<typeof reportResponseSchema>;

export const PLACE_PROBLEMS = ['crosses-cell', 'crosses-heading', 'section-mismatch', 'ambiguous'] as const;

export const passageFactSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('node'), id: z.string(), label: z.enum(NODE_LABELS), name: z.string(), nameEn: z.string() }),
  z.strictObject({
    kind: z.literal('relationship'),
    id: z.string(),
    type: z.enum(REL_TYPES),
    source: z.string(),
    target: z.string(),
    sourceName: z.string(),
    sourceNameEn: z.string(),
    targetName: z.string(),
    targetNameEn: z.string(),
    evidence: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('figure'),
    /** The node the figure belongs to. */
    id: z.string(),
    name: z.string(),
    nameEn: z.string(),
    metric: z.string(),
    metricEn: z.string(),
    value: z.number(),
    unit: z.string(),
    /** Absent when the report does not give the figure's year (the seed's `note` says what it gives). */
    year: z.string().optional(),
  }),
]);
export type PassageFact = z.infer<typeof passageFactSchema>;

export const passageSchema = z.strictObject({
  /** Character range in the text; a link to the passage is `report=<start>-<end>`. */
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /** The innermost heading the passage stands under (see `headings`). */
  heading: z.number().int().min(-1),
  /** The quotes cited at this range (usually one) with the section each citation names. */
  quotes: z.array(z.strictObject({ section: z.string(), quote: z.string() })),
  problems: z.array(z.enum(PLACE_PROBLEMS)).optional(),
  /** Nodes, relationships and figures citing the passage, nodes first, then by id. */
  facts: z.array(passageFactSchema),
  /** Tour steps citing the passage. */
  tours: z.array(z.strictObject({ tour: z.string(), step: z.string() })),
});
export type Passage = z.infer<typeof passageSchema>;

export const passagesResponseSchema = z.strictObject({
  /** Whether the full text is installed (places then come from it, else from the committed places file). */
  installed: z.boolean(),
  headings: z.array(reportHeadingSchema),
  /** In document order. */
  passages: z.array(passageSchema),
  /** Citations whose quote has no place (not in the text, or not in the places file). */
  unplaced: z.number().int().min(0),
});
export type PassagesResponse = z.infer<typeof passagesResponseSchema>;
