/**
 * The query inputs every store benchmark runs, drawn once per graph with a fixed seed so
 * the memory store, the Neo4j store and the raw driver answer exactly the same requests.
 *
 * Centres (neighbourhood, regulators, rulesTouching) are half drawn uniformly and half as
 * the end of a random relationship, i.e. weighted by degree, as a reader following links
 * lands on hubs more often than a uniform draw would. Search mixes vocabulary words, whole
 * names, name prefixes, English words and aliases.
 */
import type { NodeLabel, SeedGraph } from '../../graph-seed/schema.js';
import { createRng, type Rng } from '../synthetic/prng.js';
import { AGENCY_KINDS, SEGMENTS, TECHNOLOGIES, TOPICS } from '../synthetic/vocabulary.js';

export interface Workload {
  searches: string[];
  nodeIds: string[];
  centres: string[];
  pairs: Array<[string, string]>;
  segments: string[];
  topics: string[];
}

export function makeWorkload(graph: SeedGraph, count: number, seed = 7): Workload {
  const rng = createRng(seed, 11);
  const nodes = graph.nodes;
  const rels = graph.relationships;
  const byLabel = new Map<NodeLabel, string[]>();
  for (const n of nodes) {
    const list = byLabel.get(n.label);
    if (list) list.push(n.id);
    else byLabel.set(n.label, [n.id]);
  }
  const labelOf = new Map<string, NodeLabel>();
  for (const n of nodes) labelOf.set(n.id, n.label);
  const uniform = (): string => nodes[rng.int(nodes.length)]!.id;
  const byDegree = (): string => {
    const r = rels[rng.int(rels.length)]!;
    return rng.chance(0.5) ? r.source : r.target;
  };
  const mixed = (label?: NodeLabel): string => {
    if (label === undefined) return rng.chance(0.5) ? uniform() : byDegree();
    const ids = byLabel.get(label) ?? [];
    if (rng.chance(0.5)) return ids[rng.int(ids.length)]!;
    // Degree-weighted among this label: ends of random relationships until one fits.
    for (let tries = 0; tries < 50; tries++) {
      const id = byDegree();
      if (labelOf.get(id) === label) return id;
    }
    return ids[rng.int(ids.length)]!;
  };
  const words = [...TOPICS, ...SEGMENTS, ...AGENCY_KINDS, ...TECHNOLOGIES];
  const search = (rng: Rng): string => {
    const r = rng.next();
    if (r < 0.4) return rng.pick(words).zh;
    const n = nodes[rng.int(nodes.length)]!;
    if (r < 0.6) return n.name;
    if (r < 0.8) return n.name.slice(0, 2 + rng.int(3));
    if (r < 0.9) return rng.pick(words).en.split(' ')[0]!;
    const start = rng.int(nodes.length);
    for (let k = 0; k < nodes.length; k++) {
      const m = nodes[(start + k) % nodes.length]!;
      if (m.aliases.length > 0) return m.aliases[0]!;
    }
    return 'P2P';
  };
  const list = <T>(f: () => T): T[] => Array.from({ length: count }, f);
  return {
    searches: list(() => search(rng)),
    nodeIds: list(uniform),
    centres: list(() => mixed()),
    pairs: list(() => [uniform(), uniform()] as [string, string]),
    segments: list(() => mixed('Segment')),
    topics: list(() => mixed('Topic')),
  };
}
