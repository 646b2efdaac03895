/**
 * Two segments, two agencies, or one of them at two dates, side by side: the rules,
 * agencies (or segments) and the topics their rules prohibit, require or address, each
 * marked as found on both sides or only on one. Built from `GraphStore` methods only, so
 * both stores compare alike.
 */
import type { ApiNode, GraphStore, RelType } from '../stores/types.js';
import { QUESTION_LIMIT_MAX } from '../stores/types.js';
import { badRequest, notFound } from '../http/errors.js';
import type { Comparison } from '../contract/briefs.js';

type Side = { node: ApiNode; asOf: string | undefined };
type Facet = 'rules' | 'agencies' | 'segments' | 'prohibits' | 'requires' | 'addresses';

const TOPIC_FACETS: Partial<Record<RelType, Facet>> = { PROHIBITS: 'prohibits', REQUIRES: 'requires', ADDRESSES: 'addresses' };
const RULE_LIMIT = 500;

/** What one side touches, per facet, by id. */
async function profile(store: GraphStore, s: Side): Promise<Map<Facet, Map<string, ApiNode>>> {
  const out = new Map<Facet, Map<string, ApiNode>>();
  const add = (f: Facet, n: ApiNode) => {
    const m = out.get(f) ?? new Map<string, ApiNode>();
    m.set(n.id, n);
    out.set(f, m);
  };
  let rules: ApiNode[];
  if (s.node.label === 'Segment') {
    // The segment and the narrower ones PART_OF it, as "who regulates" answers.
    const r = await store.regulators(s.node.id, s.asOf, QUESTION_LIMIT_MAX);
    rules = r ? [...new Map(r.agencies.flatMap((a) => a.rules.map((x) => [x.rule.id, x.rule] as const))).values()] : [];
    for (const a of r?.agencies ?? []) add('agencies', a.agency);
  } else {
    const nb = await store.neighborhood({ id: s.node.id, depth: 1, types: ['ISSUED'], labels: ['Rule'], limit: RULE_LIMIT, ...(s.asOf ? { asOf: s.asOf } : {}) });
    rules = (nb?.nodes ?? []).filter((n) => n.label === 'Rule');
  }
  for (const rule of rules) {
    add('rules', rule);
    const nb = await store.neighborhood({ id: rule.id, depth: 1, types: ['REGULATES', 'PROHIBITS', 'REQUIRES', 'ADDRESSES'], limit: RULE_LIMIT, ...(s.asOf ? { asOf: s.asOf } : {}) });
    if (!nb) continue;
    const byId = new Map(nb.nodes.map((n) => [n.id, n]));
    for (const r of nb.relationships) {
      if (r.source !== rule.id) continue;
      const target = byId.get(r.target);
      if (!target) continue;
      const facet = TOPIC_FACETS[r.type];
      if (facet) add(facet, target);
      else if (r.type === 'REGULATES' && s.node.label === 'Agency') add('segments', target);
    }
  }
  return out;
}

const summary = (n: ApiNode) => ({ id: n.id, name: n.name, nameEn: n.nameEn, label: n.label });

export async function compare(store: GraphStore, a: string, b: string, asOfA?: string, asOfB?: string): Promise<Comparison> {
  if (a === b && asOfA === asOfB) {
    throw badRequest('Query parameters `a` and `b` name the same node at the same date: give two different nodes, or one node with `asOf` and `asOfB` at two dates.');
  }
  const [na, nb] = await Promise.all([store.node(a), store.node(b)]);
  const missing = [!na ? a : undefined, !nb ? b : undefined].filter((x): x is string => x !== undefined);
  if (!na || !nb) throw notFound(`No node has the id ${missing.map((m) => `\`${m}\``).join(' or ')}.`);
  for (const [k, n] of [['a', na], ['b', nb]] as const) {
    if (n.label !== 'Segment' && n.label !== 'Agency') throw badRequest(`Query parameter \`${k}\` must be a Segment or an Agency; \`${n.id}\` is a ${n.label}.`);
  }
  if (na.label !== nb.label) throw badRequest(`Query parameters \`a\` and \`b\` must be of one kind: \`${a}\` is a ${na.label}, \`${b}\` is a ${nb.label}.`);
  const [pa, pb] = await Promise.all([profile(store, { node: na, asOf: asOfA }), profile(store, { node: nb, asOf: asOfB })]);
  const kind = na.label === 'Segment' ? 'segments' : 'agencies';
  const facets: Facet[] = kind === 'segments' ? ['rules', 'agencies', 'prohibits', 'requires', 'addresses'] : ['rules', 'segments', 'prohibits', 'requires', 'addresses'];
  return {
    a: summary(na),
    b: summary(nb),
    asOf: { a: asOfA ?? null, b: asOfB ?? null },
    kind,
    facets: facets.map((facet) => {
      const ma = pa.get(facet) ?? new Map<string, ApiNode>();
      const mb = pb.get(facet) ?? new Map<string, ApiNode>();
      const all = new Map([...ma, ...mb]);
      const items = [...all.values()]
        .map((n) => ({ node: summary(n), inA: ma.has(n.id), inB: mb.has(n.id) }))
        // Shared first, then only in A, then only in B; by date for rules, else by id.
        .sort((x, y) => rank(x) - rank(y) || x.node.id.localeCompare(y.node.id));
      return {
        facet,
        items,
        shared: items.filter((i) => i.inA && i.inB).length,
        onlyA: items.filter((i) => i.inA && !i.inB).length,
        onlyB: items.filter((i) => !i.inA && i.inB).length,
      };
    }),
  };
}

const rank = (i: { inA: boolean; inB: boolean }): number => (i.inA && i.inB ? 0 : i.inA ? 1 : 2);
