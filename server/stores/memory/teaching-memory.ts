/**
 * The memory store's teaching answers, computed over the whole graph (nodes and
 * relationships as `MemoryStore.graph({})` returns them): the seed is small, and working on
 * the public shapes keeps this independent of the store's internal adjacency layout.
 * Grouping and order are shared with the Neo4j store in `../teaching.ts`.
 */
import { asOfKey, visibleAsOf, windowKeys } from '../../../graph-seed/dates.js';
import { assembleChanges, assembleMatrix, type MatrixRow } from '../teaching.js';
import type { ApiNode, ApiRelationship, ChangesAnswer, MatrixAnswer, Subgraph } from '../types.js';

export function changesOf(g: Subgraph, from: string, to: string): ChangesAnswer {
  const { fromKey, toKey } = windowKeys(from, to);
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const added = g.nodes.filter((n) => !visibleAsOf(n, fromKey) && visibleAsOf(n, toKey));
  const addedIds = new Set(added.map((n) => n.id));
  const relationships: ApiRelationship[] = [];
  const others: ApiNode[] = [];
  for (const r of g.relationships) {
    for (const [end, other] of [
      [r.source, r.target],
      [r.target, r.source],
    ] as const) {
      if (!addedIds.has(end)) continue;
      const o = byId.get(other)!;
      if (!visibleAsOf(o, toKey)) continue;
      relationships.push(r);
      others.push(o);
    }
  }
  return assembleChanges(from, to, added, relationships, others);
}

export function matrixOf(g: Subgraph, asOf?: string): MatrixAnswer {
  const key = asOfKey(asOf);
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const broader = new Map<string, string[]>();
  const narrower = new Map<string, string[]>();
  const issuedTo = new Map<string, ApiRelationship[]>();
  const partOf: ApiRelationship[] = [];
  for (const r of g.relationships) {
    if (r.type === 'PART_OF' && byId.get(r.source)?.label === 'Segment') {
      partOf.push(r);
      (broader.get(r.source) ?? broader.set(r.source, []).get(r.source)!).push(r.target);
      (narrower.get(r.target) ?? narrower.set(r.target, []).get(r.target)!).push(r.source);
    } else if (r.type === 'ISSUED') {
      (issuedTo.get(r.target) ?? issuedTo.set(r.target, []).get(r.target)!).push(r);
    }
  }
  /** The segment and every segment it is PART_OF (`broader`) or that is PART_OF it (`narrower`), at any depth. */
  const closure = (id: string, step: Map<string, string[]>): string[] => {
    const seen = new Set([id]);
    const queue = [id];
    for (let i = 0; i < queue.length; i++) {
      for (const next of step.get(queue[i]!) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return queue;
  };
  const rows: MatrixRow[] = [];
  for (const reg of g.relationships) {
    if (reg.type !== 'REGULATES') continue;
    const rule = byId.get(reg.source)!;
    const via = byId.get(reg.target)!;
    if (rule.label !== 'Rule' || via.label !== 'Segment' || !visibleAsOf(rule, key)) continue;
    for (const issued of issuedTo.get(rule.id) ?? []) {
      const agency = byId.get(issued.source)!;
      if (agency.label !== 'Agency') continue;
      for (const seg of closure(via.id, broader)) rows.push({ agency, rule, via, segment: byId.get(seg)!, issued, regulates: reg });
      // Regulated through a parent: every segment below `via` (not `via` itself).
      for (const seg of closure(via.id, narrower).slice(1)) {
        rows.push({ agency, rule, via, segment: byId.get(seg)!, issued, regulates: reg, through: true });
      }
    }
  }
  return assembleMatrix(rows, partOf);
}
