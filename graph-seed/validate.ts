/**
 * Validation of the seed files: every problem in one pass, each named by file, record and
 * field. Pure (texts in, graph and issues out) so tests can feed it any input; reading the
 * disk is `read-seed-files.ts`, throwing is `load-seed.ts`.
 *
 * Hostile input stays bounded: files above a size are not parsed, arrays above a length are
 * not walked, strings above a length are refused, values appear in messages only as short
 * excerpts, no step recurses on input depth, and the issue list is capped.
 */
import type { z } from 'zod';
import { isoDateProblem } from './dates.js';
import { excerpt, formatIssue, type SeedIssue } from './errors.js';
import { findJsonSyntaxError, lineColumn } from './json-syntax.js';
import { PREFERRED_QUOTE_LENGTH, QuoteChecker } from './quote-check.js';
import {
  ACYCLIC_REL_TYPES,
  EVIDENCE_LEVELS,
  evidenceOf,
  figureSchema,
  ID_PREFIX,
  nodeSchema,
  NODE_LABELS,
  REL_ENDPOINTS,
  REL_TYPES,
  relationshipId,
  relationshipSchema,
  sourceSchema,
  type GraphRelationship,
  type RelType,
  type SeedGraph,
  type SeedNode,
  type SeedRelationship,
  type Source,
} from './schema.js';

export type { SeedIssue };

export interface SeedFileInput {
  path: string;
  text: string;
  /** Set by the reader when the file was too large to read; `text` is then empty. */
  tooLargeBytes?: number;
}

export interface SeedStats {
  files: number;
  nodes: number;
  relationships: number;
  labels: Record<string, number>;
  types: Record<string, number>;
  /** Quotes cited (nodes, figures, relationships) and how many were found in the source. */
  quotes: { total: number; verified: number; checked: boolean };
}

export interface ValidationResult {
  /** Present only when there are no issues. */
  graph?: SeedGraph;
  /** The first `MAX_STORED_ISSUES` issues. */
  issues: SeedIssue[];
  /** How many issues were found in all (may exceed `issues.length`). */
  totalIssues: number;
  warnings: string[];
  stats: SeedStats;
}

/** Limits that keep validation bounded in time and memory on hostile input. */
export const LIMITS = {
  /** Characters of one seed file. */
  fileChars: 64 * 1024 * 1024,
  /** Records in one `nodes` or `relationships` array. */
  recordsPerArray: 100_000,
  /** Characters of any one text field. */
  textChars: 5_000,
  /** Issues kept in the result (all are counted). */
  storedIssues: 1_000,
  /** Once this many issues are found, per-record schema checks stop (the counts stay honest about it). */
  schemaIssueBudget: 10_000,
  /** Warnings kept. */
  storedWarnings: 200,
} as const;

const NODE_KEYS = Object.keys(nodeSchema.shape);
const REL_KEYS = Object.keys(relationshipSchema.shape);
const SOURCE_KEYS = Object.keys(sourceSchema.shape);
const FIGURE_KEYS = Object.keys(figureSchema.shape);
const FILE_KEYS = ['comment', 'nodes', 'relationships'];
/** Neo4j property names the loader sets itself on relationships. */
const RESERVED_REL_PROPERTIES = new Set(['id', 'sourcesJson']);

class IssueList {
  readonly items: SeedIssue[] = [];
  total = 0;
  add(issue: SeedIssue): void {
    this.total++;
    if (this.items.length < LIMITS.storedIssues) this.items.push(issue);
  }
}

class WarningList {
  readonly items: string[] = [];
  private dropped = 0;
  add(w: string): void {
    if (this.items.length < LIMITS.storedWarnings) this.items.push(w);
    else this.dropped++;
  }
  done(): string[] {
    return this.dropped > 0 ? [...this.items, `... and ${this.dropped} more warnings`] : this.items;
  }
}

interface Located<T> {
  value: T;
  file: string;
  /** `rule:foo (nodes[3])` */
  where: string;
  /** `nodes[3]` */
  pos: string;
}

export function validateSeedFiles(files: readonly SeedFileInput[], source: string | undefined): ValidationResult {
  const issues = new IssueList();
  const warnings = new WarningList();
  const nodes: Array<Located<SeedNode>> = [];
  const rels: Array<Located<SeedRelationship>> = [];
  let schemaStopped = false;
  // Ids of nodes that exist but are broken (schema errors, unparsable file): relationships
  // to them are not reported as dangling too, so one mistake gives one message.
  const brokenIds = new Set<string>();

  if (files.length === 0) issues.add({ file: '(seed data)', message: 'no *.json seed files found' });

  for (const file of files) {
    const json = parseFile(file, issues);
    if (json === undefined) {
      for (const m of file.text.slice(0, LIMITS.fileChars).matchAll(/"id"\s*:\s*"([^"\\]{1,200})"/g)) brokenIds.add(m[1]!);
      continue;
    }
    const before = issues.total;
    const arrays = checkFileShape(file.path, json, issues);
    if (issues.total > before) {
      // Some records could not be read; their ids may be referenced elsewhere.
      for (const m of file.text.slice(0, LIMITS.fileChars).matchAll(/"id"\s*:\s*"([^"\\]{1,200})"/g)) brokenIds.add(m[1]!);
    }
    for (const [key, schema, out] of [
      ['nodes', nodeSchema, nodes],
      ['relationships', relationshipSchema, rels],
    ] as const) {
      const records = arrays[key];
      if (records === undefined) continue;
      for (let i = 0; i < records.length; i++) {
        if (issues.total >= LIMITS.schemaIssueBudget) {
          schemaStopped = true;
          break;
        }
        const raw = records[i];
        const where = recordWhere(key, i, raw);
        checkTextLengths(file.path, where, raw, issues);
        const parsed = schema.safeParse(raw);
        if (parsed.success) {
          (out as Array<Located<unknown>>).push({ value: parsed.data, file: file.path, where, pos: `${key}[${i}]` });
          continue;
        }
        const rawId = (raw as { id?: unknown } | null)?.id;
        if (key === 'nodes' && typeof rawId === 'string') brokenIds.add(rawId);
        for (const zi of parsed.error.issues) for (const issue of fromZod(file.path, where, key, raw, zi)) issues.add(issue);
      }
    }
  }
  if (schemaStopped) {
    issues.add({
      file: '(seed data)',
      message: `stopped checking records after ${LIMITS.schemaIssueBudget} issues; fix these first`,
    });
  }

  const quotes = source === undefined ? undefined : new QuoteChecker(source);
  if (quotes === undefined) warnings.add('no source text available: the quote check was skipped (other checks ran)');
  const quoteStats = { total: 0, verified: 0, checked: quotes !== undefined };
  const checkSources = (file: string, where: string, prefix: string, sources: readonly Source[]): void => {
    sources.forEach((s, i) => {
      const field = `${prefix}sources[${i}].quote`;
      quoteStats.total++;
      if (s.quote.length > PREFERRED_QUOTE_LENGTH) {
        warnings.add(
          formatIssue({ file, where, field, message: `quote is ${s.quote.length} characters; prefer at most ${PREFERRED_QUOTE_LENGTH}` }),
        );
      }
      if (quotes === undefined) return;
      const problem = quotes.check(s.quote);
      if (problem === undefined) quoteStats.verified++;
      else issues.add({ file, where, field, message: problem });
    });
  };

  // Nodes: ids, labels, dates, aliases, quotes.
  const byId = new Map<string, Located<SeedNode>>();
  for (const located of nodes) {
    const { value: n, file, where } = located;
    const first = byId.get(n.id);
    if (first) {
      issues.add({ file, where, field: 'id', message: `duplicate node id "${n.id}"; first defined in ${first.file} ${first.pos}` });
    } else {
      byId.set(n.id, located);
    }
    const prefix = `${ID_PREFIX[n.label]}:`;
    if (!n.id.startsWith(prefix)) {
      issues.add({ file, where, field: 'id', message: `a ${n.label} id must start with "${prefix}" (got "${excerpt(n.id)}")` });
    }
    if (n.date !== undefined) checkCalendarDate(file, where, 'date', n.date, issues);
    if (n.startYear !== undefined && n.endYear !== undefined && n.startYear > n.endYear) {
      issues.add({ file, where, field: 'endYear', message: `endYear ${n.endYear} is before startYear ${n.startYear}` });
    }
    checkAliases(file, where, n, issues);
    checkSources(file, where, '', n.sources);
    n.figures.forEach((f, i) => {
      if (f.year !== undefined) checkCalendarDate(file, where, `figures[${i}].year`, f.year, issues);
      else if (f.note === undefined) issues.add({ file, where, field: `figures[${i}].year`, message: 'a figure without a year needs a `note` saying what period the text gives' });
      if (evidenceOf(f) !== 'stated' && f.note === undefined) {
        issues.add({ file, where, field: `figures[${i}].note`, message: `an ${evidenceOf(f)} figure needs a \`note\` saying what it rests on` });
      }
      checkSources(file, where, `figures[${i}].`, f.sources);
    });
  }

  // Relationships: duplicates, endpoints, property names, quotes.
  const relById = new Map<string, Located<SeedRelationship>>();
  const graphRels: Array<Located<GraphRelationship>> = [];
  for (const located of rels) {
    const { value: r, file, where } = located;
    const id = relationshipId(r);
    const first = relById.get(id);
    if (first) {
      issues.add({ file, where, message: `duplicate relationship ${id}; first defined in ${first.file} ${first.pos}` });
    } else {
      relById.set(id, located);
    }
    let endpointsOk = true;
    for (const end of ['source', 'target'] as const) {
      const node = byId.get(r[end]);
      if (!node) {
        endpointsOk = false;
        if (brokenIds.has(r[end])) continue; // reported where the node is defined
        issues.add({ file, where, field: end, message: `no node has id "${excerpt(r[end])}"` });
        continue;
      }
      const allowed = REL_ENDPOINTS[r.type][end === 'source' ? 'from' : 'to'];
      if (!allowed.includes(node.value.label)) {
        endpointsOk = false;
        issues.add({
          file,
          where,
          field: end,
          message: `${r.type} ${end === 'source' ? 'starts at' : 'ends at'} ${allowed.join(' or ')}, but ${r[end]} is a ${node.value.label}`,
        });
      }
    }
    const from = byId.get(r.source)?.value;
    const to = byId.get(r.target)?.value;
    if (r.type === 'PART_OF' && from && to && from.label !== to.label) {
      endpointsOk = false;
      issues.add({
        file,
        where,
        message: `PART_OF must join two nodes of the same label; ${r.source} is a ${from.label}, ${r.target} is a ${to.label}`,
      });
    }
    for (const key of Object.keys(r.properties)) {
      if (RESERVED_REL_PROPERTIES.has(key)) {
        issues.add({ file, where, field: `properties.${key}`, message: `"${key}" is set by the loader; use another property name` });
      } else if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) {
        issues.add({ file, where, field: `properties`, message: `property name "${excerpt(key)}" must be letters, digits and _ (starting with a letter)` });
      }
    }
    checkEvidence(file, where, r.properties, issues);
    checkSources(file, where, '', r.sources);
    if (!first && endpointsOk) graphRels.push({ value: { ...r, id }, file, where, pos: located.pos });
  }

  for (const type of ACYCLIC_REL_TYPES) findCycles(type, graphRels, issues);

  const labels: Record<string, number> = {};
  for (const l of NODE_LABELS) labels[l] = 0;
  for (const n of byId.values()) labels[n.value.label] = (labels[n.value.label] ?? 0) + 1;
  const types: Record<string, number> = {};
  for (const t of REL_TYPES) types[t] = 0;
  for (const r of relById.values()) types[r.value.type] = (types[r.value.type] ?? 0) + 1;

  const stats: SeedStats = {
    files: files.length,
    nodes: nodes.length,
    relationships: rels.length,
    labels,
    types,
    quotes: quoteStats,
  };
  const result: ValidationResult = { issues: issues.items, totalIssues: issues.total, warnings: warnings.done(), stats };
  if (issues.total === 0) {
    result.graph = { nodes: nodes.map((n) => n.value), relationships: graphRels.map((r) => r.value) };
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// Files: encoding, syntax, top-level shape

function parseFile(file: SeedFileInput, issues: IssueList): unknown {
  const at = (offset: number): string => {
    const { line, column } = lineColumn(text, offset);
    return `line ${line}, column ${column}`;
  };
  if (file.tooLargeBytes !== undefined || file.text.length > LIMITS.fileChars) {
    const size = file.tooLargeBytes ?? file.text.length;
    issues.add({ file: file.path, message: `file is too large (${(size / 1048576).toFixed(1)} MB; at most ${LIMITS.fileChars / 1048576} MB): split it` });
    return undefined;
  }
  let text = file.text;
  if (text.startsWith('\uFEFF')) {
    issues.add({ file: file.path, where: 'line 1, column 1', message: 'file starts with a byte-order mark (BOM); save it as UTF-8 without BOM' });
    text = text.slice(1);
  }
  const bad = text.indexOf('\uFFFD');
  if (bad !== -1) {
    let count = 0;
    for (let i = bad; i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
    issues.add({
      file: file.path,
      where: at(bad),
      message: `file is not valid UTF-8: invalid byte sequence (decoded as U+FFFD${count > 1 ? `, ${count} in all` : ''}); save it as UTF-8`,
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const found = findJsonSyntaxError(text);
    if (found) {
      issues.add({ file: file.path, where: at(found.offset), message: `invalid JSON: ${found.message}` });
    } else {
      // The scanner and JSON.parse disagree (should not happen): still report, without position.
      issues.add({ file: file.path, message: `invalid JSON: ${excerpt((err as Error).message, 120)}` });
    }
    return undefined;
  }
}

type RecordArrays = { nodes?: unknown[]; relationships?: unknown[] };

function checkFileShape(file: string, json: unknown, issues: IssueList): RecordArrays {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    issues.add({ file, message: `a seed file must hold a JSON object with "nodes" and/or "relationships", got ${kindOf(json)}` });
    return {};
  }
  const obj = json as Record<string, unknown>;
  const out: RecordArrays = {};
  for (const key of Object.keys(obj)) {
    if (!FILE_KEYS.includes(key)) {
      issues.add({ file, field: excerpt(key), message: `unknown property${suggest(key, FILE_KEYS)}; a seed file holds ${FILE_KEYS.join(', ')}` });
    }
  }
  if (obj.comment !== undefined && typeof obj.comment !== 'string') {
    issues.add({ file, field: 'comment', message: `must be a string, got ${kindOf(obj.comment)}` });
  }
  for (const key of ['nodes', 'relationships'] as const) {
    const v = obj[key];
    if (v === undefined) continue;
    if (!Array.isArray(v)) {
      issues.add({ file, field: key, message: `must be an array, got ${kindOf(v)}` });
    } else if (v.length > LIMITS.recordsPerArray) {
      issues.add({
        file,
        field: key,
        message: `holds ${v.length} records; a seed file may hold at most ${LIMITS.recordsPerArray} per array (split it); its records were not checked`,
      });
    } else {
      out[key] = v;
    }
  }
  if (obj.nodes === undefined && obj.relationships === undefined) {
    issues.add({ file, message: 'a seed file needs "nodes" or "relationships"' });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Records

function recordWhere(key: 'nodes' | 'relationships', i: number, raw: unknown): string {
  const pos = `${key}[${i}]`;
  if (typeof raw !== 'object' || raw === null) return pos;
  const r = raw as Record<string, unknown>;
  const short = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 120 && !/\s/.test(v);
  if (key === 'nodes') return short(r.id) ? `${r.id} (${pos})` : pos;
  if (short(r.source) && short(r.target) && short(r.type)) {
    return `${relationshipId({ source: r.source, target: r.target, type: r.type as RelType })} (${pos})`;
  }
  return pos;
}

/** Refuses over-long strings anywhere in a record, walking a bounded number of values. */
function checkTextLengths(file: string, where: string, raw: unknown, issues: IssueList): void {
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: raw, path: '', depth: 0 }];
  let visited = 0;
  while (stack.length > 0 && visited < 10_000) {
    const { v, path, depth } = stack.pop()!;
    visited++;
    if (typeof v === 'string') {
      if (v.length > LIMITS.textChars) {
        issues.add({ file, where, field: path || undefined, message: `text is ${v.length} characters long; at most ${LIMITS.textChars} are allowed` });
      }
    } else if (typeof v === 'object' && v !== null && depth < 4) {
      const entries = Array.isArray(v) ? v.map((x, i) => [`[${i}]`, x] as const) : Object.entries(v).map(([k, x]) => [path ? `.${k}` : k, x] as const);
      if (entries.length > 10_000) continue;
      for (const [k, x] of entries) stack.push({ v: x, path: `${path}${k}`, depth: depth + 1 });
    }
  }
}

function pathString(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else s += s === '' ? String(p) : `.${String(p)}`;
  }
  return s;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const p of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** The keys allowed in the object at `path` of a node or relationship record. */
function allowedKeys(record: 'nodes' | 'relationships', path: readonly PropertyKey[]): string[] {
  if (path.length === 0) return record === 'nodes' ? NODE_KEYS : REL_KEYS;
  const parent = path[path.length - 2];
  if (parent === 'sources') return SOURCE_KEYS;
  if (parent === 'figures') return FIGURE_KEYS;
  return [];
}

function kindOf(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string "${excerpt(v)}"`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return `${v}`;
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
};

function fromZod(
  file: string,
  where: string,
  record: 'nodes' | 'relationships',
  raw: unknown,
  zi: z.core.$ZodIssue,
): SeedIssue[] {
  if (zi.code === 'unrecognized_keys') {
    const allowed = allowedKeys(record, zi.path);
    const prefix = zi.path.length === 0 ? '' : `${pathString(zi.path)}.`;
    return zi.keys.slice(0, 20).map((k) => ({
      file,
      where,
      field: `${prefix}${excerpt(k)}`,
      message: `unknown property${suggest(k, allowed)}; allowed: ${allowed.join(', ')}`,
    }));
  }
  return [fromZodOne(file, where, record, raw, zi)];
}

function fromZodOne(
  file: string,
  where: string,
  record: 'nodes' | 'relationships',
  raw: unknown,
  zi: z.core.$ZodIssue,
): SeedIssue {
  const field = pathString(zi.path) || undefined;
  const value = valueAt(raw, zi.path);
  const base = { file, where, field };
  switch (zi.code) {
    case 'invalid_type':
      if (value === undefined) return { ...base, message: 'is required but missing' };
      if (record === 'relationships' && zi.path[0] === 'properties' && zi.path.length === 2) {
        return { ...base, message: `must be a string, number or boolean (Neo4j stores scalar properties), got ${kindOf(value)}` };
      }
      return { ...base, message: `must be ${EXPECTED[zi.expected] ?? zi.expected}, got ${kindOf(value)}` };
    case 'invalid_union':
      return { ...base, message: `must be a string, number or boolean (Neo4j stores scalar properties), got ${kindOf(value)}` };
    case 'invalid_value': {
      if (value === undefined) return { ...base, message: 'is required but missing' };
      const options = zi.values.map(String);
      const what = field === 'label' ? 'unknown label' : field === 'type' ? 'unknown relationship type' : 'unknown value';
      return { ...base, message: `${what} ${kindOf(value).replace(/^the string /, '')}${typeof value === 'string' ? suggest(value, options) : ''}; expected one of ${options.join(', ')}` };
    }
    case 'invalid_format':
      return { ...base, message: `${zi.message} (got ${kindOf(value)})` };
    case 'too_small':
    case 'too_big':
      if (zi.origin === 'number' || zi.origin === 'int') {
        const bound = zi.code === 'too_small' ? `at least ${String(zi.minimum)}` : `at most ${String(zi.maximum)}`;
        return { ...base, message: `must be ${bound}, got ${kindOf(value)}` };
      }
      return { ...base, message: zi.message };
    default:
      return { ...base, message: zi.message };
  }
}

// ---------------------------------------------------------------------------------------
// Field rules the schema cannot express

/** `evidence` is one of the levels (absent: stated); a fact read into the text says why in `note`. */
function checkEvidence(file: string, where: string, props: Record<string, unknown>, issues: IssueList): void {
  const e = props['evidence'];
  if (e === undefined) return;
  if (e === 'stated') {
    issues.add({ file, where, field: 'properties.evidence', message: 'leave `evidence` out for a stated fact' });
  } else if (!(EVIDENCE_LEVELS as readonly unknown[]).includes(e)) {
    issues.add({ file, where, field: 'properties.evidence', message: `must be "attributed" or "inferred", got ${kindOf(e)}` });
  } else if (typeof props['note'] !== 'string' || props['note'].trim() === '') {
    issues.add({ file, where, field: 'properties.note', message: `an ${String(e)} relationship needs a \`note\` saying what it rests on` });
  }
}

/** `2016-02-30` matches the ISO pattern but is not a day; neither is month 13 (./dates.ts). */
function checkCalendarDate(file: string, where: string, field: string, date: string, issues: IssueList): void {
  const message = isoDateProblem(date);
  if (message !== null) issues.add({ file, where, field, message });
}

function checkAliases(file: string, where: string, n: SeedNode, issues: IssueList): void {
  const seen = new Map<string, number>();
  n.aliases.forEach((alias, i) => {
    const key = alias.normalize('NFKC').trim().toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      issues.add({ file, where, field: `aliases[${i}]`, message: `duplicate alias "${excerpt(alias)}" (same as aliases[${first}])` });
    } else {
      seen.set(key, i);
    }
  });
}

/**
 * Cycles in a relationship type that must be a hierarchy or an order. Iterative depth-first
 * search (no recursion, so a 100k-long chain is fine); each cycle is reported once, on the
 * relationship that closes it.
 */
function findCycles(type: RelType, rels: ReadonlyArray<Located<GraphRelationship>>, issues: IssueList): void {
  const out = new Map<string, Array<Located<GraphRelationship>>>();
  for (const r of rels) {
    if (r.value.type !== type) continue;
    const list = out.get(r.value.source);
    if (list) list.push(r);
    else out.set(r.value.source, [r]);
  }
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  for (const start of out.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    const cursor: number[] = [0];
    state.set(start, 1);
    while (path.length > 0) {
      const node = path[path.length - 1]!;
      const edges = out.get(node) ?? [];
      const k = cursor[cursor.length - 1]!;
      if (k >= edges.length) {
        state.set(node, 2);
        path.pop();
        cursor.pop();
        continue;
      }
      cursor[cursor.length - 1] = k + 1;
      const edge = edges[k]!;
      const next = edge.value.target;
      const s = state.get(next);
      if (s === 1) {
        const cycle = [...path.slice(path.lastIndexOf(next)), next];
        const shown = cycle.length <= 12 ? cycle.join(' -> ') : `${cycle.slice(0, 6).join(' -> ')} -> … -> ${cycle.slice(-3).join(' -> ')} (${cycle.length - 1} relationships)`;
        issues.add({ file: edge.file, where: edge.where, message: `${type} must not form a cycle: ${shown}` });
      } else if (s === undefined) {
        state.set(next, 1);
        path.push(next);
        cursor.push(0);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------

/** ` (did you mean "nameEn"?)` when a close known word exists. */
function suggest(word: string, known: readonly string[]): string {
  if (word.length > 40) return '';
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(word.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(best.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
