/**
 * The teaching answers (date-range changes, agency × segment matrix) assembled from the
 * rows each store finds, so ordering and grouping are written once and both stores give the
 * same answer by construction. The finding itself (date filter, PART_OF walk) is each
 * store's own: graphology in memory, Cypher in Neo4j.
 */
import { compareByDateThenId, compareStrings } from '../../graph-seed/dates.js';
import { byId } from './api-shapes.js';
import type { ApiNode, ApiRelationship, ChangesAnswer, MatrixAnswer, MatrixCell } from './types.js';

export function assembleChanges(
  from: string,
  to: string,
  added: readonly ApiNode[],
  relationships: readonly ApiRelationship[],
  others: readonly ApiNode[],
): ChangesAnswer {
  const addedIds = new Set(added.map((n) => n.id));
  const rels = new Map(relationships.map((r) => [r.id, r]));
  const linked = new Map(others.filter((n) => !addedIds.has(n.id)).map((n) => [n.id, n]));
  return {
    from,
    to,
    added: [...added].sort(compareByDateThenId),
    relationships: [...rels.values()].sort(byId),
    linked: [...linked.values()].sort(byId),
  };
}

/**
 * One finding: `agency` issued `rule`, which regulates `via`, which is (or is PART_OF)
 * `segment`; with `through`, `segment` is PART_OF `via` instead (regulated through a parent).
 */
export interface MatrixRow {
  agency: ApiNode;
  rule: ApiNode;
  via: ApiNode;
  segment: ApiNode;
  issued: ApiRelationship;
  regulates: ApiRelationship;
  through?: boolean;
}

/**
 * Rows and the PART_OF relationships among segments → the matrix. `partOf` may hold more
 * than the columns need; only those joining two columns are kept.
 */
export function assembleMatrix(rows: readonly MatrixRow[], partOf: readonly ApiRelationship[]): MatrixAnswer {
  const agencies = new Map<string, ApiNode>();
  const segments = new Map<string, ApiNode>();
  const rules = new Map<string, ApiNode>();
  const rels = new Map<string, ApiRelationship>();
  const direct = new Map<string, Set<string>>();
  const rollup = new Map<string, Map<string, Set<string>>>();
  const through = new Map<string, Map<string, Set<string>>>();
  const rulesOfAgency = new Map<string, Set<string>>();
  const key = (a: string, s: string): string => `${a}\u0000${s}`;

  for (const r of rows) {
    agencies.set(r.agency.id, r.agency);
    segments.set(r.segment.id, r.segment);
    rules.set(r.rule.id, r.rule);
    rels.set(r.issued.id, r.issued);
    rels.set(r.regulates.id, r.regulates);
    const k = key(r.agency.id, r.segment.id);
    if (r.through === true) {
      const byRule = through.get(k) ?? through.set(k, new Map()).get(k)!;
      (byRule.get(r.rule.id) ?? byRule.set(r.rule.id, new Set()).get(r.rule.id)!).add(r.via.id);
    } else if (r.via.id === r.segment.id) {
      (direct.get(k) ?? direct.set(k, new Set()).get(k)!).add(r.rule.id);
    } else {
      const byRule = rollup.get(k) ?? rollup.set(k, new Map()).get(k)!;
      (byRule.get(r.rule.id) ?? byRule.set(r.rule.id, new Set()).get(r.rule.id)!).add(r.via.id);
    }
    (rulesOfAgency.get(r.agency.id) ?? rulesOfAgency.set(r.agency.id, new Set()).get(r.agency.id)!).add(r.rule.id);
  }

  const hierarchy = partOf.filter((r) => r.type === 'PART_OF' && segments.has(r.source) && segments.has(r.target));
  for (const r of hierarchy) rels.set(r.id, r);

  const ruleOrder = (a: string, b: string): number => compareByDateThenId(rules.get(a)!, rules.get(b)!);
  const agencyRows = [...agencies.values()].sort(
    (a, b) =>
      rulesOfAgency.get(b.id)!.size - rulesOfAgency.get(a.id)!.size ||
      compareStrings(a.name, b.name) ||
      compareStrings(a.id, b.id),
  );
  const columns = hierarchyOrder([...segments.values()], hierarchy);

  const cells: MatrixCell[] = [];
  for (const a of agencyRows) {
    for (const s of columns) {
      const k = key(a.id, s.id);
      const d = direct.get(k) ?? new Set<string>();
      const up = rollup.get(k);
      const upList: MatrixCell['rollup'] = [];
      for (const [rule, vias] of up ?? []) {
        if (d.has(rule)) continue;
        for (const via of vias) upList.push({ rule, via });
      }
      const throughList: MatrixCell['through'] = [];
      for (const [rule, vias] of through.get(k) ?? []) {
        if (d.has(rule) || up?.has(rule)) continue;
        for (const via of vias) throughList.push({ rule, via });
      }
      if (d.size === 0 && upList.length === 0 && throughList.length === 0) continue;
      upList.sort((x, y) => ruleOrder(x.rule, y.rule) || compareStrings(x.via, y.via));
      throughList.sort((x, y) => ruleOrder(x.rule, y.rule) || compareStrings(x.via, y.via));
      cells.push({ agency: a.id, segment: s.id, rules: [...d].sort(ruleOrder), rollup: upList, through: throughList });
    }
  }
  return {
    agencies: agencyRows,
    segments: columns,
    cells,
    rules: [...rules.values()].sort(compareByDateThenId),
    relationships: [...rels.values()].sort(byId),
  };
}

/** Depth-first from the broadest segments; children (narrower, PART_OF the parent) by id. */
function hierarchyOrder(segments: ApiNode[], partOf: readonly ApiRelationship[]): ApiNode[] {
  const byIdMap = new Map(segments.map((s) => [s.id, s]));
  const children = new Map<string, string[]>();
  const hasParent = new Set<string>();
  for (const r of partOf) {
    (children.get(r.target) ?? children.set(r.target, []).get(r.target)!).push(r.source);
    hasParent.add(r.source);
  }
  const out: ApiNode[] = [];
  const seen = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    out.push(byIdMap.get(id)!);
    for (const c of (children.get(id) ?? []).sort(compareStrings)) visit(c);
  };
  for (const s of [...segments].sort(byId)) if (!hasParent.has(s.id)) visit(s.id);
  // A PART_OF cycle cannot pass validation, but never drop a column if one slipped in.
  for (const s of [...segments].sort(byId)) visit(s.id);
  return out;
}
