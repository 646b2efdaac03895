/**
 * The memory store's fast paths (search index with early stops, bidirectional shortest path,
 * BFS) checked against slow, obviously correct versions on random graphs. The contract
 * suite pins exact answers on the fixture; this looks for the corner cases it cannot list.
 * The slow versions use ../support/reference-semantics.ts (dates, order, search tiers
 * restated from the documented rules), never the store's own date or scoring code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_LABELS, relationshipId, type SeedGraph, type SeedNode, type RelType } from '../../graph-seed/schema.js';
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { byCodeUnits as compareStrings, byDateThenId as compareByDateThenId, foldQuery, searchTier, visibleAt } from '../support/reference-semantics.js';

// A tiny alphabet makes shared prefixes, substrings and ties common.
const CHARS = ['金', '融', '贷', 'a', 'B', '-', ' '];
const text = (min: number, max: number) => fc.array(fc.constantFrom(...CHARS), { minLength: min, maxLength: max }).map((cs) => cs.join(''));
const nonBlank = (min: number, max: number) => text(min, max).filter((t) => t.trim().length > 0);

function makeNode(i: number, name: string, nameEn: string, aliases: string[], desc: string): SeedNode {
  const label = NODE_LABELS[i % NODE_LABELS.length]!;
  return {
    id: `${label.toLowerCase()}:n${i}`,
    label,
    name,
    nameEn,
    aliases,
    description: desc,
    descriptionEn: desc,
    figures: [],
    sources: [{ section: 's', quote: 'q' }],
  };
}

const searchGraph = fc
  .array(fc.tuple(nonBlank(1, 5), nonBlank(1, 4), fc.array(nonBlank(1, 3), { maxLength: 2 }), nonBlank(1, 8)), {
    minLength: 1,
    maxLength: 80,
  })
  .map((rows): SeedGraph => ({ nodes: rows.map(([n, e, a, d], i) => makeNode(i, n, e, a, d)), relationships: [] }));

/** Every node scored with the shared tier rules, sorted by the contract's order. */
function slowSearch(graph: SeedGraph, q: string, limit: number, labels?: string[]) {
  if (foldQuery(q) === '') return [];
  return graph.nodes
    .filter((n) => !labels || labels.includes(n.label))
    .map((n) => ({ n, tier: searchTier(n, q) }))
    .filter((x) => x.tier > 0)
    .sort((a, b) => b.tier - a.tier || a.n.name.length - b.n.name.length || compareStrings(a.n.id, b.n.id))
    .slice(0, limit)
    .map((x) => `${x.n.id}:${x.tier}`);
}

describe('memory search equals a full scan', () => {
  it('on random small graphs', async () => {
    await fc.assert(
      fc.asyncProperty(searchGraph, nonBlank(1, 3), fc.integer({ min: 1, max: 12 }), fc.boolean(), async (graph, q, limit, filter) => {
        const store = MemoryStore.fromGraph(graph);
        const labels = filter ? ['Agency', 'Topic', 'Event'] : undefined;
        const hits = await store.search({ q, limit, ...(labels ? { labels: labels as never } : {}) });
        expect(hits.map((h) => `${h.id}:${h.score}`)).toEqual(slowSearch(graph, q, limit, labels));
      }),
      { numRuns: 300 },
    );
  });

  it('when hundreds of names share a prefix (the heap branch)', async () => {
    const nodes: SeedNode[] = [];
    for (let i = 0; i < 4000; i++) {
      const name = i % 3 === 0 ? `金融${i % 7}` : i % 3 === 1 ? `贷金融${i % 5}` : `a${i % 11}金`;
      nodes.push(makeNode(i, name, `x${i}`, [], i % 2 ? '金融贷' : 'b'));
    }
    const graph: SeedGraph = { nodes, relationships: [] };
    const store = MemoryStore.fromGraph(graph);
    for (const q of ['金', '金融', '融', '贷', 'a', 'a1', '金融3', 'b', 'x1']) {
      for (const limit of [1, 5, 50, 300, 1500, 5000]) {
        const hits = await store.search({ q, limit });
        expect(hits.map((h) => `${h.id}:${h.score}`), `${q} / ${limit}`).toEqual(slowSearch(graph, q, limit));
      }
    }
  });
});

// Random multigraphs for the walks.
const walkGraph = fc
  .record({
    size: fc.integer({ min: 2, max: 10 }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom<RelType>('ISSUED', 'REGULATES', 'PART_OF')), { maxLength: 40 }),
  })
  .map(({ size, edges }): SeedGraph => {
    const nodes = Array.from({ length: size }, (_, i) => makeNode(i, `n${i}`, `n${i}`, [], 'd'));
    const seen = new Set<string>();
    const relationships = [];
    for (const [a, b, type] of edges) {
      const source = nodes[a % size]!.id;
      const target = nodes[b % size]!.id;
      const id = relationshipId({ type, source, target });
      if (source === target || seen.has(id)) continue;
      seen.add(id);
      relationships.push({ id, type, source, target, properties: {}, sources: [{ section: 's', quote: 'q' }] });
    }
    return { nodes, relationships };
  });

/** All paths of minimal length by plain enumeration, the smallest by node ids then rel ids. */
function slowShortest(graph: SeedGraph, from: string, to: string, maxLength: number, directed: boolean, types?: RelType[]) {
  if (from === to) return { nodes: [from], rels: [] as string[] };
  const steps = (u: string) =>
    graph.relationships
      .filter((r) => !types || types.includes(r.type))
      .flatMap((r) => {
        const out: Array<[string, string]> = [];
        if (r.source === u) out.push([r.id, r.target]);
        if (!directed && r.target === u) out.push([r.id, r.source]);
        return out;
      });
  let paths: Array<{ nodes: string[]; rels: string[] }> = [{ nodes: [from], rels: [] }];
  for (let len = 1; len <= maxLength; len++) {
    const next: typeof paths = [];
    for (const p of paths) {
      for (const [rid, w] of steps(p.nodes.at(-1)!)) {
        if (p.nodes.includes(w)) continue;
        next.push({ nodes: [...p.nodes, w], rels: [...p.rels, rid] });
      }
    }
    const done = next.filter((p) => p.nodes.at(-1) === to);
    if (done.length > 0) {
      const key = (p: { nodes: string[]; rels: string[] }) => [...p.nodes, '|', ...p.rels];
      done.sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return compareStrings(ka[i]!, kb[i]!);
        return 0;
      });
      return done[0]!;
    }
    paths = next;
  }
  return null;
}

describe('memory shortest path equals enumeration of all paths', () => {
  it('on random multigraphs, directed or not, with and without type filters', async () => {
    await fc.assert(
      fc.asyncProperty(
        walkGraph,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        fc.option(fc.subarray(['ISSUED', 'REGULATES', 'PART_OF'] as RelType[], { minLength: 1 }), { nil: undefined }),
        async (graph, a, b, maxLength, directed, types) => {
          const from = graph.nodes[a % graph.nodes.length]!.id;
          const to = graph.nodes[b % graph.nodes.length]!.id;
          const store = MemoryStore.fromGraph(graph);
          const got = await store.shortestPath({ from, to, maxLength, directed, ...(types ? { types } : {}) });
          const want = slowShortest(graph, from, to, maxLength, directed, types);
          if (want === null) expect(got).toBeNull();
          else {
            expect(got!.nodes.map((n) => n.id)).toEqual(want.nodes);
            expect(got!.relationships.map((r) => r.id)).toEqual(want.rels);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('memory neighbourhood equals distances by plain BFS', () => {
  it('on random multigraphs', async () => {
    await fc.assert(
      fc.asyncProperty(walkGraph, fc.nat(), fc.constantFrom(1, 2, 3) as fc.Arbitrary<1 | 2 | 3>, fc.integer({ min: 1, max: 20 }), async (graph, c, depth, limit) => {
        const centre = graph.nodes[c % graph.nodes.length]!.id;
        // Plain BFS distances over all relationships, both directions.
        const dist = new Map<string, number>([[centre, 0]]);
        for (let d = 1; d <= depth; d++) {
          for (const r of graph.relationships) {
            for (const [u, w] of [[r.source, r.target], [r.target, r.source]] as const) {
              if (dist.get(u) === d - 1 && !dist.has(w)) dist.set(w, d);
            }
          }
        }
        const order = [...dist].sort((x, y) => x[1] - y[1] || (x[1] === 0 ? 0 : compareStrings(x[0], y[0]))).map(([id]) => id);
        const kept = order.slice(0, limit);
        const store = MemoryStore.fromGraph(graph);
        const got = await store.neighborhood({ id: centre, depth, limit });
        expect(got!.nodes.map((n) => n.id)).toEqual(kept);
        expect(got!.truncated).toBe(order.length > limit);
        const keptSet = new Set(kept);
        const rels = graph.relationships.filter((r) => keptSet.has(r.source) && keptSet.has(r.target)).map((r) => r.id).sort(compareStrings);
        expect(got!.relationships.map((r) => r.id)).toEqual(rels);
      }),
      { numRuns: 300 },
    );
  });
});

// Random regulatory graphs for the two questions: agencies with clashing names (ties on
// name), rules with and without dates, segments and topics in a PART_OF DAG.
const questionGraph = fc
  .record({
    agencies: fc.array(fc.constantFrom('甲', '乙', '甲乙', 'A'), { minLength: 1, maxLength: 6 }),
    rules: fc.array(fc.option(fc.constantFrom('2015', '2015-07', '2015-07-18', '2016-08-24', '2016-10'), { nil: undefined }), { minLength: 1, maxLength: 10 }),
    groups: fc.integer({ min: 1, max: 6 }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('ISSUED', 'REGULATES', 'PART_OF', 'PROHIBITS', 'ADDRESSES')), { maxLength: 60 }),
  })
  .map(({ agencies, rules, groups, edges }): SeedGraph => {
    const node = (id: string, label: SeedNode['label'], name: string, date?: string): SeedNode => ({
      ...makeNode(0, name, name, [], 'd'),
      id,
      label,
      ...(date ? { date } : {}),
    });
    const ag = agencies.map((name, i) => node(`agency:a${i}`, 'Agency', name));
    const ru = rules.map((date, i) => node(`rule:r${i}`, 'Rule', `r${i}`, date));
    const se = Array.from({ length: groups }, (_, i) => node(`segment:s${i}`, 'Segment', `s${i}`));
    const to = Array.from({ length: groups }, (_, i) => node(`topic:t${i}`, 'Topic', `t${i}`));
    const seen = new Set<string>();
    const relationships: SeedGraph['relationships'] = [];
    const add = (type: RelType, source: string, target: string) => {
      const id = relationshipId({ type, source, target });
      if (source === target || seen.has(id)) return;
      seen.add(id);
      relationships.push({ id, type, source, target, properties: {}, sources: [{ section: 's', quote: 'q' }] });
    };
    for (const [a, b, type] of edges) {
      if (type === 'ISSUED') add(type, ag[a % ag.length]!.id, ru[b % ru.length]!.id);
      else if (type === 'REGULATES') add(type, ru[a % ru.length]!.id, se[b % se.length]!.id);
      else if (type === 'PART_OF') {
        // Narrower (higher index) PART_OF broader (lower index): a DAG, as the validator demands.
        const [hi, lo] = [Math.max(a % groups, b % groups), Math.min(a % groups, b % groups)];
        add(type, se[hi]!.id, se[lo]!.id);
        add(type, to[hi]!.id, to[lo]!.id);
      } else add(type, ru[a % ru.length]!.id, to[b % to.length]!.id);
    }
    return { nodes: [...ag, ...ru, ...se, ...to], relationships };
  });

/** Ids of `root` and everything PART_OF it at any depth. */
function closureOf(graph: SeedGraph, root: string): Set<string> {
  const out = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of graph.relationships) {
      if (r.type === 'PART_OF' && out.has(r.target) && !out.has(r.source)) {
        out.add(r.source);
        grew = true;
      }
    }
  }
  return out;
}

const byId = (graph: SeedGraph) => new Map(graph.nodes.map((n) => [n.id, n]));

/** The regulators answer as the contract words it, by filtering and sorting everything. */
function slowRegulators(graph: SeedGraph, segment: string, asOf: string | undefined, limit: number) {
  const nodes = byId(graph);
  const below = closureOf(graph, segment);
  const entries = graph.relationships
    .filter((reg) => reg.type === 'REGULATES' && below.has(reg.target) && visibleAt(nodes.get(reg.source)!, asOf))
    .flatMap((reg) =>
      graph.relationships.filter((iss) => iss.type === 'ISSUED' && iss.target === reg.source).map((iss) => ({ agency: iss.source, rule: reg.source, segment: reg.target })),
    )
    .sort((a, b) => compareByDateThenId(nodes.get(a.rule)!, nodes.get(b.rule)!) || compareStrings(a.segment, b.segment));
  const agencies = [...new Set(entries.map((e) => e.agency))].map((agency) => ({
    agency,
    ruleCount: new Set(entries.filter((e) => e.agency === agency).map((e) => e.rule)).size,
    rules: entries.filter((e) => e.agency === agency).map((e) => `${e.rule}>${e.segment}`),
  }));
  agencies.sort((a, b) => b.ruleCount - a.ruleCount || compareStrings(nodes.get(a.agency)!.name, nodes.get(b.agency)!.name) || compareStrings(a.agency, b.agency));
  let room = limit;
  const kept = [];
  for (const a of agencies) {
    if (room === 0) break;
    kept.push({ ...a, rules: a.rules.slice(0, room) });
    room -= Math.min(room, a.rules.length);
  }
  // Regulated through a parent: rules of a segment above, without the rules of the direct part.
  const above = aboveOf(graph, segment);
  const direct = new Set(
    graph.relationships.filter((reg) => reg.type === 'REGULATES' && below.has(reg.target) && visibleAt(nodes.get(reg.source)!, asOf)).map((r) => r.source),
  );
  const through = graph.relationships
    .filter((reg) => reg.type === 'REGULATES' && above.has(reg.target) && !direct.has(reg.source) && visibleAt(nodes.get(reg.source)!, asOf))
    .flatMap((reg) =>
      graph.relationships.filter((iss) => iss.type === 'ISSUED' && iss.target === reg.source).map((iss) => ({ agency: iss.source, rule: reg.source, segment: reg.target })),
    )
    .sort(
      (a, b) =>
        compareByDateThenId(nodes.get(a.rule)!, nodes.get(b.rule)!) || compareStrings(a.agency, b.agency) || compareStrings(a.segment, b.segment),
    )
    .map((e) => `${e.agency}: ${e.rule}>${e.segment}`);
  const broader = graph.relationships
    .filter((r) => r.type === 'PART_OF' && (r.source === segment || above.has(r.source)))
    .map((r) => r.id)
    .sort(compareStrings);
  return {
    agencies: kept,
    through: through.slice(0, limit),
    broader,
    total: { agencies: agencies.length, entries: entries.length, through: through.length },
    truncated: entries.length > limit,
  };
}

/** Every segment `root` is PART_OF, at any depth (not `root` itself unless in a cycle, which the seed forbids). */
function aboveOf(graph: SeedGraph, root: string): Set<string> {
  const out = new Set<string>();
  const queue = [root];
  for (let i = 0; i < queue.length; i++) {
    for (const r of graph.relationships) {
      if (r.type === 'PART_OF' && r.source === queue[i] && !out.has(r.target)) (out.add(r.target), queue.push(r.target));
    }
  }
  return out;
}

function slowRules(graph: SeedGraph, topic: string, asOf: string | undefined, limit: number) {
  const nodes = byId(graph);
  const below = closureOf(graph, topic);
  const entries = graph.relationships
    .filter((r) => ['PROHIBITS', 'REQUIRES', 'ADDRESSES'].includes(r.type) && below.has(r.target) && visibleAt(nodes.get(r.source)!, asOf))
    .sort((a, b) => compareByDateThenId(nodes.get(a.source)!, nodes.get(b.source)!) || compareStrings(a.type, b.type) || compareStrings(a.target, b.target))
    .map((r) => r.id);
  return { rules: entries.slice(0, limit), total: entries.length, truncated: entries.length > limit };
}

describe('memory question answers equal filtering and sorting everything', () => {
  const asOf = fc.option(fc.constantFrom('2015', '2015-07-18', '2016-09', '2016-10-01'), { nil: undefined });
  it('regulators, with limits that cut inside and between agencies', async () => {
    await fc.assert(
      fc.asyncProperty(questionGraph, fc.nat(), asOf, fc.integer({ min: 1, max: 25 }), async (graph, s, date, limit) => {
        const segments = graph.nodes.filter((n) => n.label === 'Segment');
        const segment = segments[s % segments.length]!.id;
        const got = await MemoryStore.fromGraph(graph).regulators(segment, date, limit);
        expect({
          agencies: got!.agencies.map((a) => ({ agency: a.agency.id, ruleCount: a.ruleCount, rules: a.rules.map((r) => `${r.rule.id}>${r.segment.id}`) })),
          through: got!.through.map((t) => `${t.agency.id}: ${t.rule.id}>${t.segment.id}`),
          broader: got!.broader.map((r) => r.id),
          total: got!.total,
          truncated: got!.truncated,
        }).toEqual(slowRegulators(graph, segment, date, limit));
      }),
      { numRuns: 400 },
    );
  });

  it('rulesTouching', async () => {
    await fc.assert(
      fc.asyncProperty(questionGraph, fc.nat(), asOf, fc.integer({ min: 1, max: 25 }), async (graph, t, date, limit) => {
        const topics = graph.nodes.filter((n) => n.label === 'Topic');
        const topic = topics[t % topics.length]!.id;
        const got = await MemoryStore.fromGraph(graph).rulesTouching(topic, date, limit);
        expect({ rules: got!.rules.map((r) => r.relationship.id), total: got!.total, truncated: got!.truncated }).toEqual(slowRules(graph, topic, date, limit));
      }),
      { numRuns: 400 },
    );
  });
});
