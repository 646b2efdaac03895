/**
 * Query-string parsing and validation for every route. The contract is strict on purpose:
 * a typo in a parameter name, a repeated parameter or a malformed percent-escape is a
 * 400 that names the culprit, not a silently ignored filter.
 */
import type { Request } from 'express';
import { z } from 'zod';
import { isIsoDate } from '../../graph-seed/dates.js';
import { isNodeId, NODE_LABELS, REL_TYPES, type NodeLabel, type RelType } from '../../graph-seed/schema.js';
import { badRequest } from './errors.js';

/** Query parameters as received: every value of every key, in order. */
export type RawQuery = Map<string, string[]>;

function decodeComponent(text: string, what: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw badRequest(`Malformed percent-encoding in ${what}.`);
  }
}

/** Parses `a=1&b=2` without the leniency of `querystring` (which hides bad escapes). */
export function parseQueryString(search: string): RawQuery {
  const out: RawQuery = new Map();
  for (const part of search.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    const key = decodeComponent(rawKey, 'a query parameter name');
    const value = decodeComponent(rawValue, `query parameter \`${key}\``);
    const values = out.get(key);
    if (values) values.push(value);
    else out.set(key, [value]);
  }
  return out;
}

/** The query string of a request URL (`req.originalUrl` keeps it even under a mount path). */
export function rawQueryOf(req: Request): RawQuery {
  const url = req.originalUrl;
  const q = url.indexOf('?');
  return parseQueryString(q === -1 ? '' : url.slice(q + 1));
}

/** Shape of a route's query: each key is a zod schema taking the single string value (or undefined). */
export type QueryShape = Record<string, z.ZodType>;

/**
 * Validates a request's query against `shape`: no unknown keys, no repeated keys, each
 * value through its schema. Errors name the parameter.
 */
export function validateQuery<S extends QueryShape>(req: Request, shape: S): { [K in keyof S]: z.output<S[K]> } {
  const raw = rawQueryOf(req);
  const unknown = [...raw.keys()].filter((k) => !Object.hasOwn(shape, k));
  if (unknown.length > 0) {
    const allowed = Object.keys(shape);
    throw badRequest(
      `Unknown query parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `\`${k}\``).join(', ')}` +
        (allowed.length > 0 ? `; this endpoint accepts ${allowed.map((k) => `\`${k}\``).join(', ')}.` : '; this endpoint takes no parameters.'),
    );
  }
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const values = raw.get(key);
    if (values && values.length > 1) throw badRequest(`Query parameter \`${key}\` is repeated; give it once.`);
    const result = schema.safeParse(values?.[0]);
    if (!result.success) {
      const message = result.error.issues[0]?.message ?? 'is invalid';
      throw badRequest(`Query parameter \`${key}\` ${message}`);
    }
    out[key] = result.data;
  }
  return out as { [K in keyof S]: z.output<S[K]> };
}

// ---------------------------------------------------------------------------------------
// Building blocks. Messages complete the sentence "Query parameter `x` …".

/** A node id as the seed writes it (`agency:cbrc`): graph-seed/vocabulary.ts. */
export function isWellFormedId(id: string): boolean {
  return isNodeId(id);
}

const present = (what: string) =>
  z.string({ error: (iss) => (iss.input === undefined ? 'is required.' : `must be ${what}.`) });

export function requiredText(min: number, max: number) {
  return present('text')
    .transform((s) => s.trim())
    .refine((s) => s.length >= min, { message: `must not be empty (after trimming).` })
    .refine((s) => s.length <= max, { message: `must be at most ${max} characters.` });
}

export function requiredId() {
  return present('a node id').refine(isWellFormedId, { message: 'must be a node id such as `agency:cbrc`.' });
}

export function optionalInt(min: number, max: number, fallback: number) {
  return z
    .string()
    .optional()
    .refine((s) => s === undefined || /^\d{1,6}$/.test(s), { message: `must be an integer from ${min} to ${max}.` })
    .transform((s) => (s === undefined ? fallback : Number(s)))
    .refine((n) => n >= min && n <= max, { message: `must be an integer from ${min} to ${max}.` });
}

export function optionalBool(fallback: boolean) {
  return z
    .enum(['true', 'false'], { error: 'must be `true` or `false`.' })
    .optional()
    .transform((s) => (s === undefined ? fallback : s === 'true'));
}

export function optionalDate() {
  return z
    .string()
    .optional()
    .refine((s) => s === undefined || isIsoDate(s), { message: 'must be an ISO date: 2016, 2016-07 or 2016-07-18.' });
}

/** A comma-separated list drawn from `allowed`; duplicates are dropped, order kept. */
function optionalList<T extends string>(allowed: readonly T[], noun: string) {
  return z
    .string()
    .optional()
    .transform((s, ctx): T[] | undefined => {
      if (s === undefined) return undefined;
      const items = s.split(',').map((x) => x.trim());
      if (items.some((x) => x === '')) {
        ctx.addIssue({ code: 'custom', message: `must be a comma-separated list of ${noun}s without empty items.` });
        return z.NEVER;
      }
      const bad = items.filter((x) => !(allowed as readonly string[]).includes(x));
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `has unknown ${noun}${bad.length > 1 ? 's' : ''} ${bad.map((b) => `\`${b}\``).join(', ')}; known: ${allowed.join(', ')}.`,
        });
        return z.NEVER;
      }
      return [...new Set(items)] as T[];
    });
}

export const labelsParam = () => optionalList<NodeLabel>(NODE_LABELS, 'label');
export const typesParam = () => optionalList<RelType>(REL_TYPES, 'relationship type');

/** Up to `max` node ids, comma-separated. */
export function optionalIdList(max: number) {
  return z
    .string()
    .optional()
    .transform((s, ctx): string[] | undefined => {
      if (s === undefined) return undefined;
      const ids = s.split(',').map((x) => x.trim());
      const bad = ids.filter((x) => !isWellFormedId(x));
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a comma-separated list of node ids; not ids: ${bad.slice(0, 5).map((b) => `\`${b}\``).join(', ')}.`,
        });
        return z.NEVER;
      }
      const unique = [...new Set(ids)];
      if (unique.length > max) {
        ctx.addIssue({ code: 'custom', message: `lists ${unique.length} ids; at most ${max} are allowed.` });
        return z.NEVER;
      }
      return unique;
    });
}

/** Path parameter `id`: a malformed id is a 400, a well-formed unknown one a 404 (checked by the route). */
export function pathId(req: Request): string {
  const id = req.params['id'];
  if (typeof id !== 'string' || !isWellFormedId(id)) {
    throw badRequest('Path parameter `id` must be a node id such as `agency:cbrc`.');
  }
  return id;
}
