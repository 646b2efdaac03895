/**
 * `GET /api/report/passages`: every cited passage in document order with the facts (nodes,
 * relationships, figures) and tour steps citing it. Places come from the text when it is
 * installed (so a graph other than the committed seed is placed too), else from the
 * committed places file; both stores answer alike because both come from `store.graph`.
 */
import { computePlaces, placeKey, type QuotePlace, type QuotePlacesFile } from '../../graph-seed/quote-places.js';
import type { Source } from '../../graph-seed/schema.js';
import type { Tour } from '../../graph-seed/tour-schema.js';
import type { Passage, PassageFact, PassagesResponse } from '../contract/report.js';
import type { Subgraph } from '../stores/types.js';
import { toReportHeadings } from './build-report.js';
import type { ReportSource } from './report-source.js';

interface Citing {
  facts: PassageFact[];
  tours: Passage['tours'];
}

function citationsByKey(graph: Subgraph, tours: readonly Tour[]): { byKey: Map<string, Citing>; sources: Source[] } {
  const byKey = new Map<string, Citing>();
  const sources: Source[] = [];
  const at = (s: Source): Citing => {
    const key = placeKey(s);
    let c = byKey.get(key);
    if (c === undefined) {
      c = { facts: [], tours: [] };
      byKey.set(key, c);
      sources.push({ section: s.section, quote: s.quote });
    }
    return c;
  };
  const names = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const n of graph.nodes) {
    for (const s of n.sources) at(s).facts.push({ kind: 'node', id: n.id, label: n.label, name: n.name, nameEn: n.nameEn });
    for (const f of n.figures) {
      for (const s of f.sources) {
        at(s).facts.push({ kind: 'figure', id: n.id, name: n.name, nameEn: n.nameEn, metric: f.metric, metricEn: f.metricEn, value: f.value, unit: f.unit, year: f.year });
      }
    }
  }
  for (const r of graph.relationships) {
    const from = names.get(r.source);
    const to = names.get(r.target);
    const evidence = r.properties['evidence'];
    for (const s of r.sources) {
      at(s).facts.push({
        kind: 'relationship',
        id: r.id,
        type: r.type,
        source: r.source,
        target: r.target,
        sourceName: from?.name ?? r.source,
        sourceNameEn: from?.nameEn ?? r.source,
        targetName: to?.name ?? r.target,
        targetNameEn: to?.nameEn ?? r.target,
        ...(typeof evidence === 'string' ? { evidence } : {}),
      });
    }
  }
  for (const t of tours) for (const step of t.steps) for (const s of step.sources) at(s).tours.push({ tour: t.id, step: step.id });
  return { byKey, sources };
}

const KIND_ORDER: Record<PassageFact['kind'], number> = { node: 0, relationship: 1, figure: 2 };

function compareFacts(a: PassageFact, b: PassageFact): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || (a.kind === 'figure' && b.kind === 'figure' ? (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0) : 0);
}

export function buildPassages(source: ReportSource, graph: Subgraph, tours: readonly Tour[]): PassagesResponse {
  const { byKey, sources } = citationsByKey(graph, tours);
  const file: QuotePlacesFile = source.text === undefined ? source.places : computePlaces(source.text, sources).file;
  const placed = new Map<string, QuotePlace>(file.places.map((p) => [placeKey(p), p]));
  const passages = new Map<string, Passage>();
  let unplaced = 0;
  for (const s of sources) {
    const key = placeKey(s);
    const place = placed.get(key);
    if (place === undefined) {
      unplaced++;
      continue;
    }
    const range = `${place.start}-${place.end}`;
    let p = passages.get(range);
    if (p === undefined) {
      p = { start: place.start, end: place.end, heading: place.heading, quotes: [], facts: [], tours: [] };
      passages.set(range, p);
    }
    p.quotes.push({ section: s.section, quote: s.quote });
    if (place.problems !== undefined) p.problems = [...new Set([...(p.problems ?? []), ...place.problems])];
    const citing = byKey.get(key)!;
    p.facts.push(...citing.facts);
    p.tours.push(...citing.tours);
  }
  const list = [...passages.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const p of list) {
    p.facts = dedupe(p.facts.sort(compareFacts));
    p.quotes.sort((a, b) => (a.quote < b.quote ? -1 : a.quote > b.quote ? 1 : a.section < b.section ? -1 : a.section > b.section ? 1 : 0));
    p.tours = dedupeTours(p.tours);
  }
  return { installed: source.text !== undefined, headings: toReportHeadings(file.headings), passages: list, unplaced };
}

function dedupe(facts: PassageFact[]): PassageFact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = JSON.stringify(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function dedupeTours(tours: Passage['tours']): Passage['tours'] {
  const seen = new Set<string>();
  return tours
    .filter((t) => {
      const key = `${t.tour}/${t.step}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.tour < b.tour ? -1 : a.tour > b.tour ? 1 : a.step < b.step ? -1 : a.step > b.step ? 1 : 0));
}
