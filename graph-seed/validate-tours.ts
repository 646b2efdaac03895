/**
 * Validation of the guided tours against the graph and the source text: every problem at
 * once, each named by file, step and field like the seed validator's issues. A tour that
 * names an unknown id, asks a question of the wrong kind of node (a segment id that is not
 * a Segment), or cites a quote the report does not hold is rejected.
 *
 * Pure (texts and graph in, tours and issues out); reading the disk is `validateTourDir`,
 * throwing is `loadTours`.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { isIsoDate } from './dates.js';
import { excerpt, SeedValidationError, type SeedIssue } from './errors.js';
import { PREFERRED_QUOTE_LENGTH, QuoteChecker } from './quote-check.js';
import { decodeUtf8, displayPath, readSourceText, repoRoot } from './read-seed-files.js';
import { defaultSourcePath } from './source-text.js';
import type { NodeLabel } from './schema.js';
import { IMPLIED_WORDING, tourSchema, type Tour } from './tour-schema.js';

export interface TourFileInput {
  path: string;
  text: string;
}

/** The part of the graph tours are checked against. */
export interface TourGraph {
  nodes: ReadonlyArray<{ id: string; label: NodeLabel | string }>;
}

export interface TourValidationResult {
  /** Present only when there are no issues; in teaching order (`order`, then id). */
  tours?: Tour[];
  issues: SeedIssue[];
  totalIssues: number;
  warnings: string[];
  stats: { files: number; tours: number; steps: number; quotes: { total: number; verified: number; checked: boolean } };
}

const MAX_TOUR_FILE_CHARS = 1024 * 1024;

export function validateTourFiles(files: readonly TourFileInput[], graph: TourGraph, source: string | undefined): TourValidationResult {
  const issues: SeedIssue[] = [];
  const warnings: string[] = [];
  const labels = new Map<string, string>(graph.nodes.map((n) => [n.id, n.label]));
  const quotes = source === undefined ? undefined : new QuoteChecker(source);
  if (quotes === undefined) warnings.push('no source text available: the quote check of the tours was skipped (other checks ran)');
  const quoteStats = { total: 0, verified: 0, checked: quotes !== undefined };
  const tours: Tour[] = [];
  const firstFile = new Map<string, string>();
  let steps = 0;

  for (const file of files) {
    if (file.text.length > MAX_TOUR_FILE_CHARS) {
      issues.push({ file: file.path, message: `file is too large (${file.text.length} characters; at most ${MAX_TOUR_FILE_CHARS}): split the tour` });
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(file.text.startsWith('\uFEFF') ? file.text.slice(1) : file.text);
    } catch (err) {
      issues.push({ file: file.path, message: `invalid JSON: ${excerpt((err as Error).message, 120)}` });
      continue;
    }
    const parsed = tourSchema.safeParse(json);
    if (!parsed.success) {
      for (const zi of parsed.error.issues) issues.push(fromZod(file.path, json, zi));
      continue;
    }
    const tour = parsed.data;
    const before = issues.length;
    const expectedName = `${tour.id}.json`;
    if (path.basename(file.path) !== expectedName) {
      issues.push({ file: file.path, field: 'id', message: `tour id "${tour.id}" must match the file name (expected ${expectedName})` });
    }
    const first = firstFile.get(tour.id);
    if (first !== undefined) issues.push({ file: file.path, field: 'id', message: `duplicate tour id "${tour.id}"; first defined in ${first}` });
    else firstFile.set(tour.id, file.path);

    const stepIds = new Map<string, number>();
    tour.steps.forEach((step, i) => {
      const where = `steps[${i}] (${step.id})`;
      const add = (field: string, message: string): void => void issues.push({ file: file.path, where, field, message });
      const seen = stepIds.get(step.id);
      if (seen !== undefined) add('id', `duplicate step id "${step.id}"; first used by steps[${seen}]`);
      else stepIds.set(step.id, i);

      const entitySeen = new Set<string>();
      step.entities.forEach((id, j) => {
        if (!labels.has(id)) add(`entities[${j}]`, `no node has id "${excerpt(id)}"`);
        else if (entitySeen.has(id)) add(`entities[${j}]`, `"${id}" is listed twice`);
        entitySeen.add(id);
      });

      const q = step.question;
      const expectLabel = (field: string, id: string, label: string | undefined): void => {
        const actual = labels.get(id);
        if (actual === undefined) add(field, `no node has id "${excerpt(id)}"`);
        else if (label !== undefined && actual !== label) add(field, `"${id}" is ${article(actual)} ${actual}, not ${article(label)} ${label}`);
      };
      if (q?.kind === 'regulators') expectLabel('question.segment', q.segment, 'Segment');
      else if (q?.kind === 'rules') expectLabel('question.topic', q.topic, 'Topic');
      else if (q?.kind === 'path') {
        expectLabel('question.from', q.from, undefined);
        expectLabel('question.to', q.to, undefined);
        if (q.from === q.to) add('question.to', 'a path question needs two different nodes');
      }

      if (step.asOf !== undefined && !isIsoDate(step.asOf)) add('asOf', `"${step.asOf}" is not a real calendar date`);
      if (step.evidence !== undefined) {
        const en = step.text.en.toLowerCase();
        if (!IMPLIED_WORDING.zh.some((w) => step.text.zh.includes(w))) add('text.zh', `an ${step.evidence} step must say so: use one of ${IMPLIED_WORDING.zh.join(', ')}`);
        if (!IMPLIED_WORDING.en.some((w) => en.includes(w))) add('text.en', `an ${step.evidence} step must say so: use one of "${IMPLIED_WORDING.en.join('", "')}"`);
      }

      step.sources.forEach((s, j) => {
        const field = `sources[${j}].quote`;
        quoteStats.total++;
        if (s.quote.length > PREFERRED_QUOTE_LENGTH) {
          warnings.push(`${file.path}: ${where}.${field}: quote is ${s.quote.length} characters; prefer at most ${PREFERRED_QUOTE_LENGTH}`);
        }
        if (quotes === undefined) return;
        const problem = quotes.check(s.quote);
        if (problem === undefined) quoteStats.verified++;
        else add(field, problem);
      });
    });
    steps += tour.steps.length;
    if (issues.length === before) tours.push(tour);
  }

  const result: TourValidationResult = {
    issues,
    totalIssues: issues.length,
    warnings,
    stats: { files: files.length, tours: tours.length, steps, quotes: quoteStats },
  };
  if (issues.length === 0) {
    result.tours = tours.sort((a, b) => (a.order ?? 1000) - (b.order ?? 1000) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return result;
}

function article(word: string): string {
  return /^[AEIOU]/.test(word) ? 'an' : 'a';
}

/** A zod issue as a tour issue: `steps[2] (id).title.en: must not be empty`. */
function fromZod(file: string, json: unknown, zi: z.core.$ZodIssue): SeedIssue {
  const p = zi.path.map(String);
  let where: string | undefined;
  let rest = p;
  if (p[0] === 'steps' && p[1] !== undefined && /^\d+$/.test(p[1])) {
    const stepId = (json as { steps?: Array<{ id?: unknown }> }).steps?.[Number(p[1])]?.id;
    where = typeof stepId === 'string' && stepId.length <= 80 ? `steps[${p[1]}] (${stepId})` : `steps[${p[1]}]`;
    rest = p.slice(2);
  }
  const field = rest.map((k) => (/^\d+$/.test(k) ? `[${k}]` : `.${k}`)).join('').replace(/^\./, '');
  let message = zi.message;
  if (zi.code === 'unrecognized_keys') message = `unknown propert${zi.keys.length > 1 ? 'ies' : 'y'} ${zi.keys.map((k) => `"${excerpt(k)}"`).join(', ')}`;
  else if (zi.code === 'invalid_type' && /received undefined/.test(zi.message)) message = 'is required';
  else if (zi.code === 'invalid_union' && field.endsWith('question')) message = 'must be {kind:"regulators", segment}, {kind:"rules", topic} or {kind:"path", from, to}';
  const issue: SeedIssue = { file, message };
  if (where !== undefined) issue.where = where;
  if (field !== '') issue.field = field;
  return issue;
}

// ---------------------------------------------------------------------------------------
// Disk

export function defaultToursDir(): string {
  return path.join(repoRoot(), 'graph-seed', 'tours');
}

/** Every `*.json` directly under `dir`, sorted by name. */
export async function readTourFiles(dir: string): Promise<TourFileInput[]> {
  const root = path.resolve(dir);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`tours directory not found: ${root}`);
  const names = (await readdir(root)).filter((n) => n.endsWith('.json')).sort();
  const out: TourFileInput[] = [];
  for (const name of names) {
    const file = path.join(root, name);
    out.push({ path: displayPath(file), text: decodeUtf8(await readFile(file)) });
  }
  return out;
}

export interface LoadToursOptions {
  /** Default `graph-seed/tours`. */
  toursDir?: string;
  /** As for the seed: default `SEED_SOURCE` or the shared source; `null` skips the quote check. */
  sourcePath?: string | null;
}

export async function validateTourDir(graph: TourGraph, opts: LoadToursOptions = {}): Promise<TourValidationResult & { toursDir: string }> {
  const toursDir = path.resolve(opts.toursDir ?? defaultToursDir());
  const sourcePath = opts.sourcePath === null ? null : path.resolve(opts.sourcePath ?? defaultSourcePath());
  const source = sourcePath === null ? undefined : await readSourceText(sourcePath);
  let files: TourFileInput[];
  try {
    files = await readTourFiles(toursDir);
  } catch (err) {
    return failed(graph, source, toursDir, (err as Error).message);
  }
  if (files.length === 0) return failed(graph, source, toursDir, 'no *.json tour files found');
  return { ...validateTourFiles(files, graph, source), toursDir };
}

function failed(graph: TourGraph, source: string | undefined, toursDir: string, message: string): TourValidationResult & { toursDir: string } {
  const { tours: _none, ...empty } = validateTourFiles([], graph, source);
  return { ...empty, issues: [{ file: displayPath(toursDir), message }], totalIssues: 1, toursDir };
}

/** The validated tours, or a `SeedValidationError` listing every problem. */
export async function loadTours(graph: TourGraph, opts: LoadToursOptions & { onWarning?: (w: string) => void } = {}): Promise<Tour[]> {
  const result = await validateTourDir(graph, opts);
  const warn = opts.onWarning ?? ((w: string) => process.stderr.write(`tour warning: ${w}\n`));
  for (const w of result.warnings) warn(w);
  if (!result.tours) throw new SeedValidationError(result.issues, result.totalIssues);
  return result.tours;
}
