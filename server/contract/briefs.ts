/**
 * The contract of `GET /api/briefs` and `GET /api/compare` as zod schemas: the query each
 * takes (validated by `validateQuery`, so every error names its parameter) and the JSON each
 * returns. `server/openapi.ts` describes the same; keeping the shapes here makes the
 * document easy to generate from them.
 */
import { z } from 'zod';
import { isWellFormedId, optionalDate } from '../http/params.js';

const optionalId = () =>
  z
    .string()
    .optional()
    .refine((s) => s === undefined || isWellFormedId(s), { message: 'must be a node id such as `agency:cbrc`.' });

export const BRIEF_KINDS = ['regulators', 'rules', 'path', 'node', 'tour'] as const;
export const BRIEF_FORMATS = ['md', 'html', 'json'] as const;
export const LANGS = ['zh', 'en'] as const;

const oneOf = <T extends readonly [string, ...string[]]>(values: T, fallback?: T[number]) => {
  const e = z.enum(values, { error: `must be one of ${values.map((v) => `\`${v}\``).join(', ')}.` });
  return fallback === undefined
    ? z.string({ error: 'is required.' }).pipe(e)
    : e.optional().transform((v) => v ?? fallback);
};

/** Which parameters each kind needs: `kind=regulators&segment=…`, `kind=path&a=…&b=…`. */
export const BRIEF_NEEDS: Record<(typeof BRIEF_KINDS)[number], readonly string[]> = {
  regulators: ['segment'],
  rules: ['topic'],
  path: ['a', 'b'],
  node: ['id'],
  tour: ['tour'],
};

export const briefQuery = {
  kind: oneOf(BRIEF_KINDS),
  segment: optionalId(),
  topic: optionalId(),
  a: optionalId(),
  b: optionalId(),
  id: optionalId(),
  tour: z
    .string()
    .optional()
    .refine((s) => s === undefined || (s.length <= 80 && /^[a-z0-9][a-z0-9-]*$/.test(s)), { message: 'must be a tour id such as `p2p-lending`.' }),
  asOf: optionalDate(),
  lang: oneOf(LANGS, 'zh'),
  format: oneOf(BRIEF_FORMATS, 'md'),
};

const source = z.object({ section: z.string(), quote: z.string() });

export const briefSchema = z.object({
  lang: z.enum(LANGS),
  title: z.string(),
  question: z.string(),
  derivation: z.array(z.string()),
  asOf: z.string().nullable(),
  permalink: z.string(),
  groups: z.array(
    z.object({
      heading: z.string(),
      facts: z.array(z.object({ statement: z.string(), evidence: z.enum(['stated', 'inferred', 'attributed']), sources: z.array(source) })),
    }),
  ),
  reference: z.string(),
});

export const compareQuery = {
  a: z.string({ error: 'is required.' }).refine(isWellFormedId, { message: 'must be a node id such as `segment:p2p-lending`.' }),
  b: z.string({ error: 'is required.' }).refine(isWellFormedId, { message: 'must be a node id such as `segment:equity-crowdfunding`.' }),
  asOf: optionalDate(),
  asOfB: optionalDate(),
};

const side = z.object({ id: z.string(), name: z.string(), nameEn: z.string(), label: z.string() });
const entry = z.object({ node: side, inA: z.boolean(), inB: z.boolean() });

export const comparisonSchema = z.object({
  a: side,
  b: side,
  asOf: z.object({ a: z.string().nullable(), b: z.string().nullable() }),
  kind: z.enum(['segments', 'agencies']),
  /** Per facet (rules, agencies or segments, prohibits, requires, addresses): every item with where it is found. */
  facets: z.array(z.object({ facet: z.string(), items: z.array(entry), shared: z.number(), onlyA: z.number(), onlyB: z.number() })),
});

export type Comparison = z.infer<typeof comparisonSchema>;
